package org.unccd.cst.ingest;

import java.time.LocalDate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The check that needs other rows, run in SQL once every file is in: a reference met
 * again in its table is rejected, pointing to the first row that holds it.
 * <p>
 * Only the rows the ingest step recorded as candidates (their reference may have been met
 * before, {@link ReferenceFilter}) and rows it did not write are looked at: with no
 * candidate there is nothing to do. Otherwise an index on the references finds the first
 * row of each candidate's reference, and every later row of it becomes a candidate too
 * (when files are read at the same time, a later row may be written before the row that
 * made the reference a candidate); the candidates after the first are rejected and
 * deleted, and taken away from the totals.
 * <p>
 * Expenditures are kept in the ledger's files ({@link LedgerFiles}), not in their staging
 * table: when there are candidates, the rows of their references are copied into it
 * first, and the ledger read back leaves out the rows rejected here.
 */
public class CrossRowChecks {

	private static final Logger log = LoggerFactory.getLogger(CrossRowChecks.class);

	private static final String CANDIDATE = StagingSchema.DUPLICATE_CANDIDATE;

	private final JdbcTemplate jdbc;

	private final LocalDate asOf;

	private final LedgerFiles ledger;

	/**
	 * The checks of a run.
	 * @param asOf the as-of date of the run's totals
	 * @param ledger the run's expenditures
	 */
	public CrossRowChecks(JdbcTemplate jdbc, LocalDate asOf, LedgerFiles ledger) {
		this.jdbc = jdbc;
		this.asOf = asOf;
		this.ledger = ledger;
	}

	/**
	 * The reason a duplicate reference is rejected with, as the SQL below writes it; for
	 * the checks that find duplicates without the staging tables ({@code --check}).
	 */
	public static String duplicateReason(String reference, String firstFile, long firstLine) {
		return "duplicate reference \"" + reference + "\" (first at " + firstFile + ":" + firstLine + ")";
	}

	public void run() {
		for (DataTable table : new DataTable[] { DataTable.EXPENDITURES, DataTable.FUNDING }) {
			int duplicates = rejectDuplicates(table);
			log.info("Checked {}: {} duplicate reference(s)", table.stagingTable(), duplicates);
		}
	}

	private int rejectDuplicates(DataTable table) {
		String name = table.stagingTable();
		long covered = StagingTotals.covered(this.jdbc, this.asOf);
		this.jdbc.update(
				"INSERT INTO " + CANDIDATE
						+ " (seq, tbl, reference) SELECT t.seq, CAST(? AS VARCHAR(20)), t.reference FROM " + name
						+ " t WHERE t.seq > ? AND NOT EXISTS (SELECT 1 FROM " + CANDIDATE + " c WHERE c.seq = t.seq)",
				name, covered);
		Long candidates = this.jdbc.queryForObject("SELECT COUNT(*) FROM " + CANDIDATE + " WHERE tbl = ?", Long.class,
				name);
		if (candidates == null || candidates == 0) {
			return 0;
		}
		if (table == DataTable.EXPENDITURES) {
			// the rows of the candidates' references, from the ledger's files
			log.info("Staged {} expenditure(s) of {} candidate(s) to check", this.ledger.stageCandidates(), candidates);
		}
		this.jdbc.execute("CREATE INDEX IF NOT EXISTS " + name + "_reference ON " + name + " (reference, seq)");
		this.jdbc.update("UPDATE " + CANDIDATE + " c SET first_seq = (SELECT MIN(p.seq) FROM " + name
				+ " p WHERE p.reference = c.reference) WHERE c.tbl = ?", name);
		// the rows after the first of a candidate's reference that are not candidates
		// themselves (written before the row that made the reference a candidate)
		// become candidates; a join, as H2 2.5 fails on a long IN (SELECT ...) here
		this.jdbc.update("INSERT INTO " + CANDIDATE
				+ " (seq, tbl, reference, first_seq) SELECT t.seq, CAST(? AS VARCHAR(20)), t.reference, f.first_seq "
				+ "FROM (SELECT reference, MIN(first_seq) AS first_seq FROM " + CANDIDATE
				+ " WHERE tbl = ? GROUP BY reference) f JOIN " + name
				+ " t ON t.reference = f.reference AND t.seq > f.first_seq WHERE NOT EXISTS (SELECT 1 FROM " + CANDIDATE
				+ " x WHERE x.seq = t.seq)", name, name);
		int duplicates = this.jdbc.update("INSERT INTO reject (seq, source_id, line, col, val, reason) "
				+ "SELECT t.seq, t.source_id, t.line, 'reference', t.reference, 'duplicate reference \"' || t.reference "
				+ "|| '\" (first at ' || f.label || ':' || CAST(first.line AS VARCHAR) || ')' FROM " + CANDIDATE
				+ " c JOIN " + name + " t ON t.seq = c.seq JOIN " + name + " first ON first.seq = c.first_seq "
				+ "JOIN source_file f ON f.id = first.source_id WHERE c.tbl = ? AND c.first_seq < c.seq", name);
		if (duplicates > 0) {
			String duplicate = "c.tbl = ? AND c.first_seq < c.seq";
			StagingTotals.subtract(this.jdbc, table, this.asOf, CANDIDATE + " c", duplicate, name);
			this.jdbc.update("MERGE INTO " + name + " t USING (SELECT c.seq FROM " + CANDIDATE + " c WHERE " + duplicate
					+ ") d ON t.seq = d.seq WHEN MATCHED THEN DELETE", name);
		}
		return duplicates;
	}

}
