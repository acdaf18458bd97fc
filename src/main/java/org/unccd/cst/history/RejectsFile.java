package org.unccd.cst.history;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The rows of a published {@code rejects.csv}, read back to compare two runs. */
final class RejectsFile {

	private RejectsFile() {
	}

	/**
	 * A line of {@code rejects.csv}; it is the same reject when all but the value match.
	 */
	record Reject(String file, String line, String column, String value, String reason) {

		String key() {
			return this.file + '\u0000' + this.line + '\u0000' + this.column + '\u0000' + this.reason;
		}

		@Override
		public String toString() {
			String where = this.file + ", line " + this.line
					+ ((this.column == null || this.column.isEmpty()) ? "" : ", column " + this.column);
			String value = (this.value == null || this.value.isEmpty()) ? "" : " (value: " + shorten(this.value) + ")";
			return where + ": " + this.reason + value;
		}

		private static String shorten(String text) {
			String line = text.replace("\r", " ").replace("\n", " ");
			return (line.length() > 60) ? line.substring(0, 57) + "..." : line;
		}

	}

	static List<Reject> missingFrom(List<Reject> these, List<Reject> others) {
		Set<String> keys = new LinkedHashSet<>();
		others.forEach((reject) -> keys.add(reject.key()));
		return these.stream().filter((reject) -> !keys.contains(reject.key())).toList();
	}

	/** The rows of a {@code rejects.csv} (RFC 4180, the header skipped). */
	static List<Reject> read(InputStream in) throws IOException {
		List<Reject> rejects = new ArrayList<>();
		Reader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
		boolean header = true;
		for (List<String> fields = csvRecord(reader); fields != null; fields = csvRecord(reader)) {
			if (header) {
				header = false;
				continue;
			}
			while (fields.size() < 5) {
				fields.add("");
			}
			rejects.add(new Reject(fields.get(0), fields.get(1), fields.get(2), fields.get(3), fields.get(4)));
		}
		return rejects;
	}

	private static List<String> csvRecord(Reader reader) throws IOException {
		int c = reader.read();
		if (c < 0) {
			return null;
		}
		List<String> fields = new ArrayList<>();
		StringBuilder field = new StringBuilder();
		boolean quoted = false;
		while (true) {
			if (quoted) {
				if (c < 0) {
					break;
				}
				if (c == '"') {
					reader.mark(1);
					int next = reader.read();
					if (next == '"') {
						field.append('"');
					}
					else {
						quoted = false;
						reader.reset();
					}
				}
				else {
					field.append((char) c);
				}
			}
			else if (c == '"' && field.isEmpty()) {
				quoted = true;
			}
			else if (c == ',') {
				fields.add(field.toString());
				field.setLength(0);
			}
			else if (c == '\n' || c < 0) {
				break;
			}
			else if (c != '\r') {
				field.append((char) c);
			}
			c = reader.read();
		}
		fields.add(field.toString());
		return fields;
	}

}
