package org.unccd.cst.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unccd.cst.TestInputs;
import org.unccd.cst.publish.OutputLock;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code --history} lists the runs the job repository recorded; {@code --diff} says what
 * changed between the last two published summaries.
 */
class HistoryAndDiffTests {

	@TempDir
	Path dir;

	@Test
	void historyWithoutADatabaseSaysThereAreNoRuns() {
		Path output = this.dir.resolve("out");
		CommandLineRun run = CommandLineRun.of("--history", "--output=" + output);
		assertThat(run.exitCode()).isEqualTo(0);
		assertThat(run.out()).isEqualTo("No runs recorded in " + output + " (it has no job database yet).\n");
		assertThat(output).doesNotExist();
	}

	@Test
	void theJobDatabaseIsMadeOnceAndLaterRunsLeaveNoErrorsInItsTraceFile() throws Exception {
		Path input = TestInputs.write(this.dir.resolve("in"));
		Path output = this.dir.resolve("out");
		String[] common = { "--input=" + input, "--output=" + output, "--as-of=" + TestInputs.AS_OF, "--force" };
		for (int run = 0; run < 3; run++) {
			assertThat(CommandLineRun.of(common).exitCode()).isEqualTo(3);
		}
		// H2 writes the errors of its statements here, with their stack traces: the job
		// tables' script run again at every start gave about 28 KB of them a run
		Path trace = output.resolve(".cst-reports").resolve("db").resolve("jobs.trace.db");
		assertThat(Files.exists(trace) ? Files.readString(trace) : "").doesNotContain("already exists");
		assertThat(CommandLineRun.of("--history", "--output=" + output).out()).contains(" 3  ", " 2  ", " 1  ");
	}

	@Test
	void historyListsEachRunNewestFirstWithItsResultCountsAndOutputs() throws Exception {
		Path input = TestInputs.write(this.dir.resolve("in"));
		Path output = this.dir.resolve("out");
		String[] common = { "--input=" + input, "--output=" + output, "--as-of=" + TestInputs.AS_OF };
		assertThat(CommandLineRun.of(common).exitCode()).isEqualTo(3);
		CommandLineRun failed = CommandLineRun.of(with(common, "--max-rejects=0"));
		assertThat(failed.exitCode()).isEqualTo(1);

		CommandLineRun history = CommandLineRun.of("--history", "--output=" + output);
		assertThat(history.exitCode()).as(history.err()).isEqualTo(0);
		List<String> lines = history.out().lines().toList();
		assertThat(lines.get(0)).isEqualTo("Runs recorded in " + output + ", newest first:");
		assertThat(lines.get(2)).matches("run +started +ended +as-of +result +rows read +rejected +outputs");
		// the failed run first, with the reason under it; then the published one
		assertThat(lines.get(3)).matches(" *2  \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d  \\d{4}-\\d\\d-\\d\\d "
				+ "\\d\\d:\\d\\d:\\d\\d  2021-04-30  failed \\(exit 1\\) +18 +4  none");
		assertThat(lines.get(4).strip())
			.startsWith("aggregate: 4 rows were rejected, more than --max-rejects=0; nothing was published");
		assertThat(lines.get(5))
			.matches(" *1  .*  2021-04-30  published with rejects \\(exit 3\\) +18 +4  T1/ \\(6 files\\)");
		assertThat(lines).hasSize(6);
		// the history let go of the output folder
		Optional<OutputLock> lock = OutputLock.tryAcquire(output);
		assertThat(lock).isPresent();
		lock.get().close();
	}

	@Test
	void historyMarksAReplacedPublication() throws Exception {
		Path input = TestInputs.write(this.dir.resolve("in"));
		Path output = this.dir.resolve("out");
		assertThat(
				CommandLineRun.of("--input=" + input, "--output=" + output, "--as-of=" + TestInputs.AS_OF).exitCode())
			.isEqualTo(3);
		assertThat(CommandLineRun.of("--input=" + input, "--output=" + output, "--as-of=2021-06-30").exitCode())
			.isEqualTo(3);
		List<String> lines = CommandLineRun.of("--history", "--output=" + output).out().lines().toList();
		assertThat(lines.get(3)).contains("2021-06-30", "published with rejects (exit 3)").endsWith("T1/ (6 files)");
		assertThat(lines.get(4)).contains("2021-04-30").endsWith("T1/ (6 files), since replaced");
	}

	@Test
	void historyOfABusyOutputFolderExitsFour() throws Exception {
		Path input = TestInputs.write(this.dir.resolve("in"));
		Path output = this.dir.resolve("out");
		assertThat(
				CommandLineRun.of("--input=" + input, "--output=" + output, "--as-of=" + TestInputs.AS_OF).exitCode())
			.isEqualTo(3);
		try (OutputLock held = OutputLock.tryAcquire(output).orElseThrow()) {
			CommandLineRun history = CommandLineRun.of("--history", "--output=" + output);
			assertThat(history.exitCode()).isEqualTo(4);
			assertThat(history.err()).contains("is busy: a run is in progress", "pid " + ProcessHandle.current().pid(),
					"Try again");
		}
	}

	@Test
	void historyAndDiffTakeNoRunOptions() {
		CommandLineRun run = CommandLineRun.of("--history", "--as-of=2021-04-30");
		assertThat(run.exitCode()).isEqualTo(2);
		assertThat(run.err()).contains("--history only reads the output folder: it takes --output=DIR and no --as-of");
		assertThat(CommandLineRun.of("--diff", "--force").exitCode()).isEqualTo(2);
		assertThat(CommandLineRun.of("--diff=yes").exitCode()).isEqualTo(2);
		assertThat(CommandLineRun.of("--progress=fancy").err()).contains("--progress=fancy is not one of");
	}

	@Test
	void diffWithOnePublishedSummarySaysThereIsNothingToCompare() throws Exception {
		Path input = TestInputs.write(this.dir.resolve("in"));
		Path output = this.dir.resolve("out");
		CommandLineRun diff = CommandLineRun.of("--diff", "--output=" + output);
		assertThat(diff.exitCode()).isEqualTo(0);
		assertThat(diff.out()).isEqualTo("No published summary in " + output + " yet: nothing to compare.\n");
		assertThat(
				CommandLineRun.of("--input=" + input, "--output=" + output, "--as-of=" + TestInputs.AS_OF).exitCode())
			.isEqualTo(3);
		diff = CommandLineRun.of("--diff", "--output=" + output);
		assertThat(diff.exitCode()).isEqualTo(0);
		assertThat(diff.out())
			.startsWith("T1: fewer than two published summaries, one published summary (as of " + TestInputs.AS_OF
					+ ", published ")
			.endsWith("); nothing to compare yet.\n");
	}

	@Test
	void diffShowsTheFiguresThatMovedTheNewRejectsAndTheRecommendations() throws Exception {
		Path input = TestInputs.write(this.dir.resolve("in"));
		Path output = this.dir.resolve("out");
		assertThat(
				CommandLineRun.of("--input=" + input, "--output=" + output, "--as-of=" + TestInputs.AS_OF).exitCode())
			.isEqualTo(3);
		// a month later: one more expenditure, and a row with a bad amount
		Files.writeString(input.resolve("progress/expenditures-may.csv"), """
				date,budget_line,work_item,amount,currency,reference,description
				2021-05-10,L2,B,1000,EUR,X-5,Workshop
				2021-05-11,L2,B,lots,EUR,X-6,Unknown amount
				""");
		assertThat(CommandLineRun.of("--input=" + input, "--output=" + output, "--as-of=2021-06-30").exitCode())
			.isEqualTo(3);

		CommandLineRun diff = CommandLineRun.of("--diff", "--output=" + output);
		assertThat(diff.exitCode()).as(diff.err()).isEqualTo(0);
		String report = diff.out();
		assertThat(report)
			.startsWith("What changed in T1 since the previous run\n  previous: as of 2021-04-30, " + "published ");
		assertThat(report).contains("\n  current:  as of 2021-06-30, published ");
		assertThat(report).containsPattern("\n  budget secured +60,000.00 -> 67,000.00  \\(\\+7,000.00\\)\n")
			.containsPattern("\n  budget gap +40,000.00 -> 33,000.00  \\(-7,000.00\\)\n")
			.containsPattern("\n  budget spent +7,084.56 -> 8,084.56  \\(\\+1,000.00\\)\n")
			.containsPattern("\n  outcome B-x +planned 0.0 % -> in_progress 10.0 %\n")
			.containsPattern("\n  work item B +planned 0.0 % -> in_progress 10.0 %\n")
			.containsPattern("\n  inputs read +18 -> 20  \\(\\+2\\)\n")
			.containsPattern("\n  inputs accepted +14 -> 15  \\(\\+1\\)\n")
			.containsPattern("\n  inputs rejected +4 -> 5  \\(\\+1\\)\n");
		assertThat(report).doesNotContain("budget total");
		assertThat(report).contains("\nNew rejects (1):\n  progress/expenditures-may.csv, line 3, column amount: "
				+ "amount \"lots\" is not a number (value: lots)\n");
		assertThat(report).doesNotContain("Rejects gone since");
		// the budget-gap recommendations give the new figures; B-x is no longer
		// unreported
		assertThat(report).contains("\nRecommendations updated (2):\n  ~ alpha [budget-gap]: The work programme needs "
				+ "EUR 100,000.00, of which EUR 67,000.00 is secured: a gap of EUR 33,000.00");
		assertThat(report)
			.contains("\nRecommendations removed (1):\n  - beta [outcome-unreported]: No progress has been reported on "
					+ "expected outcome B-x (Joint paper)");
		assertThat(report).doesNotContain("Recommendations added");
	}

	@Test
	void diffAfterAnIdenticalRerunSaysNothingChanged() throws Exception {
		Path input = TestInputs.write(this.dir.resolve("in"));
		Path output = this.dir.resolve("out");
		String[] run = { "--input=" + input, "--output=" + output, "--as-of=" + TestInputs.AS_OF };
		assertThat(CommandLineRun.of(run).exitCode()).isEqualTo(3);
		assertThat(CommandLineRun.of(with(run, "--force")).exitCode()).isEqualTo(3);
		String report = CommandLineRun.of("--diff", "--output=" + output).out();
		assertThat(report).endsWith("\n\nNothing changed: the same figures, rejects and recommendations.\n");
	}

	private static String[] with(String[] args, String extra) {
		String[] all = java.util.Arrays.copyOf(args, args.length + 1);
		all[args.length] = extra;
		return all;
	}

}
