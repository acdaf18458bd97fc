package org.unccd.cst.report.xlsx;

import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;

/**
 * How a sheet of the workbook prints: landscape A4, as wide as one page, its header row
 * on every page and the page number at the foot, so that an officer can print any sheet
 * and hand it round.
 */
final class PrintLayout {

	private PrintLayout() {
	}

	/**
	 * Sets up a sheet for printing; {@code headerRow} is repeated on every page (or -1
	 * for none) and {@code pageFooter} is the footer with Excel's codes {@code &P} and
	 * {@code &N}.
	 */
	static void apply(Sheet sheet, int headerRow, String pageFooter) {
		PrintSetup setup = sheet.getPrintSetup();
		setup.setLandscape(true);
		setup.setPaperSize(PrintSetup.A4_PAPERSIZE);
		setup.setFitWidth((short) 1);
		setup.setFitHeight((short) 0);
		sheet.setFitToPage(true);
		sheet.setHorizontallyCenter(false);
		if (headerRow >= 0) {
			sheet.setRepeatingRows(new CellRangeAddress(headerRow, headerRow, -1, -1));
		}
		sheet.getFooter().setCenter(pageFooter);
	}

}
