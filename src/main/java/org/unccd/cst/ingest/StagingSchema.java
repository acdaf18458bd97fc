package org.unccd.cst.ingest;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The staging tables the data files are loaded into, one per data table, made from
 * {@link DataTable} so that the columns cannot drift apart.
 */
public final class StagingSchema {

	private StagingSchema() {
	}

	/** The database column of a data column: {@code date} is a keyword. */
	public static String column(String name) {
		return "date".equals(name) ? "row_date" : name;
	}

	static String type(String name) {
		return switch (name) {
			case "date" -> "DATE";
			case "percent" -> "DECIMAL(9,4)";
			case "amount", "rate" -> "DECIMAL(38,12)";
			case "priority" -> "INT";
			default -> "VARCHAR(10000)";
		};
	}

	/**
	 * The scale of a decimal data column, -1 for other columns; the rate and the
	 * converted amount of expenditures and funding follow the table's columns.
	 */
	static int scale(String name) {
		return switch (name) {
			case "percent" -> 4;
			case "amount", "rate" -> 12;
			default -> -1;
		};
	}

	/** The scale of {@code conversion_rate} and {@code amount_pc}. */
	private static final int[] CONVERTED_SCALES = { 12, 2 };

	/**
	 * An accepted row with its decimals at the scale of their columns, rounded half up as
	 * the database rounds a value it stores, so that the database need not convert them.
	 */
	static IngestedRow toColumnScale(IngestedRow row) {
		if (!row.accepted()) {
			return row;
		}
		DataTable table = row.raw().table();
		Object[] values = row.values();
		List<String> columns = table.columns();
		for (int i = 0; i < values.length; i++) {
			if (values[i] instanceof BigDecimal value) {
				int scale = (i < columns.size()) ? scale(columns.get(i)) : CONVERTED_SCALES[i - columns.size()];
				if (scale >= 0 && value.scale() != scale) {
					values[i] = value.setScale(scale, RoundingMode.HALF_UP);
				}
			}
		}
		return row;
	}

	/**
	 * The scale of each value of a row as staged ({@link #insert}): -1 for seq,
	 * source_id, line and the columns that are not decimals.
	 */
	static int[] insertScales(DataTable table) {
		List<Integer> scales = new ArrayList<>(List.of(-1, -1, -1));
		table.columns().forEach((name) -> scales.add(scale(name)));
		if (table == DataTable.EXPENDITURES || table == DataTable.FUNDING) {
			for (int scale : CONVERTED_SCALES) {
				scales.add(scale);
			}
		}
		return scales.stream().mapToInt(Integer::intValue).toArray();
	}

	/** The JDBC type of a data column, as bound in {@link #insert(DataTable)}. */
	static int sqlType(String name) {
		return switch (name) {
			case "date" -> Types.DATE;
			case "percent", "amount", "rate" -> Types.DECIMAL;
			case "priority" -> Types.INTEGER;
			default -> Types.VARCHAR;
		};
	}

	/** Which job instance the staging tables were last built for. */
	public static final String OWNER = "staging_owner";

	/** Statements that drop and create every staging table, empty. */
	public static List<String> statements() {
		List<String> sql = new ArrayList<>();
		sql.add("DROP TABLE IF EXISTS " + OWNER);
		sql.add("CREATE TABLE " + OWNER + " (instance_id BIGINT NOT NULL)");
		for (DataTable table : DataTable.values()) {
			String columns = table.columns()
				.stream()
				.map((name) -> column(name) + " " + type(name))
				.collect(Collectors.joining(", "));
			String extra = switch (table) {
				case EXPENDITURES, FUNDING -> ", conversion_rate DECIMAL(38,12), amount_pc DECIMAL(38,2)";
				default -> "";
			};
			sql.add("DROP TABLE IF EXISTS " + table.stagingTable());
			sql.add("CREATE TABLE " + table.stagingTable() + " (seq BIGINT PRIMARY KEY, source_id INT NOT NULL, "
					+ "line BIGINT NOT NULL, " + columns + extra + ")");
		}
		sql.add("DROP TABLE IF EXISTS source_file");
		sql.add("CREATE TABLE source_file (id INT PRIMARY KEY, label VARCHAR(4000) NOT NULL, tbl VARCHAR(20))");
		sql.add("DROP TABLE IF EXISTS reject");
		sql.add("CREATE TABLE reject (seq BIGINT PRIMARY KEY, source_id INT NOT NULL, line BIGINT NOT NULL, "
				+ "col VARCHAR(100), val VARCHAR(10000), reason VARCHAR(30000) NOT NULL)");
		sql.addAll(LedgerFiles.statements());
		sql.addAll(StagingTotals.statements());
		sql.addAll(LatestProgress.statements());
		sql.add("DROP TABLE IF EXISTS " + DUPLICATE_CANDIDATE);
		sql.add("CREATE TABLE " + DUPLICATE_CANDIDATE + " (seq BIGINT PRIMARY KEY, tbl VARCHAR(20) NOT NULL, "
				+ "reference VARCHAR(10000) NOT NULL, first_seq BIGINT)");
		return sql;
	}

	/**
	 * The rows of expenditures and funding whose reference may have been met before in
	 * their table ({@link ReferenceFilter}); {@link CrossRowChecks} settles them.
	 */
	public static final String DUPLICATE_CANDIDATE = "duplicate_candidate";

	public static String insert(DataTable table) {
		List<String> names = new ArrayList<>(List.of("seq", "source_id", "line"));
		table.columns().forEach((name) -> names.add(column(name)));
		if (table == DataTable.EXPENDITURES || table == DataTable.FUNDING) {
			names.addAll(List.of("conversion_rate", "amount_pc"));
		}
		return "INSERT INTO " + table.stagingTable() + " (" + String.join(", ", names) + ") VALUES ("
				+ names.stream().map((name) -> "?").collect(Collectors.joining(", ")) + ")";
	}

	/**
	 * The JDBC types of the parameters of {@link #insert(DataTable)}: a null is bound
	 * with its column's type, which PostgreSQL needs and which spares a metadata lookup
	 * per value.
	 */
	public static int[] insertTypes(DataTable table) {
		List<Integer> types = new ArrayList<>(List.of(Types.BIGINT, Types.INTEGER, Types.BIGINT));
		table.columns().forEach((name) -> types.add(sqlType(name)));
		if (table == DataTable.EXPENDITURES || table == DataTable.FUNDING) {
			types.addAll(List.of(Types.DECIMAL, Types.DECIMAL));
		}
		return types.stream().mapToInt(Integer::intValue).toArray();
	}

	/** Inserts rows in one batch, each value bound with the setter of its type. */
	static void insertRows(JdbcTemplate jdbc, String sql, List<Object[]> rows, int[] types) {
		if (rows.isEmpty()) {
			return;
		}
		jdbc.batchUpdate(sql, new BatchPreparedStatementSetter() {

			@Override
			public void setValues(PreparedStatement ps, int i) throws SQLException {
				Object[] values = rows.get(i);
				for (int column = 0; column < types.length; column++) {
					bind(ps, column + 1, types[column], values[column]);
				}
			}

			@Override
			public int getBatchSize() {
				return rows.size();
			}

		});
	}

	private static void bind(PreparedStatement ps, int index, int type, Object value) throws SQLException {
		if (value == null) {
			ps.setNull(index, type);
			return;
		}
		switch (type) {
			case Types.BIGINT -> ps.setLong(index, ((Number) value).longValue());
			case Types.INTEGER -> ps.setInt(index, ((Number) value).intValue());
			case Types.VARCHAR -> ps.setString(index, (String) value);
			case Types.DECIMAL -> ps.setBigDecimal(index, (BigDecimal) value);
			default -> ps.setObject(index, value, type);
		}
	}

	/** Inserts a row into {@code reject}: seq, source_id, line, col, val, reason. */
	public static final String INSERT_REJECT = "INSERT INTO reject (seq, source_id, line, col, val, reason) "
			+ "VALUES (?, ?, ?, ?, ?, ?)";

	/** The JDBC types of the parameters of {@link #INSERT_REJECT}. */
	public static final int[] REJECT_TYPES = { Types.BIGINT, Types.INTEGER, Types.BIGINT, Types.VARCHAR, Types.VARCHAR,
			Types.VARCHAR };

	/**
	 * Records the source files of rows: an id already there gets the new label, as an
	 * upsert would, in SQL that H2 and PostgreSQL both run.
	 */
	public static void saveSources(JdbcTemplate jdbc, List<Object[]> sources) {
		jdbc.batchUpdate("DELETE FROM source_file WHERE id = ?",
				sources.stream().map((source) -> new Object[] { source[0] }).toList(), new int[] { Types.INTEGER });
		jdbc.batchUpdate("INSERT INTO source_file (id, label, tbl) VALUES (?, ?, ?)", sources,
				new int[] { Types.INTEGER, Types.VARCHAR, Types.VARCHAR });
	}

	/**
	 * A text as it can be stored: PostgreSQL cannot keep the character U+0000, which is
	 * stored as {@code ?} (in every database, so that the outputs do not depend on it).
	 */
	public static String storable(String text) {
		return (text != null && text.indexOf('\0') >= 0) ? text.replace('\0', '?') : text;
	}

}
