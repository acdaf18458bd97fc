package org.unccd.cst.ingest;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits RFC 4180 text into records, one at a time, keeping the physical line where each
 * record starts. Memory is bounded: a field longer than the limit is scanned to its end
 * but not kept, and the record is marked bad instead.
 */
public final class CsvRecordParser implements Closeable {

	static final int MAX_FIELD_LENGTH = 10_000;

	static final int MAX_FIELDS = 512;

	private static final int EOF = -1;

	private final Reader reader;

	private final char[] buffer = new char[64 * 1024];

	private int position;

	private int limit;

	private long line = 1;

	private boolean first = true;

	public CsvRecordParser(Reader reader) {
		this.reader = reader;
	}

	/** A record, or a record that could not be split, with the reason. */
	public record CsvRecord(long line, List<String> fields, int badField, String problem) {

		public boolean isBlank() {
			return this.problem == null && this.fields.stream().allMatch(String::isBlank);
		}

	}

	/** The next record, or {@code null} at the end of the input. */
	public CsvRecord next() throws IOException {
		int c = peek();
		if (c == EOF) {
			return null;
		}
		if (this.first) {
			this.first = false;
			if (c == '\uFEFF') {
				read();
			}
		}
		long start = this.line;
		List<String> fields = new ArrayList<>();
		StringBuilder field = new StringBuilder();
		String problem = null;
		int badField = -1;
		while (true) {
			field.setLength(0);
			boolean tooLong = false;
			c = peek();
			if (c == '"') {
				read();
				while (true) {
					c = read();
					if (c == EOF) {
						return new CsvRecord(start, fields, fields.size(), "unterminated quoted field");
					}
					if (c == '"') {
						if (peek() == '"') {
							read();
						}
						else {
							break;
						}
					}
					else if (c == '\r' || c == '\n') {
						endOfLine(c);
						c = '\n';
					}
					if (field.length() < MAX_FIELD_LENGTH) {
						field.append((char) c);
					}
					else {
						tooLong = true;
					}
				}
				c = peek();
				if (c != ',' && c != '\r' && c != '\n' && c != EOF && problem == null) {
					problem = "unexpected character after a closing quote (a quote inside a quoted field is written \"\")";
					badField = fields.size();
				}
			}
			// an unquoted field, or what follows a closing quote up to the delimiter
			while (true) {
				c = peek();
				if (c == ',' || c == '\r' || c == '\n' || c == EOF) {
					break;
				}
				read();
				if (field.length() < MAX_FIELD_LENGTH) {
					field.append((char) c);
				}
				else {
					tooLong = true;
				}
			}
			if (tooLong && problem == null) {
				problem = "value longer than " + MAX_FIELD_LENGTH + " characters";
				badField = fields.size();
			}
			if (fields.size() < MAX_FIELDS) {
				fields.add(field.toString());
			}
			else if (problem == null) {
				problem = "more than " + MAX_FIELDS + " fields";
				badField = MAX_FIELDS;
			}
			c = read();
			if (c == ',') {
				continue;
			}
			if (c == '\r' || c == '\n') {
				endOfLine(c);
			}
			return new CsvRecord(start, fields, badField, problem);
		}
	}

	private void endOfLine(int c) throws IOException {
		if (c == '\r' && peek() == '\n') {
			read();
		}
		this.line++;
	}

	private int peek() throws IOException {
		if (this.position == this.limit && !fill()) {
			return EOF;
		}
		return this.buffer[this.position];
	}

	private int read() throws IOException {
		if (this.position == this.limit && !fill()) {
			return EOF;
		}
		return this.buffer[this.position++];
	}

	private boolean fill() throws IOException {
		int n;
		do {
			n = this.reader.read(this.buffer, 0, this.buffer.length);
		}
		while (n == 0);
		if (n < 0) {
			return false;
		}
		this.position = 0;
		this.limit = n;
		return true;
	}

	@Override
	public void close() throws IOException {
		this.reader.close();
	}

}
