package org.unccd.cst.ingest;

import java.sql.Date;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The latest progress row of each outcome on or before the as-of date, of three kinds:
 * any row (its status), a row that gives a percent (a percent or completed), a row with a
 * summary. The ingest step keeps the latest so far in {@code progress_latest}, updated
 * with each chunk in its transaction, and stages in the {@code progress} table only the
 * rows this table points to when their chunk commits: the other progress rows are counted
 * in the chunk's totals ({@link StagingTotals}) and not kept, as no output lists them.
 * Rows with a higher {@code seq} than the last chunk are looked at as they are, so that
 * the answer is that of the progress table in any case.
 * <p>
 * When the files are read at the same time, one partition each, each partition keeps the
 * latest rows of its own file ({@code part}, the file's index): the latest of all is the
 * latest of theirs, as {@link #seq} finds it, and every row it can be is staged.
 */
public final class LatestProgress {

	/** The latest row so far of each outcome and kind, for an as-of date. */
	public static final String TABLE = "progress_latest";

	/** What a row must have to count. */
	public enum Kind {

		/** Any row: its status and date. */
		STATUS("status", ""),

		/** A row that gives a percent: one of its own, or completed (100). */
		PERCENT("percent", " AND (percent IS NOT NULL OR status = 'completed')"),

		/** A row with a summary. */
		SUMMARY("summary", " AND summary IS NOT NULL");

		private final String code;

		private final String condition;

		Kind(String code, String condition) {
			this.code = code;
			this.condition = condition;
		}

		boolean counts(String status, Object percent, Object summary) {
			return switch (this) {
				case STATUS -> true;
				case PERCENT -> percent != null || "completed".equals(status);
				case SUMMARY -> summary != null;
			};
		}

	}

	private final LocalDate asOf;

	private final int part;

	private final Map<String, Latest> latest = new HashMap<>();

	private final Map<String, Latest> changed = new LinkedHashMap<>();

	private final int outcomeColumn;

	private final int dateColumn;

	private final int statusColumn;

	private final int percentColumn;

	private final int summaryColumn;

	/**
	 * The keeper of the latest rows of one ingest step or partition, empty.
	 * @param part the partition's file index, 0 for a step that reads every file
	 */
	LatestProgress(LocalDate asOf, int part) {
		this.asOf = asOf;
		this.part = part;
		DataTable progress = DataTable.PROGRESS;
		this.outcomeColumn = progress.column("outcome");
		this.dateColumn = progress.column("date");
		this.statusColumn = progress.column("status");
		this.percentColumn = progress.column("percent");
		this.summaryColumn = progress.column("summary");
	}

	static List<String> statements() {
		return List.of("DROP TABLE IF EXISTS " + TABLE,
				"CREATE TABLE " + TABLE + " (as_of DATE NOT NULL, part INT NOT NULL, "
						+ "outcome VARCHAR(10000) NOT NULL, kind VARCHAR(10) NOT NULL, row_date DATE NOT NULL, "
						+ "seq BIGINT NOT NULL, PRIMARY KEY (as_of, part, outcome, kind))");
	}

	/** Reads what the committed chunks hold, as a restarted step goes on from them. */
	void load(JdbcTemplate jdbc) {
		this.latest.clear();
		this.changed.clear();
		jdbc.query("SELECT outcome, kind, row_date, seq FROM " + TABLE + " WHERE as_of = ? AND part = ?", (rs) -> {
			this.latest.put(key(rs.getString(1), rs.getString(2)),
					new Latest(rs.getString(1), rs.getString(2), rs.getDate(3).toLocalDate(), rs.getLong(4), true));
		}, Date.valueOf(this.asOf), this.part);
	}

	/**
	 * Looks at an accepted progress row.
	 * @param values its values as inserted after seq, source_id and line
	 * @return whether it is now the latest row of its outcome of some kind
	 */
	boolean add(long seq, Object[] values) {
		LocalDate date = (LocalDate) values[this.dateColumn];
		if (date.isAfter(this.asOf)) {
			return false;
		}
		boolean latest = false;
		String outcome = (String) values[this.outcomeColumn];
		String status = (String) values[this.statusColumn];
		for (Kind kind : Kind.values()) {
			if (!kind.counts(status, values[this.percentColumn], values[this.summaryColumn])) {
				continue;
			}
			String key = key(outcome, kind.code);
			Latest before = this.latest.get(key);
			if (before == null || before.isBefore(date, seq)) {
				Latest now = new Latest(outcome, kind.code, date, seq, before != null && before.stored());
				this.latest.put(key, now);
				this.changed.put(key, now);
				latest = true;
			}
		}
		return latest;
	}

	/**
	 * Writes the rows that changed since the last chunk.
	 * @return the seq of each progress row the table now points to that it did not
	 * before: the rows of the chunk that must be staged
	 */
	Set<Long> write(JdbcTemplate jdbc) {
		if (this.changed.isEmpty()) {
			return Set.of();
		}
		Set<Long> pointedTo = new HashSet<>();
		Date asOf = Date.valueOf(this.asOf);
		List<Object[]> updates = new ArrayList<>();
		List<Object[]> inserts = new ArrayList<>();
		for (Map.Entry<String, Latest> entry : this.changed.entrySet()) {
			Latest row = entry.getValue();
			pointedTo.add(row.seq());
			if (row.stored()) {
				updates.add(new Object[] { Date.valueOf(row.date()), row.seq(), asOf, this.part, row.outcome(),
						row.kind() });
			}
			else {
				inserts.add(new Object[] { asOf, this.part, row.outcome(), row.kind(), Date.valueOf(row.date()),
						row.seq() });
				this.latest.put(entry.getKey(), new Latest(row.outcome(), row.kind(), row.date(), row.seq(), true));
			}
		}
		this.changed.clear();
		if (!updates.isEmpty()) {
			jdbc.batchUpdate(
					"UPDATE " + TABLE
							+ " SET row_date = ?, seq = ? WHERE as_of = ? AND part = ? AND outcome = ? AND kind = ?",
					updates,
					new int[] { Types.DATE, Types.BIGINT, Types.DATE, Types.INTEGER, Types.VARCHAR, Types.VARCHAR });
		}
		if (!inserts.isEmpty()) {
			jdbc.batchUpdate(
					"INSERT INTO " + TABLE + " (as_of, part, outcome, kind, row_date, seq) VALUES (?, ?, ?, ?, ?, ?)",
					inserts,
					new int[] { Types.DATE, Types.INTEGER, Types.VARCHAR, Types.VARCHAR, Types.DATE, Types.BIGINT });
		}
		return pointedTo;
	}

	/**
	 * The seq of the latest progress row of an outcome on or before an as-of date that
	 * counts for a kind (ties on the date go to the later row), or {@code null}.
	 * @param covered what the chunks cover ({@link StagingTotals#covered})
	 */
	public static Long seq(JdbcTemplate jdbc, String outcome, Kind kind, LocalDate asOf, long covered) {
		Date date = Date.valueOf(asOf);
		return jdbc
			.query("SELECT seq FROM (SELECT row_date, seq FROM " + TABLE
					+ " WHERE as_of = ? AND outcome = ? AND kind = ? UNION ALL SELECT row_date, seq FROM progress "
					+ "WHERE seq > ? AND outcome = ? AND row_date <= ?" + kind.condition
					+ ") c ORDER BY row_date DESC, seq DESC FETCH FIRST 1 ROW ONLY", (rs, n) -> rs.getLong(1), date,
					outcome, kind.code, covered, outcome, date)
			.stream()
			.findFirst()
			.orElse(null);
	}

	private static String key(String outcome, String kind) {
		return kind + "\0" + outcome;
	}

	private record Latest(String outcome, String kind, LocalDate date, long seq, boolean stored) {

		boolean isBefore(LocalDate otherDate, long otherSeq) {
			int order = this.date.compareTo(otherDate);
			return order < 0 || (order == 0 && this.seq < otherSeq);
		}

	}

}
