package org.unccd.cst.report.xlsx;

import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * A list longer than a sheet allows, written over as many sheets as it needs:
 * {@code Name}, {@code Name (2)} and so on, each with the same frozen header, each a
 * named table.
 */
final class PagedSheet {

	private final SXSSFWorkbook workbook;

	private final WorkbookStyles styles;

	private final String name;

	private final String tableName;

	private final String[] header;

	private final int maxRows;

	private final int[] widths;

	private SheetWriter current;

	private int rows;

	private int part;

	PagedSheet(SXSSFWorkbook workbook, WorkbookStyles styles, String name, String tableName, int maxRows,
			String[] header, int... widths) {
		this.workbook = workbook;
		this.styles = styles;
		this.name = name;
		this.tableName = tableName;
		this.maxRows = maxRows;
		this.header = header;
		this.widths = widths;
	}

	/** A new row, on a new sheet when the current one is full. */
	SheetWriter row() {
		if (this.current == null || this.rows == this.maxRows) {
			next();
		}
		this.rows++;
		return this.current.row();
	}

	private void next() {
		if (this.current != null) {
			this.current.finish();
		}
		this.part++;
		String sheetName = (this.part == 1) ? this.name : this.name + " (" + this.part + ")";
		this.current = new SheetWriter(this.workbook.createSheet(sheetName), this.styles).widths(this.widths)
			.header(this.header)
			.table(tableName(this.tableName, this.part));
		this.rows = 0;
	}

	/** Ends the last sheet; a list with no row still gets its sheet and header. */
	void finish() {
		if (this.current == null) {
			next();
		}
		this.current.finish();
	}

	/**
	 * The table of a list's {@code part}th sheet: {@code Name}, {@code Name_2} and so on.
	 */
	static String tableName(String name, int part) {
		return (part == 1) ? name : name + "_" + part;
	}

}
