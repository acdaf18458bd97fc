package org.unccd.cst.ingest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Rows as the ingest step hands them to the staging writer, numbered in the order they
 * are made: expenditures, funding and progress, in euros. Rows of a partition (one data
 * file of a partitioned ingest) are numbered and their sources named as
 * {@link DataFileItemReader#ofFile} numbers and names them.
 */
public final class IngestedRows {

	private final AtomicLong seq = new AtomicLong();

	private final int part;

	/** Rows of a step that reads every file. */
	public IngestedRows() {
		this(0);
	}

	/**
	 * Rows of the partition of the file of an index: seq from {@code index * 2^32},
	 * sources from {@code index * 2^16}, file names ending in {@code -index}.
	 */
	public IngestedRows(int part) {
		this.part = part;
	}

	public IngestedRow expenditure(String reference, String line, String workItem, String date, String amount) {
		return expenditure(reference, line, workItem, date, amount, null);
	}

	public IngestedRow expenditure(String reference, String line, String workItem, String date, String amount,
			String description) {
		DataTable table = DataTable.EXPENDITURES;
		Object[] values = new Object[table.columns().size() + 2];
		values[table.column("date")] = LocalDate.parse(date);
		values[table.column("budget_line")] = line;
		values[table.column("work_item")] = workItem;
		values[table.column("amount")] = new BigDecimal(amount);
		values[table.column("currency")] = "EUR";
		values[table.column("reference")] = reference;
		values[table.column("description")] = description;
		values[table.columns().size()] = BigDecimal.ONE;
		values[table.columns().size() + 1] = new BigDecimal(amount);
		return row(table, 0, "progress/expenditures.csv", values);
	}

	public IngestedRow funding(String reference, String status, String date, String amount) {
		DataTable table = DataTable.FUNDING;
		Object[] values = new Object[table.columns().size() + 2];
		values[table.column("date")] = LocalDate.parse(date);
		values[table.column("source")] = "extrabudgetary";
		values[table.column("status")] = status;
		values[table.column("amount")] = new BigDecimal(amount);
		values[table.column("currency")] = "EUR";
		values[table.column("reference")] = reference;
		values[table.columns().size()] = BigDecimal.ONE;
		values[table.columns().size() + 1] = new BigDecimal(amount);
		return row(table, 1, "progress/funding.csv", values);
	}

	public IngestedRow progress(String outcome, String date, String status, String percent) {
		DataTable table = DataTable.PROGRESS;
		Object[] values = new Object[table.columns().size()];
		values[table.column("date")] = LocalDate.parse(date);
		values[table.column("outcome")] = outcome;
		values[table.column("status")] = status;
		values[table.column("percent")] = (percent != null) ? new BigDecimal(percent) : null;
		values[table.column("summary")] = "Summary of " + status;
		return row(table, 2, "progress/progress.csv", values);
	}

	private IngestedRow row(DataTable table, int sourceId, String source, Object[] values) {
		long next = this.seq.incrementAndGet();
		String named = (this.part == 0) ? source : source.replace(".csv", "-" + this.part + ".csv");
		RawRecord raw = new RawRecord(((long) this.part << 32) + next, (this.part << 16) + sourceId, named, table,
				next + 1, new String[table.columns().size()], null);
		return new IngestedRow(raw, values, null);
	}

}
