package org.unccd.cst.aggregate;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes {@code rejects.csv}: one row per rejected row, in read order, with the file,
 * line, column, value and reason; no value can become a live formula in a spreadsheet.
 */
public final class RejectsCsvWriter {

	private RejectsCsvWriter() {
	}

	/** Every rejected row in read order: file, line, column, value, reason. */
	public static final String QUERY = "SELECT f.label, r.line, r.col, r.val, r.reason FROM reject r "
			+ "JOIN source_file f ON f.id = r.source_id ORDER BY r.seq";

	public static void write(JdbcTemplate jdbc, Path file) throws IOException {
		Files.createDirectories(file.getParent());
		try (BufferedWriter out = Files.newBufferedWriter(file)) {
			out.write("file,line,column,value,reason\n");
			jdbc.query(QUERY, (rs) -> {
				try {
					out.write(field(rs.getString(1)) + "," + rs.getLong(2) + "," + field(rs.getString(3)) + ","
							+ field(rs.getString(4)) + "," + field(rs.getString(5)) + "\n");
				}
				catch (IOException ex) {
					throw new java.io.UncheckedIOException(ex);
				}
			});
		}
	}

	/** A CSV field, quoted when needed, with a leading formula character neutralized. */
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
