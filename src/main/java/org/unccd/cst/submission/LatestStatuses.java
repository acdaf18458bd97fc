package org.unccd.cst.submission;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.unccd.cst.ingest.DataFileItemReader;
import org.unccd.cst.ingest.DataTable;
import org.unccd.cst.ingest.IngestedRow;
import org.unccd.cst.ingest.RawRecord;
import org.unccd.cst.ingest.RowProcessor;
import org.unccd.cst.model.Programme;

import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * Each outcome's latest status and percent in the progress rows of an input folder, by
 * the contract's rule (the latest row dated on or before the day; same date, the later
 * row in read order; the percent of the latest row that gives one, completed counting
 * 100), for the template's reference sheet.
 */
final class LatestStatuses {

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	/**
	 * The latest state of an outcome.
	 *
	 * @param status the status code
	 * @param percent the percent, or {@code null} when no row gave one
	 * @param date the date of the latest row
	 */
	record Latest(String status, BigDecimal percent, LocalDate date) {
	}

	private LatestStatuses() {
	}

	/**
	 * The outcomes with at least one accepted progress row dated on or before
	 * {@code day}.
	 */
	static Map<String, Latest> read(Path inputDir, Programme programme, LocalDate day) {
		DataTable table = DataTable.PROGRESS;
		RowProcessor processor = new RowProcessor(inputDir, programme);
		DataFileItemReader reader = new DataFileItemReader(inputDir, Set.of(table));
		Map<String, Latest> latest = new HashMap<>();
		Map<String, LocalDate> percentDates = new HashMap<>();
		reader.open(new ExecutionContext());
		try {
			RawRecord record;
			while ((record = reader.read()) != null) {
				IngestedRow row = processor.process(record);
				if (!row.accepted() || record.table() != table) {
					continue;
				}
				Object[] values = row.values();
				LocalDate date = (LocalDate) values[table.column("date")];
				if (date.isAfter(day)) {
					continue;
				}
				String outcome = (String) values[table.column("outcome")];
				String status = (String) values[table.column("status")];
				BigDecimal percent = (BigDecimal) values[table.column("percent")];
				if (percent == null && "completed".equals(status)) {
					percent = HUNDRED;
				}
				Latest before = latest.get(outcome);
				BigDecimal keptPercent = (before != null) ? before.percent() : null;
				LocalDate percentDate = percentDates.get(outcome);
				if (percent != null && (percentDate == null || !date.isBefore(percentDate))) {
					keptPercent = percent;
					percentDates.put(outcome, date);
				}
				if (before == null || !date.isBefore(before.date())) {
					latest.put(outcome, new Latest(status, keptPercent, date));
				}
				else {
					latest.put(outcome, new Latest(before.status(), keptPercent, before.date()));
				}
			}
		}
		finally {
			reader.close();
		}
		return latest;
	}

}
