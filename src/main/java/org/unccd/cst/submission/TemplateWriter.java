package org.unccd.cst.submission;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.Comment;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationConstraint.OperatorType;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Drawing;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Name;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFRichTextString;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.unccd.cst.ingest.DataTable;
import org.unccd.cst.model.BudgetLine;
import org.unccd.cst.model.Messages;
import org.unccd.cst.model.Outcome;
import org.unccd.cst.model.Programme;
import org.unccd.cst.model.Report;
import org.unccd.cst.model.WorkItem;

/**
 * Writes the data-entry template of a programme in one language: the instructions, one
 * sheet per table of the progress folder named and headed as the contract names it (so
 * that a filled template is an input file as it is), a note on every header, data
 * validation on every column with a closed set of values, a date or an amount, the
 * outcomes' latest state on a protected sheet, and the lists behind the drop-downs on a
 * hidden sheet, through named ranges.
 */
final class TemplateWriter {

	/** The rows below the header that carry the data validation. */
	static final int ROWS = 2000;

	/** The hidden sheet of the lists. */
	static final String LISTS = "Lists";

	/** The columns of each table, in the contract's order. */
	static final Map<DataTable, List<String>> COLUMNS = columns();

	/** The free-text columns that get a column in the template's language beside them. */
	static final Set<String> TEXTS = Set.of("summary", "description", "text");

	/** The width of the instructions, in characters, to print on a portrait A4 page. */
	private static final int INSTRUCTIONS_WIDTH = 80;

	/** The height of a line of wrapped text, in points. */
	private static final float LINE_HEIGHT = 14;

	private static final double FIRST_DAY = DateUtil.getExcelDate(LocalDate.of(1900, 1, 1));

	private static final double LAST_DAY = DateUtil.getExcelDate(LocalDate.of(2100, 12, 31));

	private final Programme programme;

	private final Map<String, LatestStatuses.Latest> latest;

	private final List<String> currencies;

	/**
	 * A writer for a programme.
	 * @param latest each outcome's latest state in the input
	 * @param currencies the currencies an amount may be given in
	 */
	TemplateWriter(Programme programme, Map<String, LatestStatuses.Latest> latest, List<String> currencies) {
		this.programme = programme;
		this.latest = latest;
		this.currencies = currencies;
	}

	private static Map<DataTable, List<String>> columns() {
		Map<DataTable, List<String>> columns = new EnumMap<>(DataTable.class);
		columns.put(DataTable.PROGRESS, List.of("date", "outcome", "status", "percent", "summary", "reported_by"));
		columns.put(DataTable.EXPENDITURES,
				List.of("date", "budget_line", "amount", "reference", "work_item", "currency", "description"));
		columns.put(DataTable.FUNDING, List.of("date", "source", "amount", "status", "reference", "donor", "currency"));
		columns.put(DataTable.FINDINGS, List.of("outcome", "text", "date", "source_ref"));
		columns.put(DataTable.RECOMMENDATIONS, List.of("report", "text", "addressee", "priority", "date"));
		columns.put(DataTable.RATES, List.of("currency", "date", "rate"));
		return columns;
	}

	/**
	 * The headers of a table's sheet in a template of {@code lang}: the contract's
	 * columns, each free text followed by its variant in that language (not in English,
	 * whose text goes in the column without suffix).
	 */
	static List<String> headers(DataTable table, String lang) {
		List<String> headers = new ArrayList<>();
		for (String column : COLUMNS.get(table)) {
			headers.add(column);
			if (TEXTS.contains(column) && !lang.equals("en")) {
				headers.add(column + "_" + lang);
			}
		}
		return headers;
	}

	/** Writes the template of {@code lang} to {@code file}. */
	void write(String lang, Path file) throws IOException {
		try (OutputStream out = Files.newOutputStream(file)) {
			write(lang, out);
		}
	}

	/** Writes the template of {@code lang} to {@code out}, which stays open. */
	void write(String lang, OutputStream out) throws IOException {
		Messages messages = Messages.of(lang);
		try (XSSFWorkbook workbook = new XSSFWorkbook()) {
			Styles styles = new Styles(workbook, messages.rightToLeft());
			Sheet instructions = workbook.createSheet(messages.get("template.sheet.instructions"));
			writeInstructions(instructions, messages, styles);
			Sheet lists = workbook.createSheet(LISTS);
			writeLists(workbook, lists, messages);
			for (DataTable table : DataTable.values()) {
				writeTable(workbook.createSheet(table.prefix()), table, messages, styles);
			}
			Sheet outcomes = workbook.createSheet(messages.get("template.sheet.outcomes"));
			writeOutcomes(outcomes, messages, styles);
			workbook.setSheetOrder(LISTS, workbook.getNumberOfSheets() - 1);
			workbook.setSheetVisibility(workbook.getSheetIndex(LISTS), SheetVisibility.HIDDEN);
			workbook.setActiveSheet(0);
			workbook.forEach(TemplateWriter::printOnePageWide);
			if (messages.rightToLeft()) {
				workbook.forEach((sheet) -> sheet.setRightToLeft(true));
			}
			workbook.write(out);
		}
	}

	private void writeInstructions(Sheet sheet, Messages messages, Styles styles) {
		sheet.setColumnWidth(0, INSTRUCTIONS_WIDTH * 256);
		int r = 0;
		cell(sheet, r++, 0, messages.get("template.title", this.programme.session()), styles.title);
		cell(sheet, r++, 0, this.programme.title().in(messages.lang()), styles.wrap);
		r++;
		List<String> paragraphs = new ArrayList<>();
		paragraphs.add(messages.get("template.instructions.sheets"));
		paragraphs.add(messages.get("template.instructions.names"));
		paragraphs.add(messages.get("template.instructions.lists", messages.get("template.sheet.outcomes")));
		paragraphs.add(messages.get("template.instructions.values"));
		paragraphs.add(messages.get("template.instructions.references"));
		if (!messages.lang().equals("en")) {
			paragraphs
				.add(messages.get("template.instructions.variants", "_" + messages.lang(), messages.get("language")));
		}
		paragraphs.add(messages.get("template.instructions.check"));
		paragraphs.add(messages.get("template.instructions.send"));
		int number = 1;
		for (String paragraph : paragraphs) {
			Row row = sheet.createRow(r++);
			row.setHeightInPoints(LINE_HEIGHT * lines(paragraph, INSTRUCTIONS_WIDTH - 6));
			Cell cell = row.createCell(0);
			cell.setCellValue(number++ + ". " + paragraph);
			cell.setCellStyle(styles.wrap);
		}
	}

	private void writeLists(XSSFWorkbook workbook, Sheet sheet, Messages messages) {
		List<Outcome> outcomes = this.programme.allOutcomes();
		list(workbook, sheet, 0, "OutcomeCodes", outcomes.stream().map(Outcome::code).toList());
		list(workbook, sheet, 1, "OutcomeTitles",
				outcomes.stream().map((outcome) -> outcome.title().in(messages.lang())).toList());
		list(workbook, sheet, 2, "Statuses", List.of("planned", "in_progress", "completed", "delayed", "cancelled"));
		list(workbook, sheet, 3, "BudgetLines", this.programme.budgetLines().stream().map(BudgetLine::code).toList());
		list(workbook, sheet, 4, "WorkItems", this.programme.allWorkItems().stream().map(WorkItem::code).toList());
		list(workbook, sheet, 5, "Reports", this.programme.reports().stream().map(Report::id).toList());
		list(workbook, sheet, 6, "Currencies", this.currencies);
		list(workbook, sheet, 7, "Addressees",
				Messages.addresseeCodes().stream().map((code) -> messages.get("addressee." + code)).toList());
		list(workbook, sheet, 8, "Sources", List.of("core", "extrabudgetary"));
		list(workbook, sheet, 9, "FundingStatuses", List.of("pledged", "received"));
		list(workbook, sheet, 10, "Priorities", List.of(1, 2, 3));
	}

	private static void list(XSSFWorkbook workbook, Sheet sheet, int column, String name, List<?> values) {
		cell(sheet, 0, column, name, null);
		for (int i = 0; i < values.size(); i++) {
			Row row = (sheet.getRow(i + 1) != null) ? sheet.getRow(i + 1) : sheet.createRow(i + 1);
			Cell cell = row.createCell(column);
			if (values.get(i) instanceof Integer number) {
				cell.setCellValue(number);
			}
			else {
				cell.setCellValue((String) values.get(i));
			}
		}
		String letter = org.apache.poi.ss.util.CellReference.convertNumToColString(column);
		Name range = workbook.createName();
		range.setNameName(name);
		range.setRefersToFormula(LISTS + "!$" + letter + "$2:$" + letter + "$" + Math.max(2, values.size() + 1));
	}

	private void writeTable(Sheet sheet, DataTable table, Messages messages, Styles styles) {
		List<String> headers = headers(table, messages.lang());
		Row header = sheet.createRow(0);
		Drawing<?> drawing = sheet.createDrawingPatriarch();
		DataValidationHelper helper = sheet.getDataValidationHelper();
		for (int c = 0; c < headers.size(); c++) {
			String column = headers.get(c);
			boolean required = table.required().contains(column);
			Cell cell = header.createCell(c);
			cell.setCellValue(column);
			cell.setCellStyle(required ? styles.required : styles.header);
			ClientAnchor anchor = sheet.getWorkbook().getCreationHelper().createClientAnchor();
			anchor.setCol1(c);
			anchor.setCol2(c + 4);
			anchor.setRow1(0);
			anchor.setRow2(7);
			Comment comment = drawing.createCellComment(anchor);
			comment.setString(new XSSFRichTextString(note(table, column, required, messages)));
			comment.setAuthor("UNCCD");
			cell.setCellComment(comment);
			Kind kind = Kind.of(table, column);
			sheet.setColumnWidth(c, kind.width * 256);
			CellStyle style = styles.of(kind);
			if (style != null) {
				sheet.setDefaultColumnStyle(c, style);
			}
			DataValidationConstraint constraint = (kind == Kind.LIST)
					? helper.createFormulaListConstraint(listName(table, column)) : kind.constraint(helper);
			if (constraint != null) {
				DataValidation validation = helper.createValidation(constraint,
						new CellRangeAddressList(1, ROWS, c, c));
				validation.setErrorStyle(DataValidation.ErrorStyle.STOP);
				validation.setShowErrorBox(true);
				validation.createErrorBox(messages.get("template.error.title"),
						messages.get("template.error." + kind.error));
				validation.setEmptyCellAllowed(true);
				if (constraint.getValidationType() == DataValidationConstraint.ValidationType.LIST) {
					validation.setSuppressDropDownArrow(true);
				}
				sheet.addValidationData(validation);
			}
		}
		sheet.createFreezePane(0, 1);
	}

	/** The named range of the list a column's values come from. */
	static String listName(DataTable table, String column) {
		return switch (column) {
			case "outcome" -> "OutcomeCodes";
			case "status" -> (table == DataTable.FUNDING) ? "FundingStatuses" : "Statuses";
			case "budget_line" -> "BudgetLines";
			case "work_item" -> "WorkItems";
			case "report" -> "Reports";
			case "addressee" -> "Addressees";
			case "priority" -> "Priorities";
			case "source" -> "Sources";
			default -> "Currencies";
		};
	}

	private static String note(DataTable table, String column, boolean required, Messages messages) {
		int variant = column.lastIndexOf('_');
		String text;
		if (variant > 0 && TEXTS.contains(column.substring(0, variant))) {
			text = messages.get("template.note.variant", column.substring(0, variant), messages.get("language"));
		}
		else {
			// the values to type are codes, the same in every language
			Object[] codes = column.equals("source") ? new Object[] { "core", "extrabudgetary" } : new Object[0];
			text = messages.get("template.note." + table.prefix() + "." + column, codes);
		}
		return column + ": " + text + " "
				+ messages.get(required ? "template.note.required" : "template.note.optional");
	}

	private void writeOutcomes(Sheet sheet, Messages messages, Styles styles) {
		List<String> keys = List.of("code", "title", "workItem", "due", "status", "percent", "date");
		int[] widths = { 12, 70, 10, 12, 24, 10, 12 };
		Row header = sheet.createRow(0);
		for (int c = 0; c < keys.size(); c++) {
			Cell cell = header.createCell(c);
			cell.setCellValue(messages.get("template.ref." + keys.get(c)));
			cell.setCellStyle(styles.header);
			sheet.setColumnWidth(c, widths[c] * 256);
		}
		int r = 1;
		for (Outcome outcome : this.programme.allOutcomes()) {
			Row row = sheet.createRow(r++);
			cell(sheet, row.getRowNum(), 0, outcome.code(), styles.top);
			row.setHeightInPoints(LINE_HEIGHT * lines(outcome.title().in(messages.lang()), widths[1] - 4));
			Cell title = row.createCell(1);
			title.setCellValue(outcome.title().in(messages.lang()));
			title.setCellStyle(styles.wrap);
			cell(sheet, row.getRowNum(), 2, outcome.workItem(), styles.top);
			if (outcome.due() != null) {
				Cell due = row.createCell(3);
				due.setCellValue(outcome.due());
				due.setCellStyle(styles.dateTop);
			}
			LatestStatuses.Latest state = this.latest.get(outcome.code());
			String status = (state != null) ? state.status() : "planned";
			// the status in the workbook's language, with the code a progress row gives,
			// unless the two are the same word
			String label = messages.get("status." + status);
			cell(sheet, row.getRowNum(), 4, label.equals(status) ? label : label + " (" + status + ")", styles.top);
			BigDecimal percent = (state != null && state.percent() != null) ? state.percent() : BigDecimal.ZERO;
			Cell percentCell = row.createCell(5);
			percentCell.setCellValue(percent.doubleValue());
			percentCell.setCellStyle(styles.top);
			if (state != null) {
				Cell date = row.createCell(6);
				date.setCellValue(state.date());
				date.setCellStyle(styles.dateTop);
			}
		}
		sheet.createFreezePane(0, 1);
		sheet.protectSheet("");
	}

	/**
	 * How many lines a text takes in a column of {@code width} characters, an ideograph
	 * counting two.
	 */
	static int lines(String text, int width) {
		int columns = 0;
		for (int i = 0; i < text.length(); i++) {
			columns += (Character.UnicodeScript.of(text.charAt(i)) == Character.UnicodeScript.HAN
					|| text.charAt(i) >= '\uFF00') ? 2 : 1;
		}
		return Math.max(1, (columns + width - 1) / width);
	}

	/** Prints a sheet one page wide, data and reference sheets in landscape. */
	private static void printOnePageWide(Sheet sheet) {
		sheet.setFitToPage(true);
		sheet.getPrintSetup().setFitWidth((short) 1);
		sheet.getPrintSetup().setFitHeight((short) 0);
		sheet.getPrintSetup().setLandscape(sheet.getWorkbook().getSheetIndex(sheet) > 0);
		sheet.getPrintSetup().setPaperSize(org.apache.poi.ss.usermodel.PrintSetup.A4_PAPERSIZE);
	}

	private static void cell(Sheet sheet, int r, int c, String value, CellStyle style) {
		Row row = (sheet.getRow(r) != null) ? sheet.getRow(r) : sheet.createRow(r);
		Cell cell = row.createCell(c);
		cell.setCellValue(value);
		if (style != null) {
			cell.setCellStyle(style);
		}
	}

	/** What a column holds, which sets its validation, format and width. */
	private enum Kind {

		DATE(12, "date"), AMOUNT(14, "amount"), PERCENT(9, "percent"), CODE_3(10, "currency"), TEXT(40, null),
		SHORT_TEXT(16, null), LIST(14, "list");

		private final int width;

		private final String error;

		Kind(int width, String error) {
			this.width = width;
			this.error = error;
		}

		static Kind of(DataTable table, String column) {
			return switch (column) {
				case "date" -> DATE;
				case "amount", "rate" -> AMOUNT;
				case "percent" -> PERCENT;
				case "currency" -> (table == DataTable.RATES) ? CODE_3 : LIST;
				case "outcome", "status", "budget_line", "work_item", "report", "addressee", "priority", "source" ->
					LIST;
				case "reference", "reported_by", "source_ref", "donor" -> SHORT_TEXT;
				default -> TEXT;
			};
		}

		DataValidationConstraint constraint(DataValidationHelper helper) {
			return switch (this) {
				case DATE -> helper.createDateConstraint(OperatorType.BETWEEN, String.valueOf((long) FIRST_DAY),
						String.valueOf((long) LAST_DAY), "yyyy-mm-dd");
				case AMOUNT -> helper.createDecimalConstraint(OperatorType.GREATER_THAN, "0", null);
				case PERCENT -> helper.createDecimalConstraint(OperatorType.BETWEEN, "0", "100");
				case CODE_3 -> helper.createTextLengthConstraint(OperatorType.EQUAL, "3", null);
				case LIST -> null;
				default -> null;
			};
		}

	}

	/** The cell styles of a template. */
	private static final class Styles {

		final CellStyle title;

		final CellStyle wrap;

		final CellStyle header;

		final CellStyle required;

		final CellStyle date;

		final CellStyle amount;

		final CellStyle text;

		final CellStyle top;

		final CellStyle dateTop;

		Styles(XSSFWorkbook workbook, boolean rightToLeft) {
			Font big = workbook.createFont();
			big.setBold(true);
			big.setFontHeightInPoints((short) 14);
			this.title = workbook.createCellStyle();
			this.title.setFont(big);
			this.wrap = workbook.createCellStyle();
			this.wrap.setWrapText(true);
			this.wrap.setVerticalAlignment(org.apache.poi.ss.usermodel.VerticalAlignment.TOP);
			Font bold = workbook.createFont();
			bold.setBold(true);
			this.header = workbook.createCellStyle();
			this.header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
			this.header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
			this.header.setBorderBottom(BorderStyle.THIN);
			this.required = workbook.createCellStyle();
			this.required.cloneStyleFrom(this.header);
			this.required.setFont(bold);
			short iso = workbook.createDataFormat().getFormat("yyyy-mm-dd");
			this.date = workbook.createCellStyle();
			this.date.setDataFormat(iso);
			this.amount = workbook.createCellStyle();
			this.amount.setDataFormat(workbook.createDataFormat().getFormat("0.00########"));
			this.text = workbook.createCellStyle();
			this.text.setDataFormat(workbook.createDataFormat().getFormat("@"));
			this.top = workbook.createCellStyle();
			this.top.setVerticalAlignment(org.apache.poi.ss.usermodel.VerticalAlignment.TOP);
			this.dateTop = workbook.createCellStyle();
			this.dateTop.cloneStyleFrom(this.date);
			this.dateTop.setVerticalAlignment(org.apache.poi.ss.usermodel.VerticalAlignment.TOP);
			// the default font named in each style that uses it, as in the published
			// workbook, so that LibreOffice sets the text in it and not in a wider font
			Font normal = workbook.getFontAt(0);
			for (CellStyle style : List.of(this.wrap, this.header, this.date, this.amount, this.text, this.top,
					this.dateTop)) {
				style.setFont(normal);
			}
			if (rightToLeft) {
				for (CellStyle style : List.of(this.title, this.wrap, this.top)) {
					rightToLeft((XSSFCellStyle) style);
				}
			}
		}

		/** Right-aligned text read right to left, as Arabic is. */
		private static void rightToLeft(XSSFCellStyle style) {
			style.setAlignment(org.apache.poi.ss.usermodel.HorizontalAlignment.RIGHT);
			style.getCoreXf().getAlignment().setReadingOrder(2);
		}

		CellStyle of(Kind kind) {
			return switch (kind) {
				case DATE -> this.date;
				case AMOUNT -> this.amount;
				case TEXT, SHORT_TEXT, CODE_3 -> this.text;
				default -> null;
			};
		}

	}

}
