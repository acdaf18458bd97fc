package org.unccd.cst.ingest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;

import org.unccd.cst.model.Money;

import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Converts the amount of an accepted expenditure or funding row to the programme
 * currency, at the latest rate on or before its date, rounded half-even to cents; a row
 * with no such rate is rejected.
 */
public class CurrencyConverter implements ItemProcessor<IngestedRow, IngestedRow> {

	private final String programmeCurrency;

	private final RateTable rates;

	public CurrencyConverter(String programmeCurrency, RateTable rates) {
		this.programmeCurrency = programmeCurrency;
		this.rates = rates;
	}

	@Override
	public IngestedRow process(IngestedRow row) {
		DataTable table = row.raw().table();
		if (!row.accepted() || (table != DataTable.EXPENDITURES && table != DataTable.FUNDING)) {
			// rejected rows, empty files and other tables pass as they are
			return row;
		}
		Object[] values = row.values();
		String currency = (String) values[table.column("currency")];
		LocalDate date = (LocalDate) values[table.column("date")];
		BigDecimal rate = currency.equals(this.programmeCurrency) ? BigDecimal.ONE
				: this.rates.rate(currency, date).orElse(null);
		if (rate == null) {
			return new IngestedRow(row.raw(), null,
					new RawRecord.Problem("currency", currency, "no " + currency + " rate on or before " + date));
		}
		Object[] converted = Arrays.copyOf(values, values.length + 2);
		converted[values.length] = rate;
		converted[values.length + 1] = Money.convert((BigDecimal) values[table.column("amount")], rate);
		return new IngestedRow(row.raw(), converted, null);
	}

}
