package org.unccd.cst.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.unccd.cst.ReportFiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The workbook an officer prints and shares: every sheet landscape and one page wide, its
 * header row on every page, the page number at the foot in the workbook's language;
 * "overdue" as yes or no in the language; the clusters' codes with what they stand for.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WorkbookPrintTests {

	Path published;

	@BeforeAll
	void publish(@TempDir Path output) {
		CommandLineRun run = CommandLineRun.of("--input=input", "--output=" + output, "--as-of=2019-12-31",
				"--lang=en,fr");
		assertThat(run.exitCode()).as(run.err()).isEqualTo(3);
		this.published = output.resolve("CST14");
	}

	@Test
	void everySheetPrintsLandscapeOnePageWideWithItsPageNumber() throws IOException {
		try (Workbook workbook = ReportFiles.workbook(this.published.resolve("CST14.fr.xlsx"))) {
			assertThat(workbook.getNumberOfSheets()).isGreaterThan(5);
			for (Sheet sheet : workbook) {
				assertThat(sheet.getPrintSetup().getLandscape()).as(sheet.getSheetName()).isTrue();
				assertThat(sheet.getPrintSetup().getFitWidth()).as(sheet.getSheetName()).isEqualTo((short) 1);
				assertThat(sheet.getPrintSetup().getFitHeight()).as(sheet.getSheetName()).isZero();
				assertThat(sheet.getFitToPage()).as(sheet.getSheetName()).isTrue();
				assertThat(sheet.getFooter().getCenter()).as(sheet.getSheetName()).isEqualTo("Page &P sur &N");
			}
		}
	}

	@Test
	void theHeaderRowOfEveryListPrintsOnEveryPage() throws IOException {
		try (Workbook workbook = ReportFiles.workbook(this.published.resolve("CST14.en.xlsx"))) {
			for (String name : List.of("Outcomes", "Work items", "Expenditures", "Funding", "Rejects")) {
				Sheet sheet = workbook.getSheet(name);
				assertThat(sheet.getRepeatingRows()).as(name).isNotNull();
				int header = sheet.getRepeatingRows().getFirstRow();
				assertThat(sheet.getRepeatingRows().getLastRow()).as(name).isEqualTo(header);
				assertThat(sheet.getRow(header).getCell(0).getStringCellValue()).as(name).isNotBlank();
			}
		}
	}

	@Test
	void overdueReadsYesOrNoInTheLanguage() throws IOException {
		assertThat(column("CST14.en.xlsx", "Outcomes", "Overdue")).containsOnly("Yes", "No").contains("Yes", "No");
		assertThat(column("CST14.fr.xlsx", "Outcomes", "En retard")).containsOnly("Oui", "Non").contains("Oui");
	}

	@Test
	void theProposalsSheetSaysWhatEachClusterStandsFor() throws IOException {
		try (Workbook workbook = ReportFiles.workbook(this.published.resolve("CST14.en.xlsx"))) {
			Sheet proposals = workbook.getSheet("Proposals");
			assertThat(proposals.getRow(0).getCell(2).getStringCellValue()).isEqualTo("Cluster");
			List<String> legend = new ArrayList<>();
			for (int r = 1; r <= 7; r++) {
				Row row = proposals.getRow(r);
				legend.add(row.getCell(0).getStringCellValue() + " = " + row.getCell(2).getStringCellValue());
			}
			assertThat(legend).contains("b = Land-based interventions for drought management", "- = No cluster",
					"* = Handled as a coordination activity");
		}
	}

	private List<String> column(String file, String sheetName, String header) throws IOException {
		try (Workbook workbook = ReportFiles.workbook(this.published.resolve(file))) {
			Sheet sheet = workbook.getSheet(sheetName);
			Row head = sheet.getRow(0);
			int column = -1;
			for (int c = 0; c < head.getLastCellNum(); c++) {
				if (header.equals(head.getCell(c).getStringCellValue())) {
					column = c;
				}
			}
			assertThat(column).as(header + " in " + file).isNotNegative();
			List<String> values = new ArrayList<>();
			for (int r = 1; r <= sheet.getLastRowNum(); r++) {
				values.add(sheet.getRow(r).getCell(column).getStringCellValue());
			}
			return values;
		}
	}

}
