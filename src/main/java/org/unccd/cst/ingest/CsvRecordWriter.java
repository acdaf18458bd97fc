package org.unccd.cst.ingest;

import java.util.StringJoiner;

/**
 * Writes RFC 4180 records, the counterpart of {@link CsvRecordParser}: a text is quoted
 * when it holds a comma, a quote or a line break, and a text that a spreadsheet would
 * read as a formula is prefixed with an apostrophe; numbers are written as they are.
 */
public final class CsvRecordWriter {

	private CsvRecordWriter() {
	}

	/** One record and its line end. */
	public static String record(Object... values) {
		StringJoiner record = new StringJoiner(",", "", "\n");
		for (Object value : values) {
			record.add((value instanceof Number) ? value.toString() : field((String) value));
		}
		return record.toString();
	}

	/** A text field, quoted when needed, with a leading formula character neutralized. */
	static String field(String value) {
		String text = neutralize((value != null) ? value : "");
		if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
			return "\"" + text.replace("\"", "\"\"") + "\"";
		}
		return text;
	}

	/** Prefixes a value that a spreadsheet would read as a formula with an apostrophe. */
	public static String neutralize(String value) {
		if (!value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0) {
			return "'" + value;
		}
		return value;
	}

}
