package org.unccd.cst.ingest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The check that needs other rows, run in SQL once every file is in: a reference met
 * again in its table is rejected, pointing to the first row that holds it.
 */
public class CrossRowChecks {

	private static final Logger log = LoggerFactory.getLogger(CrossRowChecks.class);

	private final JdbcTemplate jdbc;

	public CrossRowChecks(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	public void run() {
		StagingSchema.indexes().forEach(this.jdbc::execute);
		for (String table : new String[] { DataTable.EXPENDITURES.stagingTable(), DataTable.FUNDING.stagingTable() }) {
			int duplicates = rejectDuplicates(table);
			log.info("Checked {}: {} duplicate reference(s)", table, duplicates);
		}
	}

	private int rejectDuplicates(String table) {
		int duplicates = this.jdbc.update("INSERT INTO reject (seq, source_id, line, col, val, reason) "
				+ "SELECT t.seq, t.source_id, t.line, 'reference', t.reference, 'duplicate reference \"' || t.reference "
				+ "|| '\" (first at ' || f.label || ':' || CAST(first.line AS VARCHAR) || ')' FROM " + table + " t "
				+ "JOIN (SELECT reference, MIN(seq) AS first_seq FROM " + table
				+ " GROUP BY reference HAVING COUNT(*) > 1) d ON t.reference = d.reference AND t.seq > d.first_seq "
				+ "JOIN " + table + " first ON first.seq = d.first_seq JOIN source_file f ON f.id = first.source_id");
		if (duplicates > 0) {
			this.jdbc.update("DELETE FROM " + table + " t WHERE EXISTS (SELECT 1 FROM " + table
					+ " p WHERE p.reference = t.reference AND p.seq < t.seq)");
		}
		return duplicates;
	}

}
