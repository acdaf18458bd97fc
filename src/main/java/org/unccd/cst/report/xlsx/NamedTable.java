package org.unccd.cst.report.xlsx;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.AreaReference;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFTable;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTTable;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTTableColumn;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTTableStyleInfo;

/**
 * A list made an Excel table of its own name, with its header as the table's column names
 * and its filter buttons: a reader can then sort, filter and refer to it by name
 * ({@code Ledger[Reference]}). The table is given its final area when it is made, so it
 * serves as well for a sheet whose rows are streamed in as the workbook is written.
 */
final class NamedTable {

	/** A light style: the header and the banded rows keep the sheet readable in print. */
	static final String STYLE = "TableStyleLight9";

	private NamedTable() {
	}

	/**
	 * Makes rows {@code headerRow} to {@code lastRow} (0-based) of {@code sheet} the
	 * table {@code name}; a list with no row still covers one empty row, as a table must.
	 */
	static XSSFTable add(Sheet sheet, String name, List<String> header, int headerRow, int lastRow) {
		XSSFSheet xssf = ((SXSSFWorkbook) sheet.getWorkbook()).getXSSFWorkbook().getSheet(sheet.getSheetName());
		int last = Math.max(lastRow, headerRow + 1);
		AreaReference area = new AreaReference(new CellReference(headerRow, 0),
				new CellReference(last, header.size() - 1), SpreadsheetVersion.EXCEL2007);
		XSSFTable table = xssf.createTable(area);
		CTTable ct = table.getCTTable();
		ct.setName(name);
		ct.setDisplayName(name);
		ct.setHeaderRowCount(1);
		ct.setTotalsRowShown(false);
		String ref = area.formatAsString();
		ct.setRef(ref);
		if (!ct.isSetAutoFilter()) {
			ct.addNewAutoFilter();
		}
		ct.getAutoFilter().setRef(ref);
		// the column names are the header's labels, each once, as a table requires
		Set<String> used = new HashSet<>();
		List<CTTableColumn> columns = ct.getTableColumns().getTableColumnList();
		for (int i = 0; i < columns.size(); i++) {
			String label = header.get(i).replace('\n', ' ').trim();
			String unique = label.isEmpty() ? "Column" + (i + 1) : label;
			for (int n = 2; !used.add(unique.toLowerCase(Locale.ROOT)); n++) {
				unique = label + " " + n;
			}
			columns.get(i).setId(i + 1);
			columns.get(i).setName(unique);
		}
		CTTableStyleInfo style = ct.isSetTableStyleInfo() ? ct.getTableStyleInfo() : ct.addNewTableStyleInfo();
		style.setName(STYLE);
		style.setShowRowStripes(true);
		style.setShowColumnStripes(false);
		style.setShowFirstColumn(false);
		style.setShowLastColumn(false);
		return table;
	}

}
