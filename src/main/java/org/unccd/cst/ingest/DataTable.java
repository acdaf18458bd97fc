package org.unccd.cst.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The tables of the progress folder, with their columns as the contract names them.
 */
public enum DataTable {

	PROGRESS("progress", "progress", List.of("date", "outcome", "status"), List.of("percent", "reported_by"),
			List.of("summary")),

	EXPENDITURES("expenditures", "expenditure", List.of("date", "budget_line", "amount", "reference"),
			List.of("work_item", "currency"), List.of("description")),

	FUNDING("funding", "funding", List.of("date", "source", "amount", "status", "reference"), List.of("currency"),
			List.of("donor")),

	FINDINGS("findings", "finding", List.of("outcome", "text"), List.of("date"), List.of("source_ref")),

	RECOMMENDATIONS("recommendations", "recommendation", List.of("report", "text"), List.of("priority", "date"),
			List.of("addressee")),

	RATES("rates", "rate", List.of("currency", "date", "rate"), List.of(), List.of());

	/** Languages a text column may have variants in, by suffix: {@code summary_zh}. */
	public static final List<String> VARIANT_LANGUAGES = Languages.VARIANTS;

	private final String prefix;

	private final String stagingTable;

	private final List<String> required;

	private final List<String> columns;

	/** Each column's index in {@link #columns()}: looked up for every row ingested. */
	private final Map<String, Integer> columnIndex = new HashMap<>();

	DataTable(String prefix, String stagingTable, List<String> required, List<String> optional,
			List<String> optionalTexts) {
		this.prefix = prefix;
		this.stagingTable = stagingTable;
		this.required = required;
		List<String> all = new ArrayList<>(required);
		all.addAll(optional);
		all.addAll(optionalTexts);
		// "text" is required in findings and recommendations; it has variants like the
		// optional texts
		List<String> texts = new ArrayList<>(optionalTexts);
		if (required.contains("text")) {
			texts.add(0, "text");
		}
		for (String text : texts) {
			for (String lang : Languages.VARIANTS) {
				all.add(text + "_" + lang);
			}
		}
		this.columns = List.copyOf(all);
		for (int i = 0; i < this.columns.size(); i++) {
			this.columnIndex.putIfAbsent(this.columns.get(i), i);
		}
	}

	/** The table a file or sheet belongs to, by the start of its name. */
	public static Optional<DataTable> forName(String name) {
		String lower = name.toLowerCase(Locale.ROOT);
		for (DataTable table : values()) {
			if (lower.startsWith(table.prefix)) {
				return Optional.of(table);
			}
		}
		return Optional.empty();
	}

	public String prefix() {
		return this.prefix;
	}

	public String stagingTable() {
		return this.stagingTable;
	}

	public List<String> required() {
		return this.required;
	}

	/**
	 * Every column read from the files: required, optional, then the language variants.
	 */
	public List<String> columns() {
		return this.columns;
	}

	/**
	 * The index of a column in {@link #columns()}, -1 if the table has none of the name.
	 */
	public int column(String name) {
		return this.columnIndex.getOrDefault(name, -1);
	}

	/** Whether rows of this table carry a date that the as-of cut-off applies to. */
	public boolean cutOffApplies() {
		return this != RATES;
	}

	/**
	 * Holds the variant languages apart, so that the constants' constructors can read
	 * them.
	 */
	private static final class Languages {

		static final List<String> VARIANTS = List.of("ar", "es", "fr", "ru", "zh");

	}

}
