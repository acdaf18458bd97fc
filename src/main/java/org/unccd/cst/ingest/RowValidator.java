package org.unccd.cst.ingest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.unccd.cst.model.Programme;
import org.unccd.cst.model.WorkItem;

import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Checks one record against the contract's value rules and the programme's codes; the
 * rules that need other rows (rates, duplicate references) run later, in SQL.
 */
public class RowValidator implements ItemProcessor<RawRecord, IngestedRow> {

	static final List<String> STATUSES = List.of("planned", "in_progress", "completed", "delayed", "cancelled");

	private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

	private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)");

	private static final Pattern CURRENCY = Pattern.compile("[A-Za-z]{3}");

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	private static final BigDecimal MAX_AMOUNT = new BigDecimal("1e15");

	private final Programme programme;

	private final Set<String> outcomes;

	private final Map<String, WorkItem> workItems;

	private final Set<String> budgetLines;

	private final List<String> reports;

	public RowValidator(Programme programme) {
		this.programme = programme;
		this.outcomes = programme.outcomesByCode().keySet();
		this.workItems = programme.workItemsByCode();
		this.budgetLines = Set.copyOf(programme.budgetLines().stream().map((line) -> line.code()).toList());
		this.reports = programme.reports().stream().map((report) -> report.id()).toList();
	}

	@Override
	public IngestedRow process(RawRecord raw) {
		if (raw.problem() != null || raw.isEmptySource()) {
			return new IngestedRow(raw, null, raw.problem());
		}
		try {
			return new IngestedRow(raw, check(raw), null);
		}
		catch (Rejected rejected) {
			return new IngestedRow(raw, null, rejected.problem);
		}
	}

	private Object[] check(RawRecord raw) {
		DataTable table = raw.table();
		List<String> columns = table.columns();
		Object[] values = new Object[columns.size()];
		for (int i = 0; i < columns.size(); i++) {
			String value = (raw.values()[i] != null) ? raw.values()[i].strip() : null;
			checkCharacters(columns.get(i), value);
			values[i] = (value == null || value.isEmpty()) ? null : value;
		}
		for (String required : table.required()) {
			if (values[table.column(required)] == null) {
				throw reject(required, "", "required value \"" + required + "\" is empty");
			}
		}
		switch (table) {
			case PROGRESS -> progress(raw, values);
			case EXPENDITURES -> expenditure(raw, values);
			case FUNDING -> funding(raw, values);
			case FINDINGS -> finding(raw, values);
			case RECOMMENDATIONS -> recommendation(raw, values);
			case RATES -> rate(raw, values);
		}
		return values;
	}

	private void progress(RawRecord raw, Object[] v) {
		DataTable t = raw.table();
		v[t.column("date")] = date("date", raw.value("date"));
		String outcome = raw.value("outcome");
		if (!this.outcomes.contains(outcome)) {
			String hint = this.workItems.containsKey(outcome)
					? " (that is a work item: report on one of its outcomes, " + String.join(", ",
							this.workItems.get(outcome).subtreeOutcomes().stream().map((o) -> o.code()).toList()) + ")"
					: "";
			throw reject("outcome", outcome, "unknown outcome \"" + outcome + "\"" + hint);
		}
		String status = raw.value("status").toLowerCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
		if (!STATUSES.contains(status)) {
			throw reject("status", raw.value("status"),
					"status \"" + raw.value("status") + "\" is not one of " + String.join(", ", STATUSES));
		}
		v[t.column("status")] = status;
		String percentText = raw.value("percent");
		if (!percentText.isEmpty()) {
			BigDecimal percent = decimal("percent", percentText);
			if (percent.signum() < 0 || percent.compareTo(HUNDRED) > 0) {
				throw reject("percent", percentText, "percent \"" + percentText + "\" is not between 0 and 100");
			}
			if ("completed".equals(status) && percent.compareTo(HUNDRED) != 0) {
				throw reject("percent", percentText,
						"a completed row has percent 100 or blank, not \"" + percentText + "\"");
			}
			v[t.column("percent")] = percent;
		}
	}

	private void expenditure(RawRecord raw, Object[] v) {
		DataTable t = raw.table();
		v[t.column("date")] = date("date", raw.value("date"));
		String line = raw.value("budget_line");
		if (!this.budgetLines.contains(line)) {
			throw reject("budget_line", line, "unknown budget line \"" + line + "\" (the programme has "
					+ String.join(", ", this.programme.budgetLines().stream().map((l) -> l.code()).toList()) + ")");
		}
		v[t.column("amount")] = amount("amount", raw.value("amount"));
		String workItem = raw.value("work_item");
		if (!workItem.isEmpty() && !this.workItems.containsKey(workItem)) {
			throw reject("work_item", workItem, "unknown work item \"" + workItem + "\"");
		}
		v[t.column("currency")] = currency(raw.value("currency"));
	}

	private void funding(RawRecord raw, Object[] v) {
		DataTable t = raw.table();
		v[t.column("date")] = date("date", raw.value("date"));
		String source = raw.value("source").toLowerCase(Locale.ROOT);
		if (!source.equals("core") && !source.equals("extrabudgetary")) {
			throw reject("source", raw.value("source"),
					"source \"" + raw.value("source") + "\" is not one of core, extrabudgetary");
		}
		v[t.column("source")] = source;
		v[t.column("amount")] = amount("amount", raw.value("amount"));
		String status = raw.value("status").toLowerCase(Locale.ROOT);
		if (!status.equals("pledged") && !status.equals("received")) {
			throw reject("status", raw.value("status"),
					"status \"" + raw.value("status") + "\" is not one of pledged, received");
		}
		v[t.column("status")] = status;
		v[t.column("currency")] = currency(raw.value("currency"));
	}

	private void finding(RawRecord raw, Object[] v) {
		DataTable t = raw.table();
		String outcome = raw.value("outcome");
		if (!this.outcomes.contains(outcome)) {
			throw reject("outcome", outcome, "unknown outcome \"" + outcome + "\"");
		}
		String date = raw.value("date");
		v[t.column("date")] = date.isEmpty() ? null : date("date", date);
	}

	private void recommendation(RawRecord raw, Object[] v) {
		DataTable t = raw.table();
		String report = raw.value("report");
		if (!this.reports.contains(report)) {
			throw reject("report", report,
					"unknown report \"" + report + "\" (the programme has " + String.join(", ", this.reports) + ")");
		}
		String priority = raw.value("priority");
		if (priority.isEmpty()) {
			v[t.column("priority")] = 2;
		}
		else if (priority.matches("[123](\\.0+)?")) {
			v[t.column("priority")] = priority.charAt(0) - '0';
		}
		else {
			throw reject("priority", priority, "priority \"" + priority + "\" is not 1 (highest), 2 or 3");
		}
		String date = raw.value("date");
		v[t.column("date")] = date.isEmpty() ? null : date("date", date);
	}

	private void rate(RawRecord raw, Object[] v) {
		DataTable t = raw.table();
		v[t.column("currency")] = currency(raw.value("currency"));
		v[t.column("date")] = date("date", raw.value("date"));
		v[t.column("rate")] = amount("rate", raw.value("rate"));
	}

	private LocalDate date(String column, String text) {
		if (!ISO_DATE.matcher(text).matches()) {
			throw reject(column, text, column + " \"" + text + "\" is not YYYY-MM-DD");
		}
		LocalDate date;
		try {
			date = LocalDate.parse(text);
		}
		catch (DateTimeParseException ex) {
			throw reject(column, text, column + " \"" + text + "\" is not a real date");
		}
		if (date.getYear() < 1900 || date.getYear() > 2100) {
			// the years a work programme and a workbook's dates can hold
			throw reject(column, text, column + " \"" + text + "\" is not between 1900 and 2100");
		}
		return date;
	}

	private BigDecimal decimal(String column, String text) {
		if (!DECIMAL.matcher(text).matches()) {
			String hint = text.contains(",") ? " (use . for decimals and no thousands separator)" : "";
			throw reject(column, text, column + " \"" + text + "\" is not a number" + hint);
		}
		BigDecimal value = new BigDecimal(text);
		if (value.scale() > 12) {
			throw reject(column, text, column + " \"" + text + "\" has more than 12 decimals");
		}
		return value;
	}

	private BigDecimal amount(String column, String text) {
		if (text.startsWith("+")) {
			throw reject(column, text, column + " \"" + text + "\" has a sign: write " + text.substring(1));
		}
		if (text.startsWith(".") || text.endsWith(".")) {
			String written = text.startsWith(".") ? "0" + text : text.substring(0, text.length() - 1);
			throw reject(column, text, column + " \"" + text + "\" has a bare decimal point: write " + written);
		}
		BigDecimal value = decimal(column, text);
		if ("amount".equals(column) && value.signum() > 0
				&& value.setScale(2, java.math.RoundingMode.HALF_EVEN).signum() == 0) {
			throw reject(column, text, column + " \"" + text + "\" is 0.00 once rounded to cents");
		}
		if (value.signum() <= 0) {
			throw reject(column, text, column + " \"" + text + "\" is not greater than 0");
		}
		if (value.compareTo(MAX_AMOUNT) >= 0) {
			throw reject(column, text, column + " \"" + text + "\" is too large");
		}
		return value;
	}

	private String currency(String text) {
		if (text.isEmpty()) {
			return this.programme.currency();
		}
		if (!CURRENCY.matcher(text).matches()) {
			throw reject("currency", text, "currency \"" + text + "\" is not a three-letter ISO code such as USD");
		}
		return text.toUpperCase(Locale.ROOT);
	}

	private static void checkCharacters(String column, String value) {
		if (value == null) {
			return;
		}
		if (value.length() > CsvRecordParser.MAX_FIELD_LENGTH) {
			throw reject(column, value, "value longer than " + CsvRecordParser.MAX_FIELD_LENGTH + " characters");
		}
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c == CsvRecordSource.INVALID) {
				throw reject(column, value.replace(CsvRecordSource.INVALID, '?'),
						"invalid UTF-8 in \"" + column + "\"");
			}
			if (c < 0x20 && c != '\n' && c != '\t' && c != '\r') {
				throw reject(column, value,
						"\"" + column + "\" holds a control character (U+" + String.format("%04X", (int) c) + ")");
			}
		}
	}

	private static Rejected reject(String column, String value, String reason) {
		return new Rejected(new RawRecord.Problem(column, value, reason));
	}

	/** Carries a rejection out of the checks; never escapes this class. */
	private static final class Rejected extends RuntimeException {

		private final transient RawRecord.Problem problem;

		Rejected(RawRecord.Problem problem) {
			super(null, null, false, false);
			this.problem = problem;
		}

	}

}
