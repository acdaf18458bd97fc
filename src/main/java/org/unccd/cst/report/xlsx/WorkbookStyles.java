package org.unccd.cst.report.xlsx;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;

/**
 * The few cell styles every sheet uses: header, title, text, money, percent, date. Every
 * style names its font, the default one included, so that every viewer sets the text in
 * the font its rows were measured for.
 */
final class WorkbookStyles {

	final CellStyle title;

	/** A title set across the columns of its sheet, wrapped within them. */
	final CellStyle titleWrapped;

	final CellStyle header;

	final CellStyle text;

	final CellStyle quotedText;

	/** Long text, wrapped within its column and aligned to the top of its row. */
	final CellStyle wrapped;

	final CellStyle quotedWrapped;

	final CellStyle money;

	final CellStyle moneyBold;

	/**
	 * An amount as the input gave it: two decimals, and up to six when it has more, so
	 * that 1,000.125 is not shown as 1,000.13 beside its converted 1,000.12.
	 */
	final CellStyle givenAmount;

	final CellStyle percent;

	final CellStyle date;

	final CellStyle rate;

	final CellStyle integer;

	WorkbookStyles(Workbook workbook) {
		Font bold = workbook.createFont();
		bold.setBold(true);
		Font big = workbook.createFont();
		big.setBold(true);
		big.setFontHeightInPoints((short) 14);
		this.title = workbook.createCellStyle();
		this.title.setFont(big);
		this.titleWrapped = workbook.createCellStyle();
		this.titleWrapped.setFont(big);
		this.titleWrapped.setWrapText(true);
		this.titleWrapped.setVerticalAlignment(VerticalAlignment.TOP);
		this.header = workbook.createCellStyle();
		this.header.setFont(bold);
		this.header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
		this.header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
		this.header.setBorderBottom(BorderStyle.THIN);
		this.header.setWrapText(true);
		this.text = workbook.createCellStyle();
		this.quotedText = workbook.createCellStyle();
		this.quotedText.setQuotePrefixed(true);
		this.wrapped = workbook.createCellStyle();
		this.wrapped.setWrapText(true);
		this.quotedWrapped = workbook.createCellStyle();
		this.quotedWrapped.setWrapText(true);
		this.quotedWrapped.setQuotePrefixed(true);
		short format = workbook.createDataFormat().getFormat("#,##0.00");
		this.money = workbook.createCellStyle();
		this.money.setDataFormat(format);
		this.moneyBold = workbook.createCellStyle();
		this.moneyBold.setDataFormat(format);
		this.moneyBold.setFont(bold);
		this.givenAmount = workbook.createCellStyle();
		this.givenAmount.setDataFormat(workbook.createDataFormat().getFormat("#,##0.00####"));
		this.percent = workbook.createCellStyle();
		this.percent.setDataFormat(workbook.createDataFormat().getFormat("0.0"));
		this.date = workbook.createCellStyle();
		this.date.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd"));
		this.rate = workbook.createCellStyle();
		this.rate.setDataFormat(workbook.createDataFormat().getFormat("0.000000"));
		this.integer = workbook.createCellStyle();
		this.integer.setDataFormat(workbook.createDataFormat().getFormat("#,##0"));
		// a row made taller by its wrapped text keeps every cell at its top
		for (CellStyle style : new CellStyle[] { this.header, this.text, this.quotedText, this.wrapped,
				this.quotedWrapped, this.money, this.moneyBold, this.givenAmount, this.percent, this.date, this.rate,
				this.integer }) {
			style.setVerticalAlignment(VerticalAlignment.TOP);
		}
		withDefaultFont(workbook, this.text, this.quotedText, this.wrapped, this.quotedWrapped, this.money,
				this.givenAmount, this.percent, this.date, this.rate, this.integer);
	}

	/**
	 * Names the workbook's default font (Calibri) in styles that use it. Excel takes it
	 * for them anyway; LibreOffice takes its own default font (Liberation Sans, or
	 * whatever stands in for it) unless the style applies a font itself, and that font is
	 * wider than Calibri: text then needs more lines than its row was given and is cut.
	 */
	static void withDefaultFont(Workbook workbook, CellStyle... styles) {
		Font normal = workbook.getFontAt(0);
		for (CellStyle style : styles) {
			style.setFont(normal);
		}
	}

}
