package org.unccd.cst.history;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.unccd.cst.ingest.CsvRecordParser;

/**
 * The rows of a published {@code rejects.csv}, read back to compare two runs and to page
 * through them in the console.
 */
public final class RejectsFile {

	private RejectsFile() {
	}

	/**
	 * A line of {@code rejects.csv}; it is the same reject when all but the value match.
	 */
	public record Reject(String file, String line, String column, String value, String reason) {

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
	public static List<Reject> read(InputStream in) throws IOException {
		List<Reject> rejects = new ArrayList<>();
		CsvRecordParser parser = new CsvRecordParser(new InputStreamReader(in, StandardCharsets.UTF_8));
		boolean header = true;
		for (CsvRecordParser.CsvRecord record = parser.next(); record != null; record = parser.next()) {
			if (header) {
				header = false;
				continue;
			}
			List<String> fields = new ArrayList<>(record.fields());
			while (fields.size() < 5) {
				fields.add("");
			}
			rejects.add(new Reject(fields.get(0), fields.get(1), fields.get(2), fields.get(3), fields.get(4)));
		}
		return rejects;
	}

}
