package org.unccd.cst.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

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
		return sql;
	}

	/**
	 * Indexes made once the rows are in, for the cross-row checks and the aggregation.
	 */
	public static List<String> indexes() {
		return List.of("CREATE INDEX IF NOT EXISTS expenditure_reference ON expenditure (reference, seq)",
				"CREATE INDEX IF NOT EXISTS funding_reference ON funding (reference, seq)",
				"CREATE INDEX IF NOT EXISTS progress_latest ON progress (outcome, row_date DESC, seq DESC)");
	}

	public static String insert(DataTable table) {
		List<String> names = new ArrayList<>(List.of("seq", "source_id", "line"));
		table.columns().forEach((name) -> names.add(column(name)));
		if (table == DataTable.EXPENDITURES || table == DataTable.FUNDING) {
			names.addAll(List.of("conversion_rate", "amount_pc"));
		}
		return "INSERT INTO " + table.stagingTable() + " (" + String.join(", ", names) + ") VALUES ("
				+ names.stream().map((name) -> "?").collect(Collectors.joining(", ")) + ")";
	}

}
