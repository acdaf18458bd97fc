package org.unccd.cst.report.xlsx;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.unccd.cst.aggregate.RejectsCsvWriter;

/**
 * Writes one sheet row by row: a frozen, filtered header, then typed cells. Text from the
 * input that a spreadsheet would take for a formula is stored quote-prefixed, as text.
 */
final class SheetWriter {

	private final Sheet sheet;

	private final WorkbookStyles styles;

	private Row row;

	private int rowIndex = -1;

	private int column;

	private int headerRow = -1;

	private int headerColumns;

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

	SheetWriter title(String text) {
		row();
		cell(this.styles.title).setCellValue(text);
		return this;
	}

	SheetWriter header(String... labels) {
		row();
		for (String label : labels) {
			cell(this.styles.header).setCellValue(label);
		}
		this.headerRow = this.rowIndex;
		this.headerColumns = labels.length;
		this.sheet.createFreezePane(0, this.rowIndex + 1);
		return this;
	}

	SheetWriter text(String value) {
		Cell cell = cell(this.styles.text);
		if (value != null) {
			String safe = RejectsCsvWriter.neutralize(value);
			if (!safe.equals(value)) {
				cell.setCellStyle(this.styles.quotedText);
			}
			cell.setCellValue(value);
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
	 * Puts a filter on the header row and the rows below it, prints the header row on
	 * every page, and sets column widths.
	 */
	void finish(int... widths) {
		if (this.headerRow >= 0) {
			this.sheet.setRepeatingRows(new CellRangeAddress(this.headerRow, this.headerRow, -1, -1));
		}
		if (this.headerRow >= 0 && this.rowIndex >= this.headerRow) {
			this.sheet.setAutoFilter(new CellRangeAddress(this.headerRow, Math.max(this.rowIndex, this.headerRow), 0,
					this.headerColumns - 1));
		}
		for (int i = 0; i < widths.length; i++) {
			this.sheet.setColumnWidth(i, widths[i] * 256);
		}
	}

	private Cell cell(CellStyle style) {
		Cell cell = this.row.createCell(this.column++);
		cell.setCellStyle(style);
		return cell;
	}

}
