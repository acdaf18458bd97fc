package org.unccd.cst.report.xlsx;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.AreaReference;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSource;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openxmlformats.schemas.drawingml.x2006.chart.CTBarChart;
import org.openxmlformats.schemas.drawingml.x2006.chart.CTBarSer;
import org.unccd.cst.ReportFiles;
import org.unccd.cst.TestInputs;
import org.unccd.cst.run.Summary;
import org.unccd.cst.aggregate.SummaryCalculator;
import org.unccd.cst.ingest.ProposalsLoader;
import org.unccd.cst.ingest.IngestedRow;
import org.unccd.cst.ingest.IngestedRows;
import org.unccd.cst.ingest.LedgerFiles;
import org.unccd.cst.ingest.StagingItemWriter;
import org.unccd.cst.ingest.StagingSchema;
import org.unccd.cst.model.Messages;
import org.unccd.cst.model.Programme;
import org.unccd.cst.programme.ProgrammeLoader;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A ledger longer than a sheet allows goes on in {@code Expenditures (2)}, and so on,
 * each sheet with its own header, no row lost or repeated; the charts refer to the cells
 * of the data sheets; a right-to-left language gets right-to-left sheets.
 */
class WorkbookWriterTests {

	/** A ledger description that takes three lines in its column, 40 digits wide. */
	static final String LONG_DESCRIPTION = "Consultancy for the technical guidance note on transformative "
			+ "land degradation neutrality initiatives (instalment 1)";

	@Test
	void listsContinueOnTheNextSheet(@TempDir Path dir) throws Exception {
		Path file = write(dir, "ledger", (writer) -> writer.maxDataRows(2));

		try (Workbook workbook = ReportFiles.workbook(file)) {
			assertThat(references(workbook.getSheet("Expenditures"))).isEqualTo("R-1 R-2");
			assertThat(references(workbook.getSheet("Expenditures (2)"))).isEqualTo("R-3 R-4");
			assertThat(references(workbook.getSheet("Expenditures (3)"))).isEqualTo("R-5");
			assertThat(workbook.getSheet("Expenditures (2)").getRow(0).getCell(7).getStringCellValue())
				.isEqualTo("Reference");
			assertThat(workbook.getSheet("Rejects").getLastRowNum()).isEqualTo(2);
			assertThat(workbook.getSheet("Rejects (2)").getRow(1).getCell(1).getNumericCellValue()).isEqualTo(13.0);
			assertThat(workbook.getSheet("Funding (2)")).isNull();
		}
	}

	@Test
	void chartsSheetDrawsTheOutcomesAndTheBudgetFromTheirCells(@TempDir Path dir) throws Exception {
		Path file = write(dir, "charts", (writer) -> writer);

		try (XSSFWorkbook workbook = open(file)) {
			assertThat(workbook.getSheetName(1)).isEqualTo("Charts");
			List<XSSFChart> charts = workbook.getSheet("Charts").getDrawingPatriarch().getCharts();
			assertThat(charts).extracting((chart) -> chart.getTitleText().getString())
				.containsExactly("Per cent complete of each expected outcome, as at 30 April 2021", "Total budget",
						"Budget line");
			assertThat(workbook.getSheet("Charts").getRow(21).getCell(0).getStringCellValue())
				.isEqualTo("Budget: secured and gap, and expenditure by budget line (EUR)");
			assertThat(series(workbook, charts.get(0))).containsExactly(
					"Per cent complete: Outcomes!$A$2:$A$4 = [A.1-x, A.1-y, B-x], Outcomes!$E$2:$E$4 = [0.0, 0.0, 0.0]",
					"planned: Outcomes!$A$2:$A$4 = [A.1-x, A.1-y, B-x], Charts!$A$1:$A$3 = [null, null, null]");
			assertThat(series(workbook, charts.get(1))).containsExactly(
					"Secured: Budget!$A$5 = [Total budget], Budget!$D$8 = [50000.0]",
					"Gap: Budget!$A$5 = [Total budget], Budget!$D$10 = [50000.0]");
			assertThat(series(workbook, charts.get(2))).containsExactly(
					"Amount (EUR): Budget!$B$2:$B$3 = [Work, Meetings], Budget!$D$2:$D$3 = [80000.0, 20000.0]",
					"Spent: Budget!$B$2:$B$3 = [Work, Meetings], Budget!$E$2:$E$3 = [150.0, 0.0]");
			for (XSSFChart chart : charts) {
				CTBarChart bars = chart.getCTChart().getPlotArea().getBarChartArray(0);
				for (CTBarSer series : bars.getSerList()) {
					// LibreOffice leaves a series without a fill of its own blank
					assertThat(series.getSpPr().isSetSolidFill()).as(series.getTx().getV()).isTrue();
					assertThat(series.getSpPr().getLn().isSetSolidFill()).as(series.getTx().getV()).isTrue();
				}
			}
			for (Sheet sheet : workbook) {
				assertThat(sheet.isRightToLeft()).as(sheet.getSheetName()).isFalse();
			}
		}
	}

	@Test
	void rightToLeftLanguagesHaveRightToLeftSheets(@TempDir Path dir) throws Exception {
		Path file = write(dir, "rtl", (writer) -> writer.rightToLeft(true));

		try (XSSFWorkbook workbook = open(file)) {
			assertThat(workbook.getNumberOfSheets()).isGreaterThan(8);
			for (Sheet sheet : workbook) {
				assertThat(sheet.isRightToLeft()).as(sheet.getSheetName()).isTrue();
			}
		}
	}

	/**
	 * Writes the English workbook of the test programme over five expenditures and three
	 * rejects.
	 */
	private static Path write(Path dir, String database, UnaryOperator<WorkbookWriter> setUp) throws Exception {
		return write(dir, database, "en", setUp);
	}

	/**
	 * Writes the workbook of the test programme in {@code lang} over five expenditures
	 * (the last with a description too long for one line) and three rejects, with the
	 * test input's proposals.
	 */
	static Path write(Path dir, String database, String lang, UnaryOperator<WorkbookWriter> setUp) throws Exception {
		JdbcDataSource dataSource = new JdbcDataSource();
		dataSource.setURL("jdbc:h2:mem:" + database + ";DB_CLOSE_DELAY=-1");
		JdbcTemplate jdbc = new JdbcTemplate(dataSource);
		StagingSchema.statements().forEach(jdbc::execute);
		Path input = TestInputs.write(dir.resolve("in"));
		new ProposalsLoader(jdbc).load(input);
		jdbc.update("INSERT INTO source_file (id, label, tbl) VALUES (0, 'progress/expenditures.csv', 'expenditures')");
		LedgerFiles ledger = new LedgerFiles(jdbc, dir.resolve("ledger"));
		IngestedRows rows = new IngestedRows(0);
		List<IngestedRow> expenditures = new ArrayList<>();
		for (int i = 1; i <= 5; i++) {
			expenditures.add(rows.expenditure("R-" + i, "L1", null, LocalDate.of(2021, 1, i).toString(),
					String.valueOf(i * 10), (i == 5) ? LONG_DESCRIPTION : null));
		}
		StagingItemWriter writer = new StagingItemWriter(jdbc, ledger, input, LocalDate.parse(TestInputs.AS_OF));
		writer.open(new ExecutionContext());
		writer.write(new Chunk<>(expenditures));
		writer.close();
		for (int i = 1; i <= 3; i++) {
			jdbc.update(
					"INSERT INTO reject (seq, source_id, line, col, val, reason) VALUES (?, 0, ?, 'date', 'x', 'bad')",
					100 + i, 10 + i);
		}
		Programme programme = ProgrammeLoader.load(input);
		Summary summary = new SummaryCalculator(jdbc, programme, LocalDate.parse(TestInputs.AS_OF)).calculate();
		Path file = dir.resolve("T1." + lang + ".xlsx");
		setUp.apply(new WorkbookWriter(jdbc, ledger, programme, summary, Messages.of(lang))).write(file);
		return file;
	}

	/**
	 * Each series of a chart: its name, then each range it refers to with the values of
	 * those cells in the workbook.
	 */
	private static List<String> series(XSSFWorkbook workbook, XSSFChart chart) {
		List<String> series = new ArrayList<>();
		XDDFChartData data = chart.getChartSeries().get(0);
		CTBarChart bars = chart.getCTChart().getPlotArea().getBarChartArray(0);
		for (int i = 0; i < data.getSeriesCount(); i++) {
			XDDFChartData.Series one = data.getSeries(i);
			series.add(bars.getSerArray(i).getTx().getV() + ": " + cells(workbook, one.getCategoryData()) + ", "
					+ cells(workbook, one.getValuesData()));
		}
		return series;
	}

	/** The range a data source refers to and its cells' values, which it also caches. */
	private static String cells(XSSFWorkbook workbook, XDDFDataSource<?> source) {
		AreaReference area = new AreaReference(source.getDataRangeReference(), SpreadsheetVersion.EXCEL2007);
		Sheet sheet = workbook.getSheet(area.getFirstCell().getSheetName());
		List<Object> values = new ArrayList<>();
		for (CellReference reference : area.getAllReferencedCells()) {
			Row row = sheet.getRow(reference.getRow());
			Cell cell = (row != null) ? row.getCell(reference.getCol()) : null;
			if (cell == null) {
				// an empty cell (the outcome chart's status keys)
				values.add(null);
				continue;
			}
			values
				.add((cell.getCellType() == CellType.STRING) ? cell.getStringCellValue() : cell.getNumericCellValue());
		}
		List<Object> cached = new ArrayList<>();
		for (int i = 0; i < source.getPointCount(); i++) {
			// an empty cell has no point in the cache
			cached.add((values.get(i) == null) ? null : source.getPointAt(i));
		}
		assertThat(cached).as("the values cached for " + source.getDataRangeReference()).isEqualTo(values);
		return source.getDataRangeReference() + " = " + values;
	}

	private static XSSFWorkbook open(Path file) throws IOException {
		try (InputStream in = Files.newInputStream(file)) {
			return new XSSFWorkbook(in);
		}
	}

	private static String references(Sheet sheet) {
		StringBuilder references = new StringBuilder();
		for (int r = 1; r <= sheet.getLastRowNum(); r++) {
			references.append((r > 1) ? " " : "").append(sheet.getRow(r).getCell(7).getStringCellValue());
		}
		return references.toString();
	}

}
