package org.unccd.cst.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unccd.cst.ReportFiles;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded default input, {@code input/}, gives the seed document's own figures: the
 * budget of its Table 3 when no later funding counts, and the 30 submissions of its
 * annex.
 */
class EmbeddedInputTests {

	@Test
	void atAdoptionTheBudgetIsTheSeedsTableThree(@TempDir Path output) {
		CommandLineRun run = CommandLineRun.of("--input=input", "--output=" + output, "--as-of=2018-01-01");
		assertThat(run.exitCode()).as(run.err()).isEqualTo(3);
		JsonNode budget = ReportFiles.json(output.resolve("CST14/summary.json")).get("budget");
		assertThat(budget.get("total").decimalValue()).isEqualByComparingTo("515000");
		assertThat(budget.get("secured").decimalValue()).isEqualByComparingTo("310000");
		assertThat(budget.get("gap").decimalValue()).isEqualByComparingTo("205000");
		assertThat(budget.get("bySource").get("core").get("secured").decimalValue()).isEqualByComparingTo("115000");
		assertThat(budget.get("bySource").get("extrabudgetary").get("amount").decimalValue())
			.isEqualByComparingTo("400000");
	}

	@Test
	void theAnnexHasThirtySubmissionsAndThirtyNineTopics(@TempDir Path output) throws Exception {
		CommandLineRun run = CommandLineRun.of("--input=input", "--output=" + output);
		assertThat(run.exitCode()).as(run.err()).isEqualTo(3);
		JsonNode summary = ReportFiles.json(output.resolve("CST14/summary.json"));
		JsonNode proposals = summary.get("proposals");
		assertThat(proposals.get("submissions").asLong()).isEqualTo(30);
		assertThat(proposals.get("topics").asLong()).isEqualTo(39);
		JsonNode clusters = proposals.get("byCluster");
		assertThat(List.of(clusters.get("a.i").asLong(), clusters.get("a.ii").asLong(), clusters.get("a.iii").asLong(),
				clusters.get("b").asLong(), clusters.get("c").asLong(), clusters.get("*").asLong(),
				clusters.get("-").asLong()))
			.isEqualTo(List.of(7L, 19L, 4L, 3L, 3L, 1L, 2L));
		assertThat(summary.get("inputs").get("rejected").asLong()).isEqualTo(5);
		try (var files = Files.list(output.resolve("CST14"))) {
			assertThat(files.map((f) -> f.getFileName().toString()).sorted().toList())
				.isEqualTo(List.of("CST14.en.xlsx", "coordination.en.pdf", "manifest.json", "obj-1.1.en.pdf",
						"obj-1.2.en.pdf", "obj-2.en.pdf", "rejects.csv", "summary.json"));
		}
		assertThat(ReportFiles.pdfText(output.resolve("CST14/obj-1.1.en.pdf")).replaceAll("\\s+", " "))
			.contains("ICCD/COP(14)/CST/2", "Synthesis report on objective 1.1", "paragraph 18 of ICCD/COP(13)/CST/7");
	}

}
