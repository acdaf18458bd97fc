package org.unccd.cst.aggregate;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.unccd.cst.ingest.CsvRecordWriter;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes {@code rejects.csv}: one row per rejected row, in read order, with the file,
 * line, column, value and reason; no value can become a live formula in a spreadsheet.
 */
public final class RejectsCsvWriter {

	private RejectsCsvWriter() {
	}

	/** The header line of every rejects file. */
	public static final String HEADER = "file,line,column,value,reason\n";

	/** Every rejected row in read order: file, line, column, value, reason. */
	public static final String QUERY = "SELECT f.label, r.line, r.col, r.val, r.reason FROM reject r "
			+ "JOIN source_file f ON f.id = r.source_id ORDER BY r.seq";

	public static void write(JdbcTemplate jdbc, Path file) throws IOException {
		Files.createDirectories(file.getParent());
		try (BufferedWriter out = Files.newBufferedWriter(file)) {
			out.write(HEADER);
			jdbc.query(QUERY, (rs) -> {
				try {
					out.write(CsvRecordWriter.record(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4),
							rs.getString(5)));
				}
				catch (IOException ex) {
					throw new java.io.UncheckedIOException(ex);
				}
			});
		}
	}

}
