package org.unccd.cst.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.unccd.cst.ReportFiles;
import org.unccd.cst.TestInputs;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole pipeline run as a user runs it, on a small input whose figures are worked out
 * by hand: summary.json, rejects.csv, the workbooks read back with POI and the reports'
 * text read back from the PDFs.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EndToEndTests {

	Path input;

	Path output;

	CommandLineRun run;

	@BeforeAll
	void runOnce(@TempDir Path dir) throws Exception {
		this.input = TestInputs.write(dir.resolve("in"));
		this.output = dir.resolve("out");
		this.run = CommandLineRun.of("--input=" + this.input, "--output=" + this.output, "--as-of=" + TestInputs.AS_OF,
				"--lang=en,zh");
	}

	Path published(String file) {
		return this.output.resolve("T1").resolve(file);
	}

	@Test
	void exitsThreeWhenRowsWereRejected() {
		assertThat(this.run.exitCode()).as(this.run.err()).isEqualTo(3);
		assertThat(this.run.out()).contains("14 rows accepted, 4 rejected");
	}

	@Test
	void publishesEveryContractFile() throws Exception {
		try (var files = Files.list(this.output.resolve("T1"))) {
			assertThat(files.map((f) -> f.getFileName().toString()).sorted().toList())
				.isEqualTo(List.of("T1.en.xlsx", "T1.zh.xlsx", "alpha.en.pdf", "alpha.zh.pdf", "beta.en.pdf",
						"beta.zh.pdf", "manifest.json", "rejects.csv", "summary.json"));
		}
	}

	@Test
	void summaryHoldsTheOutcomeFigures() {
		JsonNode outcomes = ReportFiles.json(published("summary.json")).get("outcomes");
		assertThat(outcomes.get(0).get("code").asString()).isEqualTo("A.1-x");
		assertThat(outcomes.get(0).get("status").asString()).isEqualTo("delayed");
		assertThat(outcomes.get(0).get("percent").decimalValue()).isEqualByComparingTo("40.0");
		assertThat(outcomes.get(0).get("overdue").asBoolean()).isTrue();
		assertThat(outcomes.get(0).get("lastUpdate").asString()).isEqualTo("2021-02-20");
		assertThat(outcomes.get(1).get("percent").decimalValue()).isEqualByComparingTo("100.0");
		assertThat(outcomes.get(2).get("status").asString()).isEqualTo("planned");
		assertThat(outcomes.get(2).get("lastUpdate").isNull()).isTrue();
	}

	@Test
	void summaryHoldsTheWorkItemFigures() {
		JsonNode items = ReportFiles.json(published("summary.json")).get("workItems");
		assertThat(items.get(0).get("code").asString()).isEqualTo("A");
		assertThat(items.get(0).get("percent").decimalValue()).isEqualByComparingTo("55.0");
		assertThat(items.get(0).get("status").asString()).isEqualTo("delayed");
		assertThat(items.get(0).get("spent").decimalValue()).isEqualByComparingTo("2084.56");
		assertThat(items.get(1).get("code").asString()).isEqualTo("A.1");
		assertThat(items.get(1).get("spent").decimalValue()).isEqualByComparingTo("2084.56");
		assertThat(items.get(2).get("code").asString()).isEqualTo("B");
		assertThat(items.get(2).get("status").asString()).isEqualTo("planned");
		assertThat(items.get(2).get("spent").decimalValue()).isEqualByComparingTo("0");
	}

	@Test
	void summaryHoldsTheBudgetFigures() {
		JsonNode budget = ReportFiles.json(published("summary.json")).get("budget");
		assertThat(budget.get("total").decimalValue()).isEqualByComparingTo("100000");
		assertThat(budget.get("secured").decimalValue()).isEqualByComparingTo("60000");
		assertThat(budget.get("pledged").decimalValue()).isEqualByComparingTo("5000");
		assertThat(budget.get("gap").decimalValue()).isEqualByComparingTo("40000");
		assertThat(budget.get("gapAfterPledges").decimalValue()).isEqualByComparingTo("35000");
		assertThat(budget.get("spent").decimalValue()).isEqualByComparingTo("7084.56");
		assertThat(budget.get("lines").get(0).get("spent").decimalValue()).isEqualByComparingTo("2084.56");
		assertThat(budget.get("lines").get(0).get("executionRate").decimalValue()).isEqualByComparingTo("2.6");
		assertThat(budget.get("lines").get(1).get("executionRate").decimalValue()).isEqualByComparingTo("25.0");
		assertThat(budget.get("bySource").get("extrabudgetary").get("secured").decimalValue())
			.isEqualByComparingTo("40000");
		assertThat(budget.get("bySource").get("core").get("spent").decimalValue()).isEqualByComparingTo("5000");
	}

	@Test
	void summaryCountsProposalsAndInputs() {
		JsonNode summary = ReportFiles.json(published("summary.json"));
		assertThat(summary.get("proposals").get("submissions").asLong()).isEqualTo(2);
		assertThat(summary.get("proposals").get("topics").asLong()).isEqualTo(3);
		assertThat(summary.get("proposals").get("byCluster").get("a.i").asLong()).isEqualTo(1);
		assertThat(summary.get("proposals").get("byCluster").get("b").asLong()).isEqualTo(1);
		JsonNode inputs = summary.get("inputs");
		assertThat(inputs.get("read").asLong()).isEqualTo(18);
		assertThat(inputs.get("accepted").asLong()).isEqualTo(14);
		assertThat(inputs.get("rejected").asLong()).isEqualTo(4);
		assertThat(inputs.get("afterAsOf").asLong()).isEqualTo(2);
		assertThat(inputs.get("files").get(2).get("file").asString()).isEqualTo("progress/more.xlsx!findings");
		assertThat(inputs.get("files").get(2).get("accepted").asLong()).isEqualTo(1);
		long read = 0;
		for (JsonNode file : inputs.get("files")) {
			assertThat(file.get("read").asLong())
				.isEqualTo(file.get("accepted").asLong() + file.get("rejected").asLong());
			read += file.get("read").asLong();
		}
		assertThat(read).isEqualTo(18);
	}

	@Test
	void summaryListsInputAndRuleRecommendations() {
		JsonNode recommendations = ReportFiles.json(published("summary.json")).get("recommendations");
		assertThat(recommendations.get(0).get("text").asString()).isEqualTo("Use the deliverable in national plans");
		assertThat(recommendations.get(0).get("origin").asString()).isEqualTo("input");
		assertThat(recommendations.get(1).get("rule").asString()).isEqualTo("budget-gap");
		assertThat(recommendations.get(1).get("text").asString()).contains("EUR 40,000.00")
			.contains("supplementary resources");
		assertThat(recommendations.get(2).get("rule").asString()).isEqualTo("outcome-overdue");
		assertThat(recommendations.get(4).get("rule").asString()).isEqualTo("outcome-unreported");
		assertThat(recommendations.get(4).get("report").asString()).isEqualTo("beta");
	}

	@Test
	void rejectsCsvListsEachRejectedRowWithItsReason() throws Exception {
		assertThat(Files.readAllLines(published("rejects.csv"))).isEqualTo(List.of("file,line,column,value,reason",
				"progress/expenditures.csv,5,currency,GBP,no GBP rate on or before 2021-03-02",
				"progress/expenditures.csv,6,reference,X-1,\"duplicate reference \"\"X-1\"\" (first at progress/expenditures.csv:2)\"",
				"progress/progress.csv,6,date,2021-13-01,\"date \"\"2021-13-01\"\" is not a real date\"",
				"progress/recommendations.csv,3,report,gamma,\"unknown report \"\"gamma\"\" (the programme has alpha, beta)\""));
	}

	@Test
	void workbookBudgetHasLiveFormulasWithCachedValues() throws Exception {
		try (Workbook workbook = ReportFiles.workbook(published("T1.en.xlsx"))) {
			assertThat(workbook.getSheetName(0)).isEqualTo("Summary");
			Sheet budget = workbook.getSheet("Budget");
			Cell rate = budget.getRow(1).getCell(5);
			assertThat(rate.getCellType()).isEqualTo(CellType.FORMULA);
			assertThat(rate.getCellFormula()).isEqualTo("IF(D2=0,0,ROUND(E2/D2*100,1))");
			assertThat(rate.getNumericCellValue()).isEqualTo(2.6);
			Cell gap = cellLabelled(budget, "Budget gap");
			assertThat(gap.getCellFormula()).startsWith("MAX(0,");
			assertThat(gap.getNumericCellValue()).isEqualTo(40000.0);
			assertThat(budget.getPaneInformation().isFreezePane()).isTrue();
		}
	}

	@Test
	void workbookLedgerHasEveryAcceptedExpenditure() throws Exception {
		try (Workbook workbook = ReportFiles.workbook(published("T1.en.xlsx"))) {
			Sheet ledger = workbook.getSheet("Expenditures");
			assertThat(ledger.getLastRowNum()).isEqualTo(3);
			assertThat(ledger.getRow(1).getCell(3).getNumericCellValue()).isEqualTo(1234.565);
			assertThat(ledger.getRow(1).getCell(6).getNumericCellValue()).isEqualTo(1234.56);
			assertThat(ledger.getRow(2).getCell(4).getStringCellValue()).isEqualTo("USD");
			assertThat(ledger.getRow(2).getCell(5).getNumericCellValue()).isEqualTo(0.85);
			assertThat(ledger.getRow(2).getCell(6).getNumericCellValue()).isEqualTo(850.0);
			Cell formulaLike = ledger.getRow(3).getCell(8);
			assertThat(formulaLike.getCellType()).isEqualTo(CellType.STRING);
			assertThat(formulaLike.getStringCellValue()).isEqualTo("=Meeting room");
			assertThat(formulaLike.getCellStyle().getQuotePrefixed()).isTrue();
			assertThat(workbook.getSheet("Rejects").getLastRowNum()).isEqualTo(4);
		}
	}

	@Test
	void chineseWorkbookHasChineseLabels() throws Exception {
		try (Workbook workbook = ReportFiles.workbook(published("T1.zh.xlsx"))) {
			assertThat(workbook.getSheet("Outcomes").getRow(0).getCell(2).getStringCellValue()).isEqualTo("预期成果");
			assertThat(workbook.getSheet("Outcomes").getRow(1).getCell(8).getStringCellValue()).isEqualTo("等待数据");
		}
	}

	@Test
	void reportReadsLikeAUnDocument() throws Exception {
		String text = ReportFiles.pdfText(published("alpha.en.pdf"));
		assertThat(text).contains("United Nations", "TEST/ALPHA", "Distr.: General", "30 April 2021",
				"Original: English", "Report on alpha", "Test session");
		assertThat(text).contains("Progress against the expected outcomes", "Resources and budget", "Key findings",
				"Conclusions and policy-oriented recommendations", "Page 2");
		// a UN cover carries no page number
		assertThat(text).doesNotContain("Page 1");
		assertThat(text).contains("Evidence on soil carbon is strong");
		// the addressee is named in full, as everywhere in the report
		assertThat(text).contains("Use the deliverable in national plans. (Addressed to: Conference of the Parties)");
		assertThat(text).containsPattern("EUR\\s+40,000.00");
		assertThat(text).contains("A.1-x");
		assertThat(text).doesNotContain("B-x");
	}

	@Test
	void chineseReportHasChineseTextAndEmbeddedFonts() throws Exception {
		String text = ReportFiles.pdfText(published("alpha.zh.pdf"));
		assertThat(text).contains("阿尔法报告", "联合国", "2021年4月30日", "等待数据", "在国家计划中使用该成果");
		assertThat(ReportFiles.fontsNotEmbedded(published("alpha.zh.pdf"))).isEqualTo(List.of());
		assertThat(ReportFiles.fontsNotEmbedded(published("beta.en.pdf"))).isEqualTo(List.of());
	}

	@Test
	void manifestListsInputsAndOutputsWithDigests() {
		JsonNode manifest = ReportFiles.json(published("manifest.json"));
		assertThat(manifest.get("inputs").get(0).get("file").asString()).isEqualTo("programme.yaml");
		assertThat(manifest.get("inputs").get(0).get("sha256").asString()).hasSize(64);
		assertThat(manifest.get("outputs").size()).isEqualTo(8);
		assertThat(manifest.get("parameters").get("asOf").asString()).isEqualTo(TestInputs.AS_OF);
	}

	@Nested
	@TestInstance(TestInstance.Lifecycle.PER_CLASS)
	class Rerun {

		@Test
		void unchangedRerunSaysTheOutputsAreCurrent() throws Exception {
			long before = Files.getLastModifiedTime(published("summary.json")).toMillis();
			CommandLineRun again = CommandLineRun.of("--input=" + EndToEndTests.this.input,
					"--output=" + EndToEndTests.this.output, "--as-of=" + TestInputs.AS_OF, "--lang=en,zh");
			assertThat(again.exitCode()).isEqualTo(0);
			assertThat(again.out()).contains("are current");
			assertThat(Files.getLastModifiedTime(published("summary.json")).toMillis()).isEqualTo(before);
		}

		@Test
		void forcedRerunGivesTheSameBytes() throws Exception {
			byte[] pdf = Files.readAllBytes(published("alpha.zh.pdf"));
			byte[] workbook = Files.readAllBytes(published("T1.en.xlsx"));
			CommandLineRun again = CommandLineRun.of("--input=" + EndToEndTests.this.input,
					"--output=" + EndToEndTests.this.output, "--as-of=" + TestInputs.AS_OF, "--lang=en,zh", "--force");
			assertThat(again.exitCode()).isEqualTo(3);
			assertThat(Files.readAllBytes(published("alpha.zh.pdf"))).isEqualTo(pdf);
			assertThat(Files.readAllBytes(published("T1.en.xlsx"))).isEqualTo(workbook);
		}

	}

	private static Cell cellLabelled(Sheet sheet, String label) {
		for (var row : sheet) {
			Cell first = row.getCell(0);
			if (first != null && first.getCellType() == CellType.STRING && label.equals(first.getStringCellValue())) {
				return row.getCell(3);
			}
		}
		throw new AssertionError("no row labelled " + label);
	}

}
