package org.unccd.cst.ingest;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link RowValidator}: one test per value rule of the contract, on a
 * hand-built programme ({@link ProgrammeFixture}).
 */
class RowValidatorTests {

	private final RowValidator validator = new RowValidator(ProgrammeFixture.programme());

	@Test
	void acceptsValidProgressRowWithTypedValues() {
		IngestedRow row = validate(progress("2019-03-15", "O1.1-a", "in_progress", "40"));

		assertThat(row.problem()).isNull();
		assertThat(typed(row, "date")).isEqualTo(LocalDate.of(2019, 3, 15));
		assertThat(typed(row, "percent")).isEqualTo(new BigDecimal("40"));
	}

	@Test
	void keepsProblemOfRecordThatCouldNotBeRead() {
		RawRecord.Problem problem = new RawRecord.Problem("summary", "", "unterminated quoted field");
		RawRecord raw = new RawRecord(1, 0, "progress/p.csv", DataTable.PROGRESS, 4, new String[0], problem);

		assertThat(validate(raw).problem()).isEqualTo(problem);
	}

	@Test
	void rejectsDateNotInIsoFormat() {
		IngestedRow row = validate(progress("15/03/2019", "O1.1-a", "planned", ""));

		assertThat(row.problem())
			.isEqualTo(new RawRecord.Problem("date", "15/03/2019", "date \"15/03/2019\" is not YYYY-MM-DD"));
	}

	@Test
	void rejectsDateThatDoesNotExist() {
		IngestedRow row = validate(progress("2019-02-30", "O1.1-a", "planned", ""));

		assertThat(row.problem())
			.isEqualTo(new RawRecord.Problem("date", "2019-02-30", "date \"2019-02-30\" is not a real date"));
	}

	@Test
	void rejectsUnknownOutcome() {
		IngestedRow row = validate(progress("2019-03-15", "O1.3", "planned", ""));

		assertThat(row.problem()).isEqualTo(new RawRecord.Problem("outcome", "O1.3", "unknown outcome \"O1.3\""));
	}

	@Test
	void rejectsWorkItemGivenAsOutcomeNamingItsOutcomes() {
		IngestedRow row = validate(progress("2019-03-15", "O1.1", "planned", ""));

		assertThat(row.problem()).isEqualTo(new RawRecord.Problem("outcome", "O1.1",
				"unknown outcome \"O1.1\" (that is a work item: report on one of its outcomes, O1.1-a, O1.1-b)"));
	}

	@Test
	void rejectsParentWorkItemGivenAsOutcomeNamingItsSubtreesOutcomes() {
		IngestedRow row = validate(progress("2019-03-15", "O1", "planned", ""));

		assertThat(row.problem()).isEqualTo(new RawRecord.Problem("outcome", "O1",
				"unknown outcome \"O1\" (that is a work item: report on one of its outcomes, O1.1-a, O1.1-b)"));
	}

	@Test
	void acceptsStatusWithSpaceAsInProgress() {
		IngestedRow row = validate(progress("2019-03-15", "O1.1-a", "in progress", ""));

		assertThat(typed(row, "status")).isEqualTo("in_progress");
	}

	@Test
	void acceptsStatusWithDashInAnyCaseAsInProgress() {
		IngestedRow row = validate(progress("2019-03-15", "O1.1-a", "In-Progress", ""));

		assertThat(typed(row, "status")).isEqualTo("in_progress");
	}

	@Test
	void acceptsUpperCaseStatus() {
		IngestedRow row = validate(progress("2019-03-15", "O1.1-a", "DELAYED", ""));

		assertThat(typed(row, "status")).isEqualTo("delayed");
	}

	@Test
	void rejectsUnknownStatus() {
		IngestedRow row = validate(progress("2019-03-15", "O1.1-a", "done", ""));

		assertThat(row.problem()).isEqualTo(new RawRecord.Problem("status", "done",
				"status \"done\" is not one of planned, in_progress, completed, delayed, cancelled"));
	}

	@Test
	void rejectsPercentAboveHundred() {
		IngestedRow row = validate(progress("2019-03-15", "O1.1-a", "in_progress", "120"));

		assertThat(row.problem())
			.isEqualTo(new RawRecord.Problem("percent", "120", "percent \"120\" is not between 0 and 100"));
	}

	@Test
	void rejectsNegativePercent() {
		IngestedRow row = validate(progress("2019-03-15", "O1.1-a", "in_progress", "-1"));

		assertThat(row.problem())
			.isEqualTo(new RawRecord.Problem("percent", "-1", "percent \"-1\" is not between 0 and 100"));
	}

	@Test
	void rejectsPercentThatIsNotANumber() {
		IngestedRow row = validate(progress("2019-03-15", "O1.1-a", "in_progress", "40%"));

		assertThat(row.problem()).isEqualTo(new RawRecord.Problem("percent", "40%", "percent \"40%\" is not a number"));
	}

	@Test
	void rejectsCompletedRowBelowHundredPercent() {
		IngestedRow row = validate(progress("2019-03-15", "O1.1-a", "completed", "80"));

		assertThat(row.problem())
			.isEqualTo(new RawRecord.Problem("percent", "80", "a completed row has percent 100 or blank, not \"80\""));
	}

	@Test
	void acceptsCompletedRowAtHundredPercent() {
		IngestedRow row = validate(progress("2019-03-15", "O1.1-a", "completed", "100.0"));

		assertThat(row.problem()).isNull();
		assertThat(typed(row, "percent")).isEqualTo(new BigDecimal("100.0"));
	}

	@Test
	void acceptsCompletedRowWithBlankPercent() {
		IngestedRow row = validate(progress("2019-03-15", "O1.1-a", "completed", ""));

		assertThat(row.problem()).isNull();
		assertThat(typed(row, "percent")).isNull();
	}

	@Test
	void rejectsAmountWithThousandsSeparatorAndSaysSo() {
		IngestedRow row = validate(expenditure("1,000", "B1", "", ""));

		assertThat(row.problem()).isEqualTo(new RawRecord.Problem("amount", "1,000",
				"amount \"1,000\" is not a number (use . for decimals and no thousands separator)"));
	}

	@Test
	void rejectsZeroAmount() {
		IngestedRow row = validate(expenditure("0", "B1", "", ""));

		assertThat(row.problem()).isEqualTo(new RawRecord.Problem("amount", "0", "amount \"0\" is not greater than 0"));
	}

	@Test
	void rejectsNegativeAmount() {
		IngestedRow row = validate(expenditure("-250.50", "B1", "", ""));

		assertThat(row.problem())
			.isEqualTo(new RawRecord.Problem("amount", "-250.50", "amount \"-250.50\" is not greater than 0"));
	}

	@Test
	void rejectsAnAmountWithASign() {
		assertThat(validate(expenditure("+5", "B1", "", "")).problem())
			.isEqualTo(new RawRecord.Problem("amount", "+5", "amount \"+5\" has a sign: write 5"));
	}

	@Test
	void rejectsAnAmountWithABareDecimalPoint() {
		assertThat(validate(expenditure("12.", "B1", "", "")).problem())
			.isEqualTo(new RawRecord.Problem("amount", "12.", "amount \"12.\" has a bare decimal point: write 12"));
		assertThat(validate(expenditure(".5", "B1", "", "")).problem())
			.isEqualTo(new RawRecord.Problem("amount", ".5", "amount \".5\" has a bare decimal point: write 0.5"));
	}

	@Test
	void rejectsAnAmountThatRoundsToZeroCents() {
		assertThat(validate(expenditure("0.001", "B1", "", "")).problem())
			.isEqualTo(new RawRecord.Problem("amount", "0.001", "amount \"0.001\" is 0.00 once rounded to cents"));
		assertThat(validate(expenditure("0.005", "B1", "", "")).problem()).isNotNull();
		assertThat(validate(expenditure("0.006", "B1", "", "")).accepted()).isTrue();
	}

	@Test
	void rejectsADateBefore1900OrAfter2100() {
		assertThat(validate(progress("1899-12-31", "O1.1-a", "planned", "")).problem())
			.isEqualTo(new RawRecord.Problem("date", "1899-12-31", "date \"1899-12-31\" is not between 1900 and 2100"));
		assertThat(validate(progress("2101-01-01", "O1.1-a", "planned", "")).problem()).isNotNull();
		assertThat(validate(progress("1900-01-01", "O1.1-a", "planned", "")).accepted()).isTrue();
	}

	@Test
	void acceptsDecimalAmount() {
		IngestedRow row = validate(expenditure("1000.125", "B1", "", ""));

		assertThat(typed(row, "amount")).isEqualTo(new BigDecimal("1000.125"));
	}

	@Test
	void rejectsUnknownBudgetLine() {
		IngestedRow row = validate(expenditure("100", "B9", "", ""));

		assertThat(row.problem()).isEqualTo(
				new RawRecord.Problem("budget_line", "B9", "unknown budget line \"B9\" (the programme has B1, B2)"));
	}

	@Test
	void rejectsUnknownWorkItem() {
		IngestedRow row = validate(expenditure("100", "B1", "O9", ""));

		assertThat(row.problem()).isEqualTo(new RawRecord.Problem("work_item", "O9", "unknown work item \"O9\""));
	}

	@Test
	void acceptsKnownWorkItemAtAnyLevel() {
		IngestedRow row = validate(expenditure("100", "B1", "O1.1", ""));

		assertThat(typed(row, "work_item")).isEqualTo("O1.1");
	}

	@Test
	void defaultsCurrencyToProgrammeCurrency() {
		IngestedRow row = validate(expenditure("100", "B1", "", ""));

		assertThat(typed(row, "currency")).isEqualTo("EUR");
	}

	@Test
	void normalizesLowerCaseCurrency() {
		IngestedRow row = validate(expenditure("100", "B1", "", "usd"));

		assertThat(typed(row, "currency")).isEqualTo("USD");
	}

	@Test
	void rejectsCurrencyThatIsNotThreeLetters() {
		IngestedRow row = validate(expenditure("100", "B1", "", "US$"));

		assertThat(row.problem()).isEqualTo(new RawRecord.Problem("currency", "US$",
				"currency \"US$\" is not a three-letter ISO code such as USD"));
	}

	@Test
	void rejectsEmptyRequiredValue() {
		RawRecord raw = record(DataTable.EXPENDITURES, "date", "2019-03-15", "budget_line", "B1", "amount", "100",
				"reference", "  ");

		assertThat(validate(raw).problem())
			.isEqualTo(new RawRecord.Problem("reference", "", "required value \"reference\" is empty"));
	}

	@Test
	void rejectsControlCharacter() {
		RawRecord raw = record(DataTable.EXPENDITURES, "date", "2019-03-15", "budget_line", "B1", "amount", "100",
				"reference", "EXP-1", "description", "bell\u0007here");

		assertThat(validate(raw).problem()).isEqualTo(new RawRecord.Problem("description", "bell\u0007here",
				"\"description\" holds a control character (U+0007)"));
	}

	@Test
	void acceptsNewlineAndTabInText() {
		RawRecord raw = record(DataTable.EXPENDITURES, "date", "2019-03-15", "budget_line", "B1", "amount", "100",
				"reference", "EXP-1", "description", "two\nlines\tand a tab");

		assertThat(typed(validate(raw), "description")).isEqualTo("two\nlines\tand a tab");
	}

	@Test
	void rejectsInvalidUtf8Marker() {
		RawRecord raw = record(DataTable.EXPENDITURES, "date", "2019-03-15", "budget_line", "B1", "amount", "100",
				"reference", "EXP-" + CsvRecordSource.INVALID);

		assertThat(validate(raw).problem())
			.isEqualTo(new RawRecord.Problem("reference", "EXP-?", "invalid UTF-8 in \"reference\""));
	}

	@Test
	void normalizesFundingSourceAndStatus() {
		IngestedRow row = validate(funding("CORE", "Pledged"));

		assertThat(typed(row, "source")).isEqualTo("core");
		assertThat(typed(row, "status")).isEqualTo("pledged");
	}

	@Test
	void rejectsUnknownFundingSource() {
		IngestedRow row = validate(funding("private", "received"));

		assertThat(row.problem()).isEqualTo(
				new RawRecord.Problem("source", "private", "source \"private\" is not one of core, extrabudgetary"));
	}

	@Test
	void rejectsUnknownFundingStatus() {
		IngestedRow row = validate(funding("extrabudgetary", "promised"));

		assertThat(row.problem()).isEqualTo(
				new RawRecord.Problem("status", "promised", "status \"promised\" is not one of pledged, received"));
	}

	@Test
	void rejectsFindingOnUnknownOutcome() {
		RawRecord raw = record(DataTable.FINDINGS, "outcome", "O7", "text", "Evidence");

		assertThat(validate(raw).problem()).isEqualTo(new RawRecord.Problem("outcome", "O7", "unknown outcome \"O7\""));
	}

	@Test
	void acceptsFindingWithoutDate() {
		IngestedRow row = validate(record(DataTable.FINDINGS, "outcome", "O1.1-b", "text", "Evidence"));

		assertThat(row.problem()).isNull();
		assertThat(typed(row, "date")).isNull();
	}

	@Test
	void rejectsRecommendationForUnknownReport() {
		IngestedRow row = validate(recommendation("obj-9", ""));

		assertThat(row.problem()).isEqualTo(
				new RawRecord.Problem("report", "obj-9", "unknown report \"obj-9\" (the programme has obj-1.1)"));
	}

	@Test
	void rejectsRecommendationPriorityFive() {
		IngestedRow row = validate(recommendation("obj-1.1", "5"));

		assertThat(row.problem())
			.isEqualTo(new RawRecord.Problem("priority", "5", "priority \"5\" is not 1 (highest), 2 or 3"));
	}

	@Test
	void defaultsRecommendationPriorityToTwo() {
		IngestedRow row = validate(recommendation("obj-1.1", ""));

		assertThat(typed(row, "priority")).isEqualTo(2);
	}

	@Test
	void acceptsWorkbookStylePriority() {
		IngestedRow row = validate(recommendation("obj-1.1", "1.0"));

		assertThat(typed(row, "priority")).isEqualTo(1);
	}

	@Test
	void rejectsZeroRate() {
		IngestedRow row = validate(record(DataTable.RATES, "currency", "USD", "date", "2018-01-01", "rate", "0"));

		assertThat(row.problem()).isEqualTo(new RawRecord.Problem("rate", "0", "rate \"0\" is not greater than 0"));
	}

	@Test
	void acceptsPositiveRate() {
		IngestedRow row = validate(record(DataTable.RATES, "currency", "usd", "date", "2018-01-01", "rate", "0.9"));

		assertThat(row.problem()).isNull();
		assertThat(typed(row, "rate")).isEqualTo(new BigDecimal("0.9"));
		assertThat(typed(row, "currency")).isEqualTo("USD");
	}

	@Test
	void rejectsValueLongerThanTheLimitWhateverItsSource() {
		IngestedRow row = validate(progress("2019-03-15", "O1.1-a", "planned", ""));
		assertThat(row.accepted()).isTrue();
		IngestedRow tooLong = validate(progress("2019-03-15", "O".repeat(10_001), "planned", ""));
		assertThat(tooLong.problem().reason()).isEqualTo("value longer than 10000 characters");
		assertThat(tooLong.problem().column()).isEqualTo("outcome");
	}

	private IngestedRow validate(RawRecord raw) {
		return this.validator.process(raw);
	}

	private static Object typed(IngestedRow row, String column) {
		assertThat(row.problem()).isNull();
		return row.values()[row.raw().table().column(column)];
	}

	private static RawRecord progress(String date, String outcome, String status, String percent) {
		return record(DataTable.PROGRESS, "date", date, "outcome", outcome, "status", status, "percent", percent);
	}

	private static RawRecord expenditure(String amount, String budgetLine, String workItem, String currency) {
		return record(DataTable.EXPENDITURES, "date", "2019-03-15", "budget_line", budgetLine, "amount", amount,
				"reference", "EXP-1", "work_item", workItem, "currency", currency);
	}

	private static RawRecord funding(String source, String status) {
		return record(DataTable.FUNDING, "date", "2019-03-15", "source", source, "amount", "5000", "status", status,
				"reference", "F-1");
	}

	private static RawRecord recommendation(String report, String priority) {
		return record(DataTable.RECOMMENDATIONS, "report", report, "text", "Do more", "priority", priority);
	}

	/**
	 * A record as a CSV file would give it, from column-value pairs; other columns
	 * absent.
	 */
	private static RawRecord record(DataTable table, String... columnsAndValues) {
		String[] values = new String[table.columns().size()];
		for (int i = 0; i < columnsAndValues.length; i += 2) {
			int column = table.column(columnsAndValues[i]);
			assertThat(column).as(columnsAndValues[i]).isNotNegative();
			values[column] = columnsAndValues[i + 1];
		}
		return new RawRecord(1, 0, "progress/" + table.prefix() + ".csv", table, 2, values, null);
	}

}
