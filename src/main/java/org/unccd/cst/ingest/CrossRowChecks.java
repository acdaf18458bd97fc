package org.unccd.cst.ingest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The checks that need other rows, run in SQL once every file is in: each amount is
 * converted at the latest rate on or before its date (a row with no such rate is
 * rejected), then a reference met again in its table is rejected, pointing to the first.
 */
public class CrossRowChecks {

	private static final Logger log = LoggerFactory.getLogger(CrossRowChecks.class);

	private final JdbcTemplate jdbc;

	public CrossRowChecks(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	public void run(String programmeCurrency) {
		this.jdbc.execute("CREATE ALIAS IF NOT EXISTS HALF_EVEN FOR 'org.unccd.cst.aggregate.Money.halfEven'");
		StagingSchema.indexes().forEach(this.jdbc::execute);
		for (String table : new String[] { DataTable.EXPENDITURES.stagingTable(), DataTable.FUNDING.stagingTable() }) {
			convert(table, programmeCurrency);
			int duplicates = rejectDuplicates(table);
			log.info("Checked {}: {} duplicate reference(s)", table, duplicates);
		}
	}

	private void convert(String table, String programmeCurrency) {
		this.jdbc.update("UPDATE " + table + " t SET conversion_rate = CASE WHEN t.currency = ? THEN 1 ELSE "
				+ "(SELECT r.rate FROM rate r WHERE r.currency = t.currency AND r.row_date <= t.row_date "
				+ "ORDER BY r.row_date DESC, r.seq DESC FETCH FIRST 1 ROW ONLY) END", programmeCurrency);
		int missing = this.jdbc.update("INSERT INTO reject (seq, source_id, line, col, val, reason) "
				+ "SELECT seq, source_id, line, 'currency', currency, 'no ' || currency || ' rate on or before ' "
				+ "|| CAST(row_date AS VARCHAR) FROM " + table + " WHERE conversion_rate IS NULL");
		if (missing > 0) {
			this.jdbc.update("DELETE FROM " + table + " WHERE conversion_rate IS NULL");
			log.info("Rejected {} {} row(s) with no conversion rate", missing, table);
		}
		this.jdbc.update("UPDATE " + table + " SET amount_pc = HALF_EVEN(amount * conversion_rate)");
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
