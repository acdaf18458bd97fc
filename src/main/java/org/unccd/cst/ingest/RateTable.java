package org.unccd.cst.ingest;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Map.Entry;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.unccd.cst.model.Programme;

import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * The conversion rates of an input folder: every valid {@code rates} row, read before the
 * data so that each amount can be converted as it is read. Of two rates for one currency
 * and date, the later in read order counts.
 */
public final class RateTable {

	private final Map<String, TreeMap<LocalDate, BigDecimal>> rates = new HashMap<>();

	private RateTable() {
	}

	/** Reads only the rates files and sheets of the input folder. */
	public static RateTable load(Path inputDir, Programme programme) {
		return load(new DataFileItemReader(inputDir, Set.of(DataTable.RATES)), programme);
	}

	/**
	 * Reads the rates of the files a reader was made for: only its rates files and sheets
	 * count.
	 */
	public static RateTable load(DataFileItemReader reader, Programme programme) {
		RateTable table = new RateTable();
		RowValidator validator = new RowValidator(programme);
		reader.open(new ExecutionContext());
		try {
			RawRecord record;
			while ((record = reader.read()) != null) {
				if (record.table() != DataTable.RATES) {
					continue;
				}
				IngestedRow row = validator.process(record);
				if (row.accepted()) {
					DataTable rates = DataTable.RATES;
					table.put((String) row.values()[rates.column("currency")],
							(LocalDate) row.values()[rates.column("date")],
							(BigDecimal) row.values()[rates.column("rate")]);
				}
			}
		}
		finally {
			reader.close();
		}
		return table;
	}

	void put(String currency, LocalDate from, BigDecimal rate) {
		this.rates.computeIfAbsent(currency, (c) -> new TreeMap<>()).put(from, rate);
	}

	/**
	 * Programme-currency units per unit of {@code currency} on {@code date}: the latest
	 * rate on or before it.
	 */
	public Optional<BigDecimal> rate(String currency, LocalDate date) {
		TreeMap<LocalDate, BigDecimal> byDate = this.rates.get(currency);
		Entry<LocalDate, BigDecimal> entry = (byDate != null) ? byDate.floorEntry(date) : null;
		return Optional.ofNullable(entry).map(Entry::getValue);
	}

}
