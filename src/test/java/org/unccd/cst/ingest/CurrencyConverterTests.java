package org.unccd.cst.ingest;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Amounts are converted row by row at the latest rate on or before the row's date and
 * rounded half-even to cents; a row with no such rate is rejected.
 */
class CurrencyConverterTests {

	private final RowValidator validator = new RowValidator(ProgrammeFixture.programme());

	@Test
	void programmeCurrencyIsRoundedHalfEvenToCents() {
		IngestedRow row = convert(rates(), expenditure("2019-03-01", "1000.125", ""));
		assertThat(converted(row)).isEqualTo(new BigDecimal("1000.12"));
		assertThat(rate(row)).isEqualTo(BigDecimal.ONE);
	}

	@Test
	void foreignCurrencyUsesTheLatestRateOnOrBeforeTheDate() {
		RateTable rates = rates();
		rates.put("USD", LocalDate.parse("2019-01-01"), new BigDecimal("0.8"));
		rates.put("USD", LocalDate.parse("2019-03-01"), new BigDecimal("0.9"));
		assertThat(converted(convert(rates, expenditure("2019-02-28", "100", "USD"))))
			.isEqualTo(new BigDecimal("80.00"));
		assertThat(converted(convert(rates, expenditure("2019-03-01", "100", "USD"))))
			.isEqualTo(new BigDecimal("90.00"));
	}

	@Test
	void rejectsARowWithNoRateOnOrBeforeItsDate() {
		RateTable rates = rates();
		rates.put("USD", LocalDate.parse("2020-01-01"), new BigDecimal("0.9"));
		IngestedRow row = convert(rates, expenditure("2019-12-01", "100", "USD"));
		assertThat(row.accepted()).isFalse();
		assertThat(row.problem())
			.isEqualTo(new RawRecord.Problem("currency", "USD", "no USD rate on or before 2019-12-01"));
	}

	@Test
	void leavesOtherTablesAndRejectedRowsAsTheyAre() {
		IngestedRow rejected = this.validator.process(expenditure("15/03/2019", "100", ""));
		assertThat(convert(rates(), rejected)).isSameAs(rejected);
	}

	@Test
	void rateTableReadsOnlyValidRatesAndTheLaterOfTwoOnOneDate(@TempDir Path dir) throws Exception {
		Files.createDirectories(dir.resolve("progress"));
		Files.writeString(dir.resolve("progress/rates-a.csv"),
				"currency,date,rate\nUSD,2019-01-01,0.8\nUSD,2019-02-01,-1\n");
		Files.writeString(dir.resolve("progress/rates-b.csv"), "currency,date,rate\nusd,2019-01-01,0.85\n");
		Files.writeString(dir.resolve("progress/progress.csv"), "not,even,a,header\n");
		RateTable rates = RateTable.load(dir, ProgrammeFixture.programme());
		assertThat(rates.rate("USD", LocalDate.parse("2019-02-15"))).contains(new BigDecimal("0.85"));
		assertThat(rates.rate("USD", LocalDate.parse("2018-12-31"))).isEmpty();
		assertThat(rates.rate("CHF", LocalDate.parse("2019-02-15"))).isEmpty();
	}

	private IngestedRow convert(RateTable rates, RawRecord record) {
		return convert(rates, this.validator.process(record));
	}

	private static IngestedRow convert(RateTable rates, IngestedRow row) {
		return new CurrencyConverter("EUR", rates).process(row);
	}

	private static RateTable rates() {
		return RateTable.load(Path.of("does-not-exist"), ProgrammeFixture.programme());
	}

	private static BigDecimal converted(IngestedRow row) {
		assertThat(row.accepted()).as(String.valueOf(row.problem())).isTrue();
		return (BigDecimal) row.values()[row.values().length - 1];
	}

	private static BigDecimal rate(IngestedRow row) {
		return (BigDecimal) row.values()[row.values().length - 2];
	}

	private static RawRecord expenditure(String date, String amount, String currency) {
		DataTable table = DataTable.EXPENDITURES;
		String[] values = new String[table.columns().size()];
		values[table.column("date")] = date;
		values[table.column("budget_line")] = "B1";
		values[table.column("amount")] = amount;
		values[table.column("reference")] = "EXP-1";
		values[table.column("currency")] = currency;
		return new RawRecord(1, 0, "progress/expenditures.csv", table, 2, values, null);
	}

}
