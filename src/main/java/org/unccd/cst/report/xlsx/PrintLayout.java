package org.unccd.cst.report.xlsx;

import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;

/**
 * How a sheet of the workbook prints: landscape A4, as wide as one page, its header row
 * on every page and the page number at the foot, so that an officer can print any sheet
 * and hand it round. The one place the workbook's print setup is made:
 * {@link SheetWriter#finish} repeats a sheet's header row, and {@link WorkbookWriter}
 * gives every sheet its page and footer once all are written.
 */
final class PrintLayout {

	/** Starts a right-to-left text: its first strong character sets its direction. */
	private static final String RIGHT_TO_LEFT_MARK = "\u200F";

	/** Keeps a number a left-to-right unit inside right-to-left text. */
	private static final String LEFT_TO_RIGHT_MARK = "\u200E";

	private PrintLayout() {
	}

	/**
	 * Sets up a sheet's page: landscape A4, one page wide and as many down as it needs
	 * (or a single page when {@code onePage}, as for the charts), and {@code footer} at
	 * the foot of every page.
	 */
	static void page(Sheet sheet, String footer, boolean onePage) {
		PrintSetup setup = sheet.getPrintSetup();
		setup.setLandscape(true);
		setup.setPaperSize(PrintSetup.A4_PAPERSIZE);
		sheet.setFitToPage(true);
		setup.setFitWidth((short) 1);
		setup.setFitHeight((short) (onePage ? 1 : 0));
		sheet.setHorizontallyCenter(false);
		sheet.getFooter().setCenter(footer);
	}

	/** Prints row {@code headerRow} (0-based) at the top of every page of the sheet. */
	static void repeatHeader(Sheet sheet, int headerRow) {
		sheet.setRepeatingRows(new CellRangeAddress(headerRow, headerRow, -1, -1));
	}

	/**
	 * The footer for a page pattern such as {@code Page &P of &N} (Excel's codes: &P the
	 * page, &N the pages), with any other {@code &} written {@code &&} as Excel needs. A
	 * right-to-left footer starts with a right-to-left mark, its words and page numbers
	 * are kept apart by no-break spaces and each number is marked left to right: without
	 * them LibreOffice prints the number against the word before it.
	 */
	static String footer(String pattern, boolean rightToLeft) {
		String footer = pattern.replace(RIGHT_TO_LEFT_MARK, "")
			.replace("&", "&&")
			.replace("&&P", "&P")
			.replace("&&N", "&N");
		if (!rightToLeft) {
			return footer;
		}
		return RIGHT_TO_LEFT_MARK + footer.replace(' ', '\u00A0')
			.replace("&P", LEFT_TO_RIGHT_MARK + "&P" + LEFT_TO_RIGHT_MARK)
			.replace("&N", LEFT_TO_RIGHT_MARK + "&N" + LEFT_TO_RIGHT_MARK);
	}

}
