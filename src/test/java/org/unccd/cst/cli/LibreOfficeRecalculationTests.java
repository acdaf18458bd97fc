package org.unccd.cst.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.unccd.cst.ReportFiles;
import org.unccd.cst.TestInputs;
import org.unccd.cst.aggregate.BudgetRules;
import org.unccd.cst.model.Messages;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The workbooks of real runs, opened in LibreOffice with recalculation forced: every
 * formula gives the value the pipeline stored with it, the Budget sheet's formulas give
 * the figures of summary.json, and LibreOffice reads the charts. A copy with a wrong
 * stored value shows that LibreOffice really recalculates. Needs LibreOffice
 * ({@code soffice}; {@code .ci/run} installs it).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LibreOfficeRecalculationTests {

	/** Two values agree when they are the same to the cent. */
	private static final double CENT = 0.005;

	private static final String TAMPERED = "T1.tampered.xlsx";

	/** A formula cell of the tampered copy, and the wrong value stored with it. */
	private static final String TAMPERED_CELL = "Total budget";

	private static final double WRONG = 1.0;

	Path test;

	Path embedded;

	Path recalculated;

	@BeforeAll
	void runAndRecalculate(@TempDir Path dir) throws Exception {
		Path soffice = soffice();
		Path input = TestInputs.write(dir.resolve("in"));
		CommandLineRun run = CommandLineRun.of("--input=" + input, "--output=" + dir.resolve("out"),
				"--as-of=" + TestInputs.AS_OF, "--lang=en,zh");
		assertThat(run.exitCode()).as(run.err()).isEqualTo(3);
		CommandLineRun embeddedRun = CommandLineRun.of("--input=input", "--output=" + dir.resolve("embedded"),
				"--as-of=2019-06-30");
		assertThat(embeddedRun.exitCode()).as(embeddedRun.err()).isIn(0, 3);
		this.test = dir.resolve("out/T1");
		this.embedded = dir.resolve("embedded/CST14");
		Path tampered = tamper(this.test.resolve("T1.en.xlsx"), dir.resolve("tampered").resolve(TAMPERED));
		this.recalculated = dir.resolve("recalculated");
		convert(soffice, dir.resolve("profile"), this.recalculated, this.test.resolve("T1.en.xlsx"),
				this.test.resolve("T1.zh.xlsx"), this.embedded.resolve("CST14.en.xlsx"), tampered);
	}

	@Test
	void recalculationIsForced() throws Exception {
		try (XSSFWorkbook workbook = open(this.recalculated.resolve(TAMPERED))) {
			Cell total = labelled(workbook.getSheet("Budget"), TAMPERED_CELL).getCell(3);
			assertThat(total.getCellType()).isEqualTo(CellType.FORMULA);
			assertThat(total.getNumericCellValue()).as("the total LibreOffice computed over the wrong stored value")
				.isEqualTo(100000.0);
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "out/T1/T1.en.xlsx", "out/T1/T1.zh.xlsx", "embedded/CST14/CST14.en.xlsx" })
	void everyFormulaGivesTheValueStoredWithIt(String file) throws Exception {
		Path original = this.recalculated.getParent().resolve(file);
		List<String> differences = new ArrayList<>();
		int formulas = 0;
		try (XSSFWorkbook written = open(original);
				XSSFWorkbook recalculated = open(this.recalculated.resolve(original.getFileName()))) {
			for (Sheet sheet : written) {
				Sheet other = recalculated.getSheet(sheet.getSheetName());
				for (Row row : sheet) {
					for (Cell cell : row) {
						if (cell.getCellType() != CellType.FORMULA) {
							continue;
						}
						formulas++;
						Cell again = other.getRow(row.getRowNum()).getCell(cell.getColumnIndex());
						String where = sheet.getSheetName() + "!" + new CellReference(cell).formatAsString(false);
						if (again.getCellType() != CellType.FORMULA) {
							differences.add(where + " is no longer a formula");
						}
						else if (Math.abs(again.getNumericCellValue() - cell.getNumericCellValue()) >= CENT) {
							differences.add(where + " = " + cell.getCellFormula() + ": stored "
									+ cell.getNumericCellValue() + ", LibreOffice " + again.getNumericCellValue());
						}
					}
				}
			}
		}
		assertThat(formulas).as("formula cells in " + file).isGreaterThan(10);
		assertThat(differences).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "out/T1/T1.en.xlsx", "out/T1/T1.zh.xlsx", "embedded/CST14/CST14.en.xlsx" })
	void budgetFormulasGiveTheFiguresOfSummaryJson(String file) throws Exception {
		Path original = this.recalculated.getParent().resolve(file);
		Messages m = Messages.of(original.getFileName().toString().split("\\.")[1]);
		JsonNode budget = ReportFiles.json(original.resolveSibling("summary.json")).get("budget");
		try (XSSFWorkbook workbook = open(this.recalculated.resolve(original.getFileName()))) {
			Sheet sheet = workbook.getSheet("Budget");
			assertCents(sheet, m.get("budget.total"), budget.get("total"));
			assertCents(sheet, m.get("budget.secured"), budget.get("secured"));
			assertCents(sheet, m.get("budget.gap"), budget.get("gap"));
			assertCents(sheet, m.get("budget.gapAfterPledges"), budget.get("gapAfterPledges"));
			assertCents(sheet, m.get("budget.spentTotal"), budget.get("spent"));
			assertThat(value(labelled(sheet, m.get("budget.executionTotal")).getCell(3))).as("execution rate")
				.isEqualByComparingTo(BudgetRules.executionRate(budget.get("spent").decimalValue(),
						budget.get("total").decimalValue()));
			for (JsonNode line : budget.get("lines")) {
				assertThat(value(labelled(sheet, line.get("code").asString()).getCell(5)))
					.as("execution rate of " + line.get("code").asString())
					.isEqualByComparingTo(line.get("executionRate").decimalValue());
			}
			for (Map.Entry<String, JsonNode> source : budget.get("bySource").properties()) {
				// the source as the workbook's language names it
				Row row = labelled(sheet, m.fundingSource(source.getKey()));
				assertThat(value(row.getCell(3))).as("amount of " + source.getKey())
					.isEqualByComparingTo(source.getValue().get("amount").decimalValue());
				assertThat(value(row.getCell(5))).as("spent from " + source.getKey())
					.isEqualByComparingTo(source.getValue().get("spent").decimalValue());
			}
		}
	}

	@Test
	void libreOfficeReadsTheChartsWithTheirCellRanges() throws Exception {
		List<String> written;
		try (XSSFWorkbook workbook = open(this.test.resolve("T1.en.xlsx"))) {
			written = ranges(workbook);
		}
		assertThat(written).contains("Outcomes!$E$2:$E$4", "Budget!$D$2:$D$3", "Budget!$E$2:$E$3");
		try (XSSFWorkbook workbook = open(this.recalculated.resolve("T1.en.xlsx"))) {
			assertThat(ranges(workbook)).isEqualTo(written);
		}
	}

	/** The category and value ranges of every series of the Charts sheet's charts. */
	private static List<String> ranges(XSSFWorkbook workbook) {
		List<String> ranges = new ArrayList<>();
		for (XSSFChart chart : workbook.getSheet("Charts").getDrawingPatriarch().getCharts()) {
			for (XDDFChartData data : chart.getChartSeries()) {
				for (int i = 0; i < data.getSeriesCount(); i++) {
					XDDFChartData.Series series = data.getSeries(i);
					ranges.add(series.getCategoryData().getDataRangeReference());
					ranges.add(series.getValuesData().getDataRangeReference());
				}
			}
		}
		return ranges;
	}

	private static void assertCents(Sheet sheet, String label, JsonNode expected) {
		assertThat(value(labelled(sheet, label).getCell(3))).as(label).isEqualByComparingTo(expected.decimalValue());
	}

	/** A cell's value to the cent (percentages have one decimal). */
	private static BigDecimal value(Cell cell) {
		assertThat(cell.getCellType()).as(cell.getAddress().formatAsString()).isEqualTo(CellType.FORMULA);
		return BigDecimal.valueOf(cell.getNumericCellValue()).setScale(2, java.math.RoundingMode.HALF_EVEN);
	}

	/** The row whose first cell holds {@code label}. */
	private static Row labelled(Sheet sheet, String label) {
		for (Row row : sheet) {
			Cell first = row.getCell(0);
			if (first != null && first.getCellType() == CellType.STRING && label.equals(first.getStringCellValue())) {
				return row;
			}
		}
		throw new AssertionError("no row labelled " + label + " on " + sheet.getSheetName());
	}

	/** A copy whose total budget has a wrong stored value, the formula kept. */
	private static Path tamper(Path workbook, Path copy) throws IOException {
		Files.createDirectories(copy.getParent());
		try (XSSFWorkbook tampered = open(workbook); OutputStream out = Files.newOutputStream(copy)) {
			Cell total = labelled(tampered.getSheet("Budget"), TAMPERED_CELL).getCell(3);
			total.setCellValue(WRONG);
			tampered.write(out);
		}
		try (XSSFWorkbook check = open(copy)) {
			Cell total = labelled(check.getSheet("Budget"), TAMPERED_CELL).getCell(3);
			assertThat(total.getCellFormula()).startsWith("SUM(");
			assertThat(total.getNumericCellValue()).isEqualTo(WRONG);
		}
		return copy;
	}

	private static XSSFWorkbook open(Path file) throws IOException {
		try (InputStream in = Files.newInputStream(file)) {
			return new XSSFWorkbook(in);
		}
	}

	/**
	 * Converts the files to xlsx in {@code outDir} in one LibreOffice run, with a
	 * throwaway user profile that makes LibreOffice recalculate every formula of an xlsx
	 * file it loads, whatever value is stored.
	 */
	private static void convert(Path soffice, Path profile, Path outDir, Path... files) throws Exception {
		Files.createDirectories(profile.resolve("user"));
		Files.writeString(profile.resolve("user/registrymodifications.xcu"), """
				<?xml version="1.0" encoding="UTF-8"?>
				<oor:items xmlns:oor="http://openoffice.org/2001/registry" \
				xmlns:xs="http://www.w3.org/2001/XMLSchema" \
				xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
				<item oor:path="/org.openoffice.Office.Calc/Formula/Load">\
				<prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
				</oor:items>
				""", StandardCharsets.UTF_8);
		List<String> command = new ArrayList<>(List.of(soffice.toString(), "-env:UserInstallation=" + profile.toUri(),
				"--headless", "--norestore", "--convert-to", "xlsx", "--outdir", outDir.toString()));
		Stream.of(files).map(Path::toString).forEach(command::add);
		Path log = profile.resolveSibling("soffice.log");
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		if (!process.waitFor(120, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			fail("LibreOffice did not finish converting within 120 s: " + Files.readString(log));
		}
		assertThat(process.exitValue()).as(Files.readString(log)).isEqualTo(0);
		for (Path file : files) {
			assertThat(outDir.resolve(file.getFileName()))
				.as("LibreOffice's copy of %s; its output: %s", file.getFileName(), Files.readString(log))
				.exists();
		}
	}

	/**
	 * LibreOffice's {@code soffice}: {@code $SOFFICE}, on the path, or where Debian and
	 * the LibreOffice packages put it.
	 */
	private static Path soffice() {
		List<Path> candidates = new ArrayList<>();
		String explicit = System.getenv("SOFFICE");
		if (explicit != null && !explicit.isBlank()) {
			candidates.add(Path.of(explicit));
		}
		String path = System.getenv("PATH");
		if (path != null) {
			for (String dir : path.split(java.io.File.pathSeparator)) {
				if (!dir.isEmpty()) {
					candidates.add(Path.of(dir, "soffice"));
				}
			}
		}
		candidates.add(Path.of("/usr/lib/libreoffice/program/soffice"));
		candidates.add(Path.of("/opt/libreoffice/program/soffice"));
		candidates.add(Path.of("/Applications/LibreOffice.app/Contents/MacOS/soffice"));
		return candidates.stream()
			.filter(Files::isExecutable)
			.findFirst()
			.orElseGet(() -> fail("LibreOffice is needed to check the workbooks' formulas, and soffice was not found "
					+ "(looked at $SOFFICE, on the PATH and in the usual places). On Debian: apt-get install "
					+ "libreoffice-calc-nogui (.ci/run does it)."));
	}

}
