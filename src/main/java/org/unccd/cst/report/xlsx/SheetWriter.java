package org.unccd.cst.report.xlsx;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.unccd.cst.ingest.CsvRecordWriter;

/**
 * Writes one sheet row by row: a frozen header, then typed cells; the header and its rows
 * become a named table or get a filter. Long text wraps and its row is made as tall as it
 * needs. Text from the input that a spreadsheet would take for a formula is stored
 * quote-prefixed, as text.
 */
final class SheetWriter {

	private final Sheet sheet;

	private final WorkbookStyles styles;

	private Row row;

	private int rowIndex = -1;

	private int column;

	private int headerRow = -1;

	private int headerColumns;

	private String[] headerLabels;

	private int[] widths = new int[0];

	/** The lines the tallest wrapped text of the current row takes. */
	private int rowLines = 1;

	private String tableName;

	private int tableLastRow = -1;

	SheetWriter(Sheet sheet, WorkbookStyles styles) {
		this.sheet = sheet;
		this.styles = styles;
	}

	Sheet sheet() {
		return this.sheet;
	}

	/** The 1-based row number of the current row, as formulas name it. */
	int rowNumber() {
		return this.rowIndex + 1;
	}

	SheetWriter row() {
		endRow();
		this.row = this.sheet.createRow(++this.rowIndex);
		this.column = 0;
		return this;
	}

	/** Leaves rows empty: the next row written is that many rows further down. */
	SheetWriter skipRows(int rows) {
		this.rowIndex += rows;
		return this;
	}

	SheetWriter skip() {
		this.column++;
		return this;
	}

	/**
	 * The sheet's title. Once the columns' widths are set, it is set across all of them
	 * and wrapped within them, its row as tall as it needs: a long title is printed
	 * whole, and so is one in a right-to-left sheet, which would otherwise run past the
	 * last column, out of the page.
	 */
	SheetWriter title(String text) {
		row();
		if (this.widths.length < 2) {
			cell(this.styles.title).setCellValue(text);
			return this;
		}
		cell(this.styles.titleWrapped).setCellValue(text);
		this.sheet.addMergedRegion(new CellRangeAddress(this.rowIndex, this.rowIndex, 0, this.widths.length - 1));
		this.row.setHeightInPoints(WrappedText.titleHeight(text, Arrays.stream(this.widths).sum()));
		return this;
	}

	SheetWriter header(String... labels) {
		row();
		for (String label : labels) {
			label(label);
		}
		this.headerRow = this.rowIndex;
		this.headerColumns = labels.length;
		this.headerLabels = labels.clone();
		this.tableLastRow = -1;
		this.sheet.createFreezePane(0, this.rowIndex + 1);
		return this;
	}

	/**
	 * A heading of a small table that is not the sheet's list: no filter, no freeze. Its
	 * column is widened, if need be, so that none of its words is cut: a heading in
	 * French or Russian has longer words than in English.
	 */
	SheetWriter label(String text) {
		int column = this.column;
		cell(this.styles.header).setCellValue(text);
		// headings wrap too, and make their row as tall as they need
		if (column < this.widths.length) {
			int fit = WrappedText.headingWordWidth(text);
			if (fit > this.widths[column]) {
				this.widths[column] = fit;
				this.sheet.setColumnWidth(column, fit * 256);
			}
			this.rowLines = Math.max(this.rowLines, WrappedText.headingLines(text, this.widths[column]));
		}
		return this;
	}

	SheetWriter text(String value) {
		Cell cell = cell(this.styles.text);
		if (value != null) {
			String safe = CsvRecordWriter.neutralize(value);
			if (!safe.equals(value)) {
				cell.setCellStyle(this.styles.quotedText);
			}
			cell.setCellValue(value);
		}
		return this;
	}

	/**
	 * A text that may be long: wrapped within its column, its row made as tall as the
	 * lines it takes.
	 */
	SheetWriter longText(String value) {
		int column = this.column;
		text(value);
		Cell cell = this.row.getCell(column);
		cell.setCellStyle(
				(cell.getCellStyle() == this.styles.quotedText) ? this.styles.quotedWrapped : this.styles.wrapped);
		if (value != null && column < this.widths.length) {
			this.rowLines = Math.max(this.rowLines, WrappedText.lines(value, this.widths[column]));
		}
		return this;
	}

	SheetWriter money(BigDecimal value) {
		return number(value, this.styles.money);
	}

	SheetWriter percent(BigDecimal value) {
		return number(value, this.styles.percent);
	}

	SheetWriter rate(BigDecimal value) {
		return number(value, this.styles.rate);
	}

	SheetWriter integer(long value) {
		cell(this.styles.integer).setCellValue(value);
		return this;
	}

	SheetWriter number(BigDecimal value, CellStyle style) {
		Cell cell = cell(style);
		if (value != null) {
			cell.setCellValue(value.doubleValue());
		}
		return this;
	}

	SheetWriter date(LocalDate value) {
		Cell cell = cell(this.styles.date);
		if (value != null) {
			cell.setCellValue(value);
		}
		return this;
	}

	/** A live formula with its value cached, so that every viewer shows the figure. */
	SheetWriter formula(String formula, BigDecimal cached, CellStyle style) {
		Cell cell = cell(style);
		cell.setCellFormula(formula);
		cell.setCellValue(cached.doubleValue());
		return this;
	}

	/** The A1 name of the cell the next write goes to. */
	String here() {
		return org.apache.poi.ss.util.CellReference.convertNumToColString(this.column) + (this.rowIndex + 1);
	}

	/**
	 * Sets the columns' widths, in digits of the default font; set before the rows, since
	 * the height of a row with {@linkplain #longText long text} depends on them.
	 */
	SheetWriter widths(int... widths) {
		this.widths = widths.clone();
		for (int i = 0; i < widths.length; i++) {
			this.sheet.setColumnWidth(i, widths[i] * 256);
		}
		return this;
	}

	/**
	 * Makes the last header and the rows under it, up to the current row, the Excel table
	 * {@code name} (at {@link #finish}, or at the next {@link #endTable}).
	 */
	SheetWriter table(String name) {
		this.tableName = name;
		return this;
	}

	/** Ends the table at the current row: the rows after it are not part of it. */
	SheetWriter endTable() {
		this.tableLastRow = this.rowIndex;
		return this;
	}

	/**
	 * Makes the last header and the rows below it a named table, or else puts a filter on
	 * them; prints the header row on every page. Column widths, if not set yet, are set
	 * now.
	 */
	void finish(int... widths) {
		endRow();
		if (widths.length > 0) {
			widths(widths);
		}
		if (this.headerRow >= 0) {
			int last = (this.tableLastRow >= 0) ? this.tableLastRow : this.rowIndex;
			if (this.tableName != null) {
				NamedTable.add(this.sheet, this.tableName, java.util.List.of(this.headerLabels), this.headerRow, last);
			}
			else if (this.rowIndex >= this.headerRow) {
				this.sheet.setAutoFilter(new CellRangeAddress(this.headerRow, Math.max(this.rowIndex, this.headerRow),
						0, this.headerColumns - 1));
			}
			PrintLayout.repeatHeader(this.sheet, this.headerRow);
		}
	}

	/** Gives the current row the height of its tallest wrapped text. */
	private void endRow() {
		if (this.row != null && this.rowLines > 1) {
			this.row.setHeightInPoints(WrappedText.height(this.rowLines));
		}
		this.rowLines = 1;
	}

	private Cell cell(CellStyle style) {
		Cell cell = this.row.createCell(this.column++);
		cell.setCellStyle(style);
		return cell;
	}

}
