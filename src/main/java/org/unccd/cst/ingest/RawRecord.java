package org.unccd.cst.ingest;

/**
 * One record as read from a data file or sheet, before validation.
 *
 * @param seq the position in read order over all files (1-based)
 * @param sourceId the id of the file or sheet it came from
 * @param source the file relative to the input folder, {@code file.xlsx!sheet} for a
 * sheet
 * @param table the table it belongs to, or {@code null} for a file that names none
 * @param line the physical line where the record starts (1 = header; 0 = the file as a
 * whole)
 * @param values the values of {@link DataTable#columns()}, {@code null} where absent
 * @param problem why the record cannot be used as it is, or {@code null}
 */
public record RawRecord(long seq, int sourceId, String source, DataTable table, long line, String[] values,
		Problem problem) {

	/**
	 * Why a record is rejected: the column, the offending value and a reason to act on.
	 */
	public record Problem(String column, String value, String reason) {
	}

	/**
	 * A record that stands for a file or sheet with a header and no rows, so that it is
	 * listed among the inputs; it is neither accepted nor rejected.
	 */
	public static RawRecord emptySource(long seq, int sourceId, String source, DataTable table) {
		return new RawRecord(seq, sourceId, source, table, 0, null, null);
	}

	public boolean isEmptySource() {
		return this.values == null && this.problem == null;
	}

	public String value(String column) {
		int index = this.table.column(column);
		String value = (index >= 0 && this.values != null) ? this.values[index] : null;
		return (value != null) ? value.strip() : "";
	}

}
