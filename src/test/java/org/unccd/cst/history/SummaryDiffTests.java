package org.unccd.cst.history;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unccd.cst.publish.SummaryArchive;
import org.unccd.cst.run.JsonFiles;
import org.unccd.cst.run.Summary;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What {@code --diff} says, from summaries and rejects written here: the figures that
 * moved, the rejects read back from CSV, and the report over a real output folder.
 */
class SummaryDiffTests {

	@TempDir
	Path output;

	static Summary summary(String asOf, String gap, String status, String percent, boolean overdue, long rejected,
			List<Summary.Recommendation> recommendations) {
		Summary.Budget budget = new Summary.Budget(new BigDecimal("515000.00"), new BigDecimal("310000.00"),
				BigDecimal.ZERO, new BigDecimal(gap), new BigDecimal(gap), BigDecimal.ZERO,
				List.of(new Summary.LineStatus("B1", "core", new BigDecimal("1000.00"), BigDecimal.ZERO,
						BigDecimal.ZERO)),
				Map.of());
		return new Summary("S1", LocalDate.parse(asOf), "EUR",
				List.of(new Summary.OutcomeStatus("O1-a", "O1", status, new BigDecimal(percent),
						LocalDate.of(2019, 6, 30), overdue, LocalDate.of(2019, 5, 2))),
				List.of(new Summary.WorkItemStatus("O1", status, new BigDecimal(percent), BigDecimal.ZERO)), budget,
				new Summary.Proposals(30, 39, Map.of(), 0), recommendations,
				new Summary.Inputs(10 + rejected, 10, rejected, 0, List.of()));
	}

	@Test
	void figuresThatMovedAreListedWithTheirChange() {
		Summary before = summary("2019-06-30", "205000.00", "in_progress", "50.0", false, 1, List.of());
		Summary after = summary("2019-07-31", "200000.00", "delayed", "50.0", true, 3, List.of());
		List<String> figures = FigureChanges.between(before, after)
			.stream()
			.map((figure) -> figure.label() + ": " + figure.change())
			.toList();
		assertThat(figures).containsExactly("budget gap: 205,000.00 -> 200,000.00  (-5,000.00)",
				"budget gap after pledges: 205,000.00 -> 200,000.00  (-5,000.00)",
				"outcome O1-a: in_progress 50.0 % -> delayed 50.0 % (now overdue)",
				"work item O1: in_progress 50.0 % -> delayed 50.0 %", "inputs read: 11 -> 13  (+2)",
				"inputs rejected: 1 -> 3  (+2)");
		assertThat(FigureChanges.between(after, after)).isEmpty();
	}

	@Test
	void rejectsAreReadBackFromQuotedCsv() throws IOException {
		String csv = "file,line,column,value,reason\r\n"
				+ "progress/a.csv,4,amount,\"1,000\",\"not a number: \"\"1,000\"\"\"\r\n"
				+ "progress/a.csv,7,summary,\"two\nlines\",too long\n" + "proposals.csv,2\n";
		List<RejectsFile.Reject> rejects = RejectsFile
			.read(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
		assertThat(rejects).hasSize(3);
		assertThat(rejects.get(0))
			.isEqualTo(new RejectsFile.Reject("progress/a.csv", "4", "amount", "1,000", "not a number: \"1,000\""));
		assertThat(rejects.get(1).value()).isEqualTo("two\nlines");
		assertThat(rejects.get(1)).hasToString("progress/a.csv, line 7, column summary: too long (value: two lines)");
		assertThat(rejects.get(2)).isEqualTo(new RejectsFile.Reject("proposals.csv", "2", "", "", ""));
		// the same reject with another value is not new
		assertThat(RejectsFile.missingFrom(List.of(rejects.get(0)),
				List.of(new RejectsFile.Reject("progress/a.csv", "4", "amount", "2,000", "not a number: \"1,000\""))))
			.isEmpty();
	}

	@Test
	void anEmptyOutputFolderHasNothingToCompare() throws IOException {
		assertThat(SummaryDiff.report(this.output))
			.isEqualTo("No published summary in " + this.output + " yet: nothing to compare.\n");
	}

	@Test
	void oneSummaryIsNotEnoughToCompare() throws IOException {
		publish(summary("2019-06-30", "205000.00", "in_progress", "50.0", false, 1, List.of()), "");
		assertThat(SummaryDiff.report(this.output))
			.startsWith(
					"S1: fewer than two published summaries, " + "one published summary (as of 2019-06-30, published ")
			.endsWith("; nothing to compare yet.\n");
	}

	@Test
	void twoPublicationsAreComparedFiguresRejectsAndRecommendations() throws IOException {
		Summary.Recommendation gapRule = new Summary.Recommendation("obj-1.1", "Close the gap of 205,000.", "COP", 1,
				"rule", "budget-gap");
		Summary.Recommendation fromInput = new Summary.Recommendation("obj-1.1", "Keep going.", "SPI", 2, "input",
				null);
		publish(summary("2019-06-30", "205000.00", "in_progress", "50.0", false, 1, List.of(gapRule, fromInput)),
				"progress/a.csv,4,amount,x,not a number\n");
		SummaryArchive.keepOutgoing(this.output, "S1", 30);
		Summary.Recommendation newGap = new Summary.Recommendation("obj-1.1", "Close the gap of 200,000.", "COP", 1,
				"rule", "budget-gap");
		publish(summary("2019-07-31", "200000.00", "in_progress", "50.0", false, 1, List.of(newGap)),
				"progress/b.csv,9,date,2019-13-01,not a date\n");
		String report = SummaryDiff.report(this.output);
		assertThat(report).startsWith("What changed in S1 since the previous run\n  previous: as of 2019-06-30")
			.contains("  current:  as of 2019-07-31")
			.contains("Figures that moved:\n  budget gap                205,000.00 -> 200,000.00  (-5,000.00)\n")
			.contains("New rejects (1):\n  progress/b.csv, line 9, column date: not a date (value: 2019-13-01)\n")
			.contains("Rejects gone since (1):\n  progress/a.csv, line 4, column amount: not a number (value: x)\n")
			.contains("Recommendations updated (1):\n  ~ obj-1.1 [budget-gap]: Close the gap of 200,000. "
					+ "(COP, priority 1)\n")
			.contains("Recommendations removed (1):\n  - obj-1.1: Keep going. (SPI, priority 2)\n")
			.doesNotContain("Recommendations added");
	}

	@Test
	void anUnchangedRepublicationSaysNothingChanged() throws IOException {
		Summary same = summary("2019-06-30", "205000.00", "in_progress", "50.0", false, 1, List.of());
		publish(same, "");
		SummaryArchive.keepOutgoing(this.output, "S1", 30);
		Files.writeString(this.output.resolve("S1/manifest.json"), "{\"again\": true}");
		assertThat(SummaryDiff.report(this.output))
			.endsWith("Nothing changed: the same figures, rejects and recommendations.\n");
	}

	@Test
	void aRunFindsTheSetItLeftPublishedAndTheOneBeforeItAfterLaterRunsReplacedIt() throws IOException {
		Instant first = Instant.parse("2026-12-01T10:00:00Z");
		publish(summary("2019-06-30", "205000.00", "in_progress", "50.0", false, 1, List.of()),
				"progress/a.csv,4,amount,x,not a number\n", first);
		SummaryArchive.keepOutgoing(this.output, "S1", 30);
		publish(summary("2019-07-31", "200000.00", "in_progress", "50.0", false, 1, List.of()),
				"progress/b.csv,9,date,2019-13-01,not a date\n", first.plus(Duration.ofHours(1)));
		SummaryArchive.keepOutgoing(this.output, "S1", 30);
		publish(summary("2019-08-31", "190000.00", "completed", "100.0", false, 0, List.of()), "",
				first.plus(Duration.ofHours(2)));

		assertThat(SummaryDiff.publishedAt(this.output, "S1", first.minusSeconds(1))).isEmpty();

		SummaryDiff.RunSet one = SummaryDiff.publishedAt(this.output, "S1", first.plusSeconds(5)).orElseThrow();
		assertThat(one.inPlace()).isFalse();
		assertThat(one.previous()).isNull();
		assertThat(one.figures()).isEmpty();
		assertThat(one.rejects()).extracting(RejectsFile.Reject::file).containsExactly("progress/a.csv");
		assertThat(one.report("S1")).startsWith("S1: no earlier published summary is kept (as of 2019-06-30")
			.endsWith("; nothing to compare.\n");

		SummaryDiff.RunSet two = SummaryDiff
			.publishedAt(this.output, "S1", first.plus(Duration.ofHours(1)).plusSeconds(5))
			.orElseThrow();
		assertThat(two.inPlace()).isFalse();
		// its own rejects, kept gzipped, not those published now
		assertThat(two.rejects()).extracting(RejectsFile.Reject::toString)
			.containsExactly("progress/b.csv, line 9, column date: not a date (value: 2019-13-01)");
		assertThat(two.figures().orElseThrow()).extracting((figure) -> figure.label() + ": " + figure.change())
			.contains("budget gap: 205,000.00 -> 200,000.00  (-5,000.00)");
		assertThat(two.report("S1")).contains("  previous: as of 2019-06-30")
			.contains("  this:     as of 2019-07-31")
			.contains("New rejects (1):\n  progress/b.csv, line 9");

		SummaryDiff.RunSet three = SummaryDiff.publishedAt(this.output, "S1", first.plus(Duration.ofHours(3)))
			.orElseThrow();
		assertThat(three.inPlace()).isTrue();
		assertThat(three.rejects()).isEmpty();
		assertThat(three.figures().orElseThrow()).extracting((figure) -> figure.label() + ": " + figure.change())
			.contains("budget gap: 200,000.00 -> 190,000.00  (-10,000.00)");
		assertThat(three.report("S1")).contains("  previous: as of 2019-07-31")
			.contains("  current:  as of 2019-08-31")
			.contains("Rejects gone since (1):");
	}

	@Test
	void aSetTheHistoryNoLongerKeepsIsNotFoundAndTheOldestKeptHasNothingBeforeIt() throws IOException {
		Instant first = Instant.parse("2026-12-01T10:00:00Z");
		publish(summary("2019-06-30", "205000.00", "in_progress", "50.0", false, 1, List.of()), "", first);
		SummaryArchive.keepOutgoing(this.output, "S1", 30);
		publish(summary("2019-07-31", "200000.00", "in_progress", "50.0", false, 1, List.of()), "",
				first.plus(Duration.ofHours(1)));
		// the history keeps one set: the first is forgotten as the third replaces the
		// second
		SummaryArchive.keepOutgoing(this.output, "S1", 1);
		publish(summary("2019-08-31", "190000.00", "completed", "100.0", false, 0, List.of()), "",
				first.plus(Duration.ofHours(2)));

		assertThat(SummaryDiff.publishedAt(this.output, "S1", first.plusSeconds(5))).isEmpty();
		SummaryDiff.RunSet two = SummaryDiff
			.publishedAt(this.output, "S1", first.plus(Duration.ofHours(1)).plusSeconds(5))
			.orElseThrow();
		assertThat(two.previous()).isNull();
		assertThat(two.figures()).isEmpty();
		assertThat(SummaryDiff.publishedAt(this.output, "S1", first.plus(Duration.ofHours(3)))
			.orElseThrow()
			.previous()
			.generation()).isEqualTo(2);
	}

	private void publish(Summary summary, String rejects, Instant at) throws IOException {
		publish(summary, rejects);
		Path manifest = this.output.resolve("S1/manifest.json");
		// each set its own manifest, written when it was published
		Files.writeString(manifest, "{\"asOf\": \"" + summary.asOf() + "\"}");
		Files.setLastModifiedTime(manifest, FileTime.from(at));
	}

	private void publish(Summary summary, String rejects) throws IOException {
		Path dir = Files.createDirectories(this.output.resolve("S1"));
		JsonFiles.write(dir.resolve("summary.json"), summary);
		Files.writeString(dir.resolve("rejects.csv"), "file,line,column,value,reason\n" + rejects);
		Files.writeString(dir.resolve("manifest.json"), "{}");
	}

}
