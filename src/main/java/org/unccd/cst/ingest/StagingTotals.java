package org.unccd.cst.ingest;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The counts and sums of the accepted rows that the summary needs, written with each
 * chunk in its transaction, so that the summary reads a few rows per chunk instead of
 * every row: per table, file, two key columns (work item and budget line of an
 * expenditure, source and status of a funding row) and whether the row is dated after the
 * as-of date, the number of rows and the sum of their converted amounts.
 * <p>
 * {@code staging_chunk} records the records each chunk covered. Rows with a higher
 * {@code seq} than the last chunk (rows not written by the ingest step) are read from
 * their table as they are, so that the figures are those of the tables in any case.
 */
public final class StagingTotals {

	/** The totals, one row per chunk and group. */
	public static final String TABLE = "staging_total";

	/** The records each chunk covered, and the as-of date its totals were made for. */
	public static final String CHUNKS = "staging_chunk";

	private static final String INSERT = "INSERT INTO " + TABLE
			+ " (tbl, as_of, source_id, key1, key2, after_as_of, row_count, amount_pc) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";

	private static final int[] INSERT_TYPES = { Types.VARCHAR, Types.DATE, Types.INTEGER, Types.VARCHAR, Types.VARCHAR,
			Types.INTEGER, Types.BIGINT, Types.DECIMAL };

	private final LocalDate asOf;

	private final Map<Group, Sum> groups = new LinkedHashMap<>();

	private long firstSeq = Long.MAX_VALUE;

	private long lastSeq = Long.MIN_VALUE;

	/** The totals of one chunk. */
	StagingTotals(LocalDate asOf) {
		this.asOf = asOf;
	}

	static List<String> statements() {
		return List.of("DROP TABLE IF EXISTS " + TABLE,
				"CREATE TABLE " + TABLE + " (tbl VARCHAR(20) NOT NULL, as_of DATE NOT NULL, source_id INT NOT NULL, "
						+ "key1 VARCHAR(10000), key2 VARCHAR(10000), after_as_of INT NOT NULL, "
						+ "row_count BIGINT NOT NULL, amount_pc DECIMAL(38,2))",
				"DROP TABLE IF EXISTS " + CHUNKS, "CREATE TABLE " + CHUNKS
						+ " (first_seq BIGINT PRIMARY KEY, last_seq BIGINT NOT NULL, as_of DATE NOT NULL)");
	}

	/** The first key column of a table's totals, {@code null} for none. */
	public static String key1(DataTable table) {
		return switch (table) {
			case EXPENDITURES -> "work_item";
			case FUNDING -> "source";
			default -> null;
		};
	}

	/** The second key column of a table's totals, {@code null} for none. */
	public static String key2(DataTable table) {
		return switch (table) {
			case EXPENDITURES -> "budget_line";
			case FUNDING -> "status";
			default -> null;
		};
	}

	/** Whether a table's rows carry a converted amount. */
	static boolean converted(DataTable table) {
		return table == DataTable.EXPENDITURES || table == DataTable.FUNDING;
	}

	/** Counts a record of the chunk, accepted or not. */
	void cover(long seq) {
		this.firstSeq = Math.min(this.firstSeq, seq);
		this.lastSeq = Math.max(this.lastSeq, seq);
	}

	/**
	 * Adds an accepted row.
	 * @param values its values as inserted after seq, source_id and line: the table's
	 * columns, then the rate and the converted amount
	 */
	void add(DataTable table, int sourceId, Object[] values) {
		String key1 = (key1(table) != null) ? (String) values[table.column(key1(table))] : null;
		String key2 = (key2(table) != null) ? (String) values[table.column(key2(table))] : null;
		LocalDate date = (LocalDate) values[table.column("date")];
		int after = (table.cutOffApplies() && date != null && date.isAfter(this.asOf)) ? 1 : 0;
		Sum sum = this.groups.computeIfAbsent(new Group(table, sourceId, key1, key2, after), (group) -> new Sum());
		sum.rows++;
		if (converted(table)) {
			BigDecimal amount = (BigDecimal) values[table.columns().size() + 1];
			sum.amount = (sum.amount != null) ? sum.amount.add(amount) : amount;
		}
	}

	/** Writes the chunk's totals and what it covered. */
	void write(JdbcTemplate jdbc) {
		if (this.firstSeq > this.lastSeq) {
			return;
		}
		Date asOf = Date.valueOf(this.asOf);
		List<Object[]> rows = new ArrayList<>();
		this.groups.forEach((group, sum) -> rows.add(new Object[] { group.table().stagingTable(), asOf,
				group.sourceId(), group.key1(), group.key2(), group.after(), sum.rows, sum.amount }));
		if (!rows.isEmpty()) {
			jdbc.batchUpdate(INSERT, rows, INSERT_TYPES);
		}
		jdbc.update("INSERT INTO " + CHUNKS + " (first_seq, last_seq, as_of) VALUES (?, ?, ?)", this.firstSeq,
				this.lastSeq, asOf);
	}

	/**
	 * The last record the totals made for an as-of date cover: rows with a higher seq are
	 * not in them.
	 */
	public static long covered(JdbcTemplate jdbc, LocalDate asOf) {
		Long last = jdbc.queryForObject("SELECT MAX(last_seq) FROM " + CHUNKS + " WHERE as_of = ?", Long.class,
				Date.valueOf(asOf));
		return (last != null) ? last : 0;
	}

	/**
	 * A query of a table's figures, columns {@code source_id, key1, key2, after_as_of, n,
	 * amount}: the totals of the chunks, then the rows they do not cover, one each. Its
	 * parameters are given by {@link #arguments}.
	 */
	public static String figures(DataTable table) {
		String after = table.cutOffApplies() ? "CASE WHEN row_date > ? THEN 1 ELSE 0 END" : "0";
		String key1 = (key1(table) != null) ? key1(table) : "CAST(NULL AS VARCHAR(10000))";
		String key2 = (key2(table) != null) ? key2(table) : "CAST(NULL AS VARCHAR(10000))";
		String amount = converted(table) ? "amount_pc" : "CAST(NULL AS DECIMAL(38,2))";
		return "SELECT source_id, key1, key2, after_as_of, row_count AS n, amount_pc AS amount FROM " + TABLE
				+ " WHERE tbl = '" + table.stagingTable() + "' AND as_of = ? UNION ALL SELECT source_id, " + key1 + ", "
				+ key2 + ", " + after + ", 1, " + amount + " FROM " + table.stagingTable() + " WHERE seq > ?";
	}

	/** The parameters of {@link #figures}. */
	public static Object[] arguments(DataTable table, LocalDate asOf, long covered) {
		Date date = Date.valueOf(asOf);
		return table.cutOffApplies() ? new Object[] { date, date, covered } : new Object[] { date, covered };
	}

	/**
	 * Takes away from the totals the rows of a table that are about to be deleted; rows
	 * the totals do not cover are left as they are.
	 * @param rows a table, aliased, whose {@code seq} column gives the rows
	 * @param condition which rows of it
	 * @param args the parameters of the condition
	 * @return the rows taken away
	 */
	public static int subtract(JdbcTemplate jdbc, DataTable table, LocalDate asOf, String rows, String condition,
			Object... args) {
		String key1 = (key1(table) != null) ? "t." + key1(table) : "CAST(NULL AS VARCHAR(10000))";
		String key2 = (key2(table) != null) ? "t." + key2(table) : "CAST(NULL AS VARCHAR(10000))";
		String after = table.cutOffApplies() ? "CASE WHEN t.row_date > ? THEN 1 ELSE 0 END" : "0";
		String amount = converted(table) ? "t.amount_pc" : "CAST(NULL AS DECIMAL(38,2))";
		Date date = Date.valueOf(asOf);
		List<Object> parameters = new ArrayList<>();
		parameters.add(table.stagingTable());
		parameters.add(date);
		if (table.cutOffApplies()) {
			parameters.add(date);
		}
		parameters.addAll(List.of(args));
		parameters.add(covered(jdbc, asOf));
		return jdbc
			.update("INSERT INTO " + TABLE + " (tbl, as_of, source_id, key1, key2, after_as_of, row_count, amount_pc) "
					+ "SELECT CAST(? AS VARCHAR(20)), CAST(? AS DATE), d.source_id, d.key1, d.key2, d.after_as_of, "
					+ "-COUNT(*), -SUM(d.amount) FROM (SELECT t.source_id, " + key1 + " AS key1, " + key2 + " AS key2, "
					+ after + " AS after_as_of, " + amount + " AS amount FROM " + rows + " JOIN " + table.stagingTable()
					+ " t ON t.seq = c.seq WHERE " + condition + " AND t.seq <= ?) d "
					+ "GROUP BY d.source_id, d.key1, d.key2, d.after_as_of", parameters.toArray());
	}

	private record Group(DataTable table, int sourceId, String key1, String key2, int after) {
	}

	private static final class Sum {

		long rows;

		BigDecimal amount;

	}

}
