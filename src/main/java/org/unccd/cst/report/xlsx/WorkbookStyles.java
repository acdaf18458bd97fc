package org.unccd.cst.report.xlsx;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;

/**
 * The few cell styles every sheet uses: header, title, text, money, percent, date.
 */
final class WorkbookStyles {

	final CellStyle title;

	final CellStyle header;

	final CellStyle text;

	final CellStyle quotedText;

	/** Long text, wrapped within its column and aligned to the top of its row. */
	final CellStyle wrapped;

	final CellStyle quotedWrapped;

	final CellStyle money;

	final CellStyle moneyBold;

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
				this.quotedWrapped, this.money, this.moneyBold, this.percent, this.date, this.rate, this.integer }) {
			style.setVerticalAlignment(VerticalAlignment.TOP);
		}
	}

}
