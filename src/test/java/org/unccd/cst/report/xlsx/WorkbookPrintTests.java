package org.unccd.cst.report.xlsx;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFTable;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.xmlbeans.XmlObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openxmlformats.schemas.drawingml.x2006.chart.CTBarSer;
import org.openxmlformats.schemas.drawingml.x2006.chart.CTDPt;
import org.openxmlformats.schemas.drawingml.x2006.main.CTShapeProperties;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTTableColumn;
import org.unccd.cst.model.Messages;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The workbook an officer prints and shares, read back with POI: every sheet's print
 * setup, the named tables over the data sheets, wrapped long text, overdue as yes or no
 * in each language, the legend of the cluster codes, and the charts in the colours of the
 * PDF reports.
 */
class WorkbookPrintTests {

	/** The colours the PDF reports draw their charts in (PdfCharts), as RGB. */
	private static final String PDF_SECURED = "0072B2";

	private static final String PDF_GAP = "D55E00";

	private static final String PDF_SPENT = "004978";

	private static final String PDF_UNSPENT = "A6CEE3";

	private static final String PDF_NOT_STARTED = "AAAAAA";

	@Test
	void everySheetPrintsLandscapeOnePageWideWithItsHeaderAndPageNumbers(@TempDir Path dir) throws Exception {
		Path file = WorkbookWriterTests.write(dir, "print", "en", (writer) -> writer.maxDataRows(2));

		try (XSSFWorkbook workbook = open(file)) {
			Map<String, String> repeated = new LinkedHashMap<>();
			for (Sheet sheet : workbook) {
				String name = sheet.getSheetName();
				PrintSetup setup = sheet.getPrintSetup();
				assertThat(setup.getLandscape()).as(name).isTrue();
				assertThat(setup.getPaperSize()).as(name).isEqualTo(PrintSetup.A4_PAPERSIZE);
				assertThat(sheet.getFitToPage()).as(name).isTrue();
				assertThat(setup.getFitWidth()).as(name).isEqualTo((short) 1);
				assertThat(setup.getFitHeight()).as(name).isEqualTo((short) (name.equals("Charts") ? 1 : 0));
				assertThat(sheet.getFooter().getCenter()).as(name).isEqualTo("Page &P of &N");
				CellRangeAddress rows = sheet.getRepeatingRows();
				repeated.put(name, (rows != null) ? rows.formatAsString() : "none");
			}
			// the header row of each sheet: the Summary's under its title, the proposals'
			// under the legend of the clusters
			assertThat(repeated).containsExactly(Map.entry("Summary", "2:2"), Map.entry("Charts", "none"),
					Map.entry("Outcomes", "1:1"), Map.entry("Work items", "1:1"), Map.entry("Budget", "1:1"),
					Map.entry("Expenditures", "1:1"), Map.entry("Expenditures (2)", "1:1"),
					Map.entry("Expenditures (3)", "1:1"), Map.entry("Funding", "1:1"), Map.entry("Proposals", "13:13"),
					Map.entry("Rejects", "1:1"), Map.entry("Rejects (2)", "1:1"));
			assertThat(workbook.getSheet("Proposals").getRow(12).getCell(0).getStringCellValue()).isEqualTo("No.");
		}
	}

	@Test
	void dataSheetsAreNamedTablesOverTheirHeaderAndRows(@TempDir Path dir) throws Exception {
		Path file = WorkbookWriterTests.write(dir, "tables", "en", (writer) -> writer.maxDataRows(2));

		try (XSSFWorkbook workbook = open(file)) {
			List<String> tables = new ArrayList<>();
			for (Sheet sheet : workbook) {
				XSSFSheet xssf = (XSSFSheet) sheet;
				for (XSSFTable table : xssf.getTables()) {
					tables.add(sheet.getSheetName() + "!" + table.getName() + " " + table.getCTTable().getRef()
							+ " filter " + table.getCTTable().getAutoFilter().getRef());
					// each column is named by the header cell above it
					Row header = sheet.getRow(table.getStartRowIndex());
					List<CTTableColumn> columns = table.getCTTable().getTableColumns().getTableColumnList();
					for (int i = 0; i < columns.size(); i++) {
						assertThat(columns.get(i).getName()).as(table.getName() + " column " + i)
							.isEqualTo(header.getCell(table.getStartColIndex() + i).getStringCellValue());
					}
					assertThat(table.getCTTable().getTableStyleInfo().getName()).isEqualTo(NamedTable.STYLE);
				}
				// a table filters itself: a filter of the sheet over it would be an error
				if (!xssf.getTables().isEmpty()) {
					assertThat(xssf.getCTWorksheet().isSetAutoFilter()).as(sheet.getSheetName()).isFalse();
				}
			}
			assertThat(tables).containsExactly("Outcomes!OutcomeList A1:I4 filter A1:I4",
					"Work items!WorkItemList A1:F4 filter A1:F4", "Budget!BudgetLines A1:F3 filter A1:F3",
					"Expenditures!Ledger A1:K3 filter A1:K3", "Expenditures (2)!Ledger_2 A1:K3 filter A1:K3",
					"Expenditures (3)!Ledger_3 A1:K2 filter A1:K2", "Funding!FundingList A1:I3 filter A1:I3",
					"Proposals!ProposalList A13:E16 filter A13:E16", "Rejects!RejectList A1:E3 filter A1:E3",
					"Rejects (2)!RejectList_2 A1:E2 filter A1:E2");
			// the streamed ledger's table ends where its streamed rows end
			assertThat(workbook.getSheet("Expenditures (3)").getCTWorksheet().getDimension().getRef())
				.isEqualTo("A1:K2");
			assertThat(workbook.getSheet("Expenditures (2)").getCTWorksheet().getDimension().getRef())
				.isEqualTo("A1:K3");
		}
	}

	@Test
	void longTextWrapsAndItsRowIsAsTallAsItsLines(@TempDir Path dir) throws Exception {
		Path file = WorkbookWriterTests.write(dir, "wrap", "en", (writer) -> writer);

		try (XSSFWorkbook workbook = open(file)) {
			Sheet ledger = workbook.getSheet("Expenditures");
			Cell description = ledger.getRow(5).getCell(8);
			assertThat(description.getStringCellValue()).isEqualTo(WorkbookWriterTests.LONG_DESCRIPTION);
			assertThat(description.getCellStyle().getWrapText()).isTrue();
			assertThat(ledger.getRow(5).getHeightInPoints()).isEqualTo(3 * WrappedText.LINE_POINTS);
			assertThat(ledger.getRow(4).getCell(8).getCellStyle().getWrapText()).isTrue();
			assertThat(ledger.getRow(4).getHeightInPoints()).isEqualTo(ledger.getDefaultRowHeightInPoints());
			// the streamed sheet's bold heading "Budget line" takes two lines of its
			// column, 10 digits wide, and its row is two lines tall
			assertThat(ledger.getRow(0).getCell(1).getStringCellValue()).isEqualTo("Budget line");
			assertThat(ledger.getRow(0).getHeightInPoints()).isEqualTo(2 * WrappedText.LINE_POINTS);
			// the legend's meanings wrap in their column, 34 digits wide
			Sheet proposals = workbook.getSheet("Proposals");
			Cell meaning = proposals.getRow(2).getCell(1);
			assertThat(meaning.getCellStyle().getWrapText()).isTrue();
			assertThat(proposals.getRow(2).getHeightInPoints())
				.isEqualTo(WrappedText.height(WrappedText.lines(meaning.getStringCellValue(), 34)))
				.isGreaterThan(2 * WrappedText.LINE_POINTS);
			// a heading that does not fit its column wraps too
			assertThat(workbook.getSheet("Outcomes").getRow(0).getHeightInPoints()).isGreaterThanOrEqualTo(15f);
			assertThat(workbook.getSheet("Outcomes").getRow(1).getCell(2).getCellStyle().getWrapText()).isTrue();
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "ar", "en", "es", "fr", "ru", "zh" })
	void everyCellNamesItsFontAndNoWordOfAHeadingIsCut(String lang, @TempDir Path dir) throws Exception {
		Path file = WorkbookWriterTests.write(dir, "fonts" + lang, lang, (writer) -> writer);

		try (XSSFWorkbook workbook = open(file)) {
			int headings = 0;
			for (Sheet sheet : workbook) {
				for (Row row : sheet) {
					for (Cell cell : row) {
						String where = lang + " " + sheet.getSheetName() + "!" + cell.getAddress();
						XSSFCellStyle style = (XSSFCellStyle) cell.getCellStyle();
						// LibreOffice sets a cell whose style names no font in its own
						// default font, wider than the Calibri its row was measured for
						assertThat(style.getCoreXf().getApplyFont()).as(where).isTrue();
						assertThat(style.getFont().getFontName()).as(where).isEqualTo("Calibri");
						if (style.getFont().getBold() && style.getFillPattern() == FillPatternType.SOLID_FOREGROUND
								&& cell.getCellType() == CellType.STRING) {
							// a heading: its longest word, a digit a bold letter, and the
							// column's margin fit the column (ideographs break anywhere)
							headings++;
							int longest = 0;
							for (String word : cell.getStringCellValue().split("[ \n]")) {
								if (word.codePoints().noneMatch((c) -> c >= 0x2E80)) {
									longest = Math.max(longest, word.codePointCount(0, word.length()));
								}
							}
							int width = sheet.getColumnWidth(cell.getColumnIndex()) / 256;
							assertThat(width).as(where + " " + cell.getStringCellValue()).isGreaterThan(longest);
						}
					}
				}
			}
			assertThat(headings).as("headings seen").isGreaterThan(40);
			// the French heading "Groupe thématique" of the proposals' 9-digit cluster
			// column: "thématique" is ten letters
			if (lang.equals("fr")) {
				Sheet proposals = workbook.getSheet("Proposals");
				assertThat(proposals.getRow(12).getCell(4).getStringCellValue()).isEqualTo("Groupe thématique");
				assertThat(proposals.getColumnWidth(4) / 256).isEqualTo(11);
			}
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "ar", "en" })
	void theSummarysTitleIsSetAcrossItsColumnsAndPrintedWhole(String lang, @TempDir Path dir) throws Exception {
		Path file = WorkbookWriterTests.write(dir, "title" + lang, lang, (writer) -> writer);

		try (XSSFWorkbook workbook = open(file)) {
			Sheet summary = workbook.getSheet("Summary");
			Cell title = summary.getRow(0).getCell(0);
			assertThat(summary.getMergedRegions()).extracting(CellRangeAddress::formatAsString).contains("A1:B1");
			assertThat(title.getCellStyle().getWrapText()).isTrue();
			// a title longer than the two columns (60 digits) takes two lines or more,
			// and its row their height: in a right-to-left sheet it would otherwise run
			// past column B, off the page
			String text = title.getStringCellValue();
			assertThat(text).as("a title longer than the columns").hasSizeGreaterThan(60);
			assertThat(summary.getRow(0).getHeightInPoints()).isGreaterThanOrEqualTo(2 * 19f);
			assertThat(workbook.getSheet("Proposals").getMergedRegions()).extracting(CellRangeAddress::formatAsString)
				.contains("A1:E1");
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "fr", "zh" })
	void codesOfTheContractAreNamedInTheLanguageAndTheSumsBySourceFindThem(String lang, @TempDir Path dir)
			throws Exception {
		Path file = WorkbookWriterTests.write(dir, "sources" + lang, lang, (writer) -> writer);
		Messages m = Messages.of(lang);

		try (XSSFWorkbook workbook = open(file)) {
			Sheet funding = workbook.getSheet("Funding");
			// the programme's funding at adoption: core, then extrabudgetary
			assertThat(funding.getRow(1).getCell(1).getStringCellValue()).isEqualTo(m.get("source.core"));
			assertThat(funding.getRow(2).getCell(1).getStringCellValue()).isEqualTo(m.get("source.extrabudgetary"));
			assertThat(funding.getRow(1).getCell(2).getStringCellValue()).isEqualTo(m.get("budget.programmeFunding"));
			assertThat(m.fundingStatus("received")).isNotEqualTo("received");
			assertThat(m.fundingStatus("pledged")).isNotEqualTo("pledged");
			Sheet budget = workbook.getSheet("Budget");
			List<String> lineSources = new ArrayList<>();
			List<String> summedSources = new ArrayList<>();
			for (Row row : budget) {
				Cell third = row.getCell(2);
				if (row.getRowNum() > 0 && third != null && third.getCellType() == CellType.STRING
						&& row.getCell(0).getStringCellValue().startsWith("L")) {
					lineSources.add(third.getStringCellValue());
				}
				Cell amount = row.getCell(3);
				if (amount != null && amount.getCellType() == CellType.FORMULA
						&& amount.getCellFormula().startsWith("SUMIF")) {
					summedSources.add(row.getCell(0).getStringCellValue());
					assertThat(amount.getCellFormula()).contains(",A" + (row.getRowNum() + 1) + ",");
				}
			}
			assertThat(lineSources).containsExactly(m.get("source.extrabudgetary"), m.get("source.core"));
			assertThat(summedSources).containsExactlyInAnyOrderElementsOf(lineSources);
			// the kinds of work items and the submitters' types too
			List<String> kinds = new ArrayList<>();
			for (Row row : workbook.getSheet("Work items")) {
				if (row.getRowNum() > 0) {
					kinds.add(row.getCell(1).getStringCellValue());
				}
			}
			assertThat(kinds).contains(m.get("kind.objective"), m.get("kind.coordination"))
				.doesNotContain("objective", "coordination");
			// no word of a kind is cut in any language: a Cyrillic letter takes 1.1
			// digits
			int width = workbook.getSheet("Work items").getColumnWidth(1) / 256;
			for (String language : Messages.LANGUAGES) {
				for (String word : Messages.of(language).get("kind.coordination").split(" ")) {
					assertThat(width).as(language + " " + word).isGreaterThanOrEqualTo(word.length() * 11 / 10 + 1);
				}
			}
			Sheet proposals = workbook.getSheet("Proposals");
			assertThat(proposals.getRow(13).getCell(2).getStringCellValue()).isEqualTo(m.get("submitter.party"))
				.isNotEqualTo("party");
		}
	}

	@Test
	void anAmountAsGivenKeepsTheDecimalsItWasGivenWith(@TempDir Path dir) throws Exception {
		Path file = WorkbookWriterTests.write(dir, "given", "en", (writer) -> writer);

		try (XSSFWorkbook workbook = open(file)) {
			Sheet ledger = workbook.getSheet("Expenditures");
			assertThat(ledger.getRow(0).getCell(3).getStringCellValue()).isEqualTo("Original amount");
			CellStyle given = ledger.getRow(1).getCell(3).getCellStyle();
			CellStyle converted = ledger.getRow(1).getCell(6).getCellStyle();
			DataFormatter formatter = new DataFormatter(Locale.ENGLISH);
			assertThat(formatter.formatRawCellContents(10, given.getDataFormat(), given.getDataFormatString()))
				.isEqualTo("10.00");
			assertThat(formatter.formatRawCellContents(1000.125, given.getDataFormat(), given.getDataFormatString()))
				.isEqualTo("1,000.125");
			assertThat(formatter.formatRawCellContents(1000.12, converted.getDataFormat(),
					converted.getDataFormatString()))
				.isEqualTo("1,000.12");
		}
	}

	@Test
	void wrappedLinesAreCountedAsAViewerBreaksThem() {
		assertThat(WrappedText.lines("", 10)).isEqualTo(1);
		assertThat(WrappedText.lines("Short", 10)).isEqualTo(1);
		// ten Latin letters fit a column 10 wide (9 digits of room, a letter 0.9 of a
		// digit), eleven do not
		assertThat(WrappedText.lines("abcdefghij", 10)).isEqualTo(1);
		assertThat(WrappedText.lines("abcdefghijk", 10)).isEqualTo(2);
		// the word that does not fit goes over whole
		assertThat(WrappedText.lines("aaaa bbbbbbb", 10)).isEqualTo(2);
		assertThat(WrappedText.lines("one\ntwo\nthree", 40)).isEqualTo(3);
		// Cyrillic letters are wider: eleven tenths of a digit each
		assertThat(WrappedText.lines("абвгдежзи", 11)).isEqualTo(1);
		assertThat(WrappedText.lines("абвгдежзий", 11)).isEqualTo(2);
		// a Russian line of the proposals' legend that LibreOffice sets on three lines
		// in 34 digits of Carlito (and was counted as two at eight tenths a letter)
		assertThat(WrappedText.lines("Земельные меры по управлению засухой (вода, песчаные и пыльные бури)", 34))
			.isEqualTo(3);
		// ideographs take two digits each and break anywhere
		assertThat(WrappedText.lines("土地退化零增长", 10)).isEqualTo(2);
		assertThat(WrappedText.lines("土地退化", 10)).isEqualTo(1);
		// a bold heading's letters take a whole digit each
		assertThat(WrappedText.lines("Work item", 10)).isEqualTo(1);
		assertThat(WrappedText.headingLines("Budget line", 10)).isEqualTo(2);
		assertThat(WrappedText.headingLines("Work item", 10)).isEqualTo(1);
		// a heading's longest word and the margin: "thématique", ten letters
		assertThat(WrappedText.headingWordWidth("Groupe thématique")).isEqualTo(11);
		assertThat(WrappedText.headingWordWidth("预期成果")).isEqualTo(3);
	}

	@Test
	void footersKeepExcelsPageCodesAndAnAmpersandAsWritten() {
		assertThat(PrintLayout.footer("Page &P of &N", false)).isEqualTo("Page &P of &N");
		assertThat(PrintLayout.footer("R&D page &P", false)).isEqualTo("R&&D page &P");
		assertThat(PrintLayout.footer("\u200Fالصفحة &P من &N", true))
			.isEqualTo("\u200Fالصفحة\u00A0\u200E&P\u200E\u00A0من\u00A0\u200E&N\u200E");
	}

	@ParameterizedTest
	@ValueSource(strings = { "ar", "en", "es", "fr", "ru", "zh" })
	void overdueAndPageNumbersReadInTheLanguage(String lang, @TempDir Path dir) throws Exception {
		Path file = WorkbookWriterTests.write(dir, "overdue" + lang, lang, (writer) -> writer);
		Messages m = Messages.of(lang);
		Map<String, String> expected = Map.of("ar", "نعم لا", "en", "Yes No", "es", "Sí No", "fr", "Oui Non", "ru",
				"Да Нет", "zh", "是 否");
		Map<String, String> footers = Map.of("ar", "\u200Fالصفحة\u00A0\u200E&P\u200E\u00A0من\u00A0\u200E&N\u200E", "en",
				"Page &P of &N", "es", "Página &P de &N", "fr", "Page &P sur &N", "ru", "Стр. &P из &N", "zh",
				"第 &P 页，共 &N 页");

		try (XSSFWorkbook workbook = open(file)) {
			for (Sheet sheet : workbook) {
				assertThat(sheet.getFooter().getCenter()).as(lang + " " + sheet.getSheetName())
					.isEqualTo(footers.get(lang));
				assertThat(sheet.getPrintSetup().getLandscape()).as(lang + " " + sheet.getSheetName()).isTrue();
			}
			Sheet outcomes = workbook.getSheet("Outcomes");
			assertThat(outcomes.getRow(0).getCell(6).getStringCellValue()).isEqualTo(m.get("col.overdue"));
			// A.1-x was due on 31 March 2021 and is not done at 30 April; A.1-y has no
			// due
			// date; B-x is due at the end of the year
			assertThat(outcomes.getRow(1).getCell(0).getStringCellValue()).isEqualTo("A.1-x");
			String yes = outcomes.getRow(1).getCell(6).getStringCellValue();
			String no = outcomes.getRow(2).getCell(6).getStringCellValue();
			assertThat(yes + " " + no).isEqualTo(expected.get(lang));
			assertThat(outcomes.getRow(3).getCell(6).getStringCellValue()).isEqualTo(no);
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "en", "ar" })
	void proposalsHaveALegendOfTheClusterCodes(String lang, @TempDir Path dir) throws Exception {
		Path file = WorkbookWriterTests.write(dir, "legend" + lang, lang, (writer) -> writer);
		Messages m = Messages.of(lang);

		try (XSSFWorkbook workbook = open(file)) {
			Sheet proposals = workbook.getSheet("Proposals");
			assertThat(proposals.getRow(0).getCell(0).getStringCellValue()).isEqualTo(m.get("cluster.title"));
			assertThat(text(proposals.getRow(1)))
				.isEqualTo(List.of(m.get("col.cluster"), m.get("cluster.meaning"), m.get("col.count")).toString());
			List<String> legend = new ArrayList<>();
			for (int r = 2; r <= 8; r++) {
				Row row = proposals.getRow(r);
				legend.add(row.getCell(0).getStringCellValue() + " " + (long) row.getCell(2).getNumericCellValue());
				assertThat(row.getCell(1).getStringCellValue())
					.isEqualTo(m.get("cluster." + row.getCell(0).getStringCellValue()))
					.isNotBlank();
			}
			// the annex's seven codes in its order, with the test input's topics in each
			assertThat(legend).containsExactly("a.i 1", "a.ii 0", "a.iii 0", "b 1", "c 1", "* 0", "- 0");
			if (lang.equals("en")) {
				assertThat(proposals.getRow(2).getCell(1).getStringCellValue())
					.startsWith("Methods for monitoring, reporting and verifying land degradation neutrality");
				assertThat(proposals.getRow(8).getCell(1).getStringCellValue()).isEqualTo("No cluster");
			}
			else {
				assertThat(proposals.getRow(8).getCell(1).getStringCellValue()).isEqualTo("دون مجموعة مواضيعية");
			}
		}
	}

	@Test
	void chartsAreInThePdfReportsColours(@TempDir Path dir) throws Exception {
		Path file = WorkbookWriterTests.write(dir, "colours", "en", (writer) -> writer);

		try (XSSFWorkbook workbook = open(file)) {
			List<XSSFChart> charts = workbook.getSheet("Charts").getDrawingPatriarch().getCharts();
			List<String> fills = new ArrayList<>();
			for (XSSFChart chart : charts) {
				for (CTBarSer series : chart.getCTChart().getPlotArea().getBarChartArray(0).getSerList()) {
					StringBuilder fill = new StringBuilder(series.getTx().getV() + " " + rgb(series.getSpPr()));
					assertThat(rgb(series.getSpPr().getLn().getSolidFill())).isEqualTo(rgb(series.getSpPr()));
					for (CTDPt point : series.getDPtList()) {
						fill.append(" ").append(point.getIdx().getVal()).append("=").append(rgb(point.getSpPr()));
					}
					fills.add(fill.toString());
				}
			}
			// the outcomes' bars by status (none has a status reported in this ledger),
			// the
			// budget secured against the gap, each line's amount and spending
			assertThat(fills).containsExactly(
					"Per cent complete " + PDF_SECURED + " 0=" + PDF_NOT_STARTED + " 1=" + PDF_NOT_STARTED + " 2="
							+ PDF_NOT_STARTED,
					"planned " + PDF_NOT_STARTED, "Secured " + PDF_SECURED, "Gap " + PDF_GAP,
					"Amount (EUR) " + PDF_UNSPENT, "Spent " + PDF_SPENT);
			// at most five labels on a value axis: the figures do not run together
			// (secured and gap stack to 100,000; the largest line is 80,000)
			assertThat(charts.get(1).getCTChart().getPlotArea().getValAxArray(0).getMajorUnit().getVal())
				.isEqualTo(25000.0);
			assertThat(charts.get(2).getCTChart().getPlotArea().getValAxArray(0).getMajorUnit().getVal())
				.isEqualTo(20000.0);
		}
	}

	/**
	 * The outcome chart colours each bar by its outcome's status, so its legend names the
	 * colours: one key per status met, in the workbook's language and the status's
	 * colour, and not the coloured series itself. Each key is a series of empty cells
	 * under the chart, drawn over the bars: LibreOffice leaves out of the legend a series
	 * whose values are not cells.
	 */
	@Test
	void theOutcomeChartsLegendNamesTheColoursOfTheStatuses(@TempDir Path dir) throws Exception {
		Path file = WorkbookWriterTests.write(dir, "legend", "fr", (writer) -> writer);
		Messages m = Messages.of("fr");
		try (XSSFWorkbook workbook = open(file)) {
			Sheet sheet = workbook.getSheetAt(1);
			XSSFChart outcomes = ((org.apache.poi.xssf.usermodel.XSSFSheet) sheet).getDrawingPatriarch()
				.getCharts()
				.get(0);
			var plot = outcomes.getCTChart().getPlotArea().getBarChartArray(0);
			assertThat(plot.getSerList()).hasSize(2);
			CTBarSer key = plot.getSerArray(1);
			assertThat(key.getTx().getV()).isEqualTo(m.status("planned"));
			assertThat(rgb(key.getSpPr())).isEqualTo(PDF_NOT_STARTED);
			String cells = key.getVal().getNumRef().getF();
			assertThat(cells).isEqualTo(new CellRangeAddress(0, 2, 0, 0).formatAsString(sheet.getSheetName(), true));
			for (int row = 0; row < 3; row++) {
				assertThat(sheet.getRow(row) == null || sheet.getRow(row).getCell(0) == null).as("A" + (row + 1))
					.isTrue();
			}
			// drawn over the bars, not beside them
			assertThat(plot.xmlText()).contains("overlap val=\"100\"");
			var legend = outcomes.getCTChart().getLegend();
			assertThat(legend.getLegendEntryList()).hasSize(1);
			assertThat(legend.getLegendEntryArray(0).getIdx().getVal()).isZero();
			assertThat(legend.getLegendEntryArray(0).getDelete().getVal()).isTrue();
		}
	}

	@Test
	void statusColoursAreThePdfReportsColours() {
		assertThat(String.format("%06X", org.unccd.cst.report.ChartColours.status("completed"))).isEqualTo("009E73");
		assertThat(String.format("%06X", org.unccd.cst.report.ChartColours.status("in_progress")))
			.isEqualTo(PDF_SECURED);
		assertThat(String.format("%06X", org.unccd.cst.report.ChartColours.status("delayed"))).isEqualTo(PDF_GAP);
		assertThat(String.format("%06X", org.unccd.cst.report.ChartColours.status("cancelled"))).isEqualTo("787878");
		assertThat(String.format("%06X", org.unccd.cst.report.ChartColours.status("planned")))
			.isEqualTo(PDF_NOT_STARTED);
	}

	@Test
	void arabicChartTextsAndFootersAreLaidOutFromTheRight(@TempDir Path dir) throws Exception {
		Path file = WorkbookWriterTests.write(dir, "arabic", "ar", (writer) -> writer);
		Messages m = Messages.of("ar");

		try (XSSFWorkbook workbook = open(file)) {
			for (Sheet sheet : workbook) {
				assertThat(sheet.isRightToLeft()).as(sheet.getSheetName()).isTrue();
				assertThat(sheet.getFooter().getCenter()).as(sheet.getSheetName())
					.isEqualTo("\u200Fالصفحة\u00A0\u200E&P\u200E\u00A0من\u00A0\u200E&N\u200E");
			}
			List<String> texts = new ArrayList<>();
			for (XSSFChart chart : workbook.getSheetAt(1).getDrawingPatriarch().getCharts()) {
				texts.add(chart.getTitleText().getString());
				for (CTBarSer series : chart.getCTChart().getPlotArea().getBarChartArray(0).getSerList()) {
					texts.add(series.getTx().getV());
				}
			}
			// the titles, the series and the outcome chart's one status key
			assertThat(texts).hasSize(9).allSatisfy((text) -> assertThat(text).startsWith("\u200F"));
			assertThat(texts).contains("\u200F" + m.status("planned"));
			assertThat(texts).contains("\u200F" + m.get("chart.amount", "EUR"));
			// the charts read from the right: the outcomes' and the total's columns from
			// the right, the budget lines' bars growing leftwards
			List<XSSFChart> charts = workbook.getSheetAt(1).getDrawingPatriarch().getCharts();
			assertThat(orientations(charts)).containsExactly("columns maxMin values minMax",
					"columns maxMin values minMax", "columns maxMin values maxMin");
		}
		try (XSSFWorkbook english = open(WorkbookWriterTests.write(dir, "english", "en", (writer) -> writer))) {
			// in English the columns run from the left; the budget lines' bars from the
			// top, growing rightwards
			assertThat(orientations(english.getSheetAt(1).getDrawingPatriarch().getCharts())).containsExactly(
					"columns minMax values minMax", "columns minMax values minMax", "columns maxMin values minMax");
		}
	}

	/** The orientation of each chart's category axis and value axis. */
	private static List<String> orientations(List<XSSFChart> charts) {
		return charts.stream()
			.map((chart) -> chart.getCTChart().getPlotArea())
			.map((plot) -> "columns " + plot.getCatAxArray(0).getScaling().getOrientation().getVal() + " values "
					+ plot.getValAxArray(0).getScaling().getOrientation().getVal())
			.toList();
	}

	private static String text(Row row) {
		List<String> cells = new ArrayList<>();
		row.forEach((cell) -> cells.add(cell.getStringCellValue()));
		return cells.toString();
	}

	private static String rgb(XmlObject properties) {
		if (properties instanceof CTShapeProperties shape) {
			return hex(shape.getSolidFill().getSrgbClr().getVal());
		}
		return hex(
				((org.openxmlformats.schemas.drawingml.x2006.main.CTSolidColorFillProperties) properties).getSrgbClr()
					.getVal());
	}

	private static String hex(byte[] rgb) {
		return String.format("%02X%02X%02X", rgb[0], rgb[1], rgb[2]);
	}

	private static XSSFWorkbook open(Path file) throws IOException {
		try (InputStream in = Files.newInputStream(file)) {
			return new XSSFWorkbook(in);
		}
	}

}
