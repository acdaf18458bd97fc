package org.unccd.cst.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unccd.cst.TestInputs;
import org.unccd.cst.publish.OutputLock;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every failure the contract names, fed to the command line: the exit code, the message
 * and that nothing is published or lost.
 */
class FailurePathTests {

	@TempDir
	Path dir;

	@Nested
	class BadCommandLine {

		@Test
		void unknownOptionExitsTwoWithOneLine() {
			CommandLineRun run = CommandLineRun.of("--colour=blue");
			assertThat(run.exitCode()).isEqualTo(2);
			assertThat(run.err()).isEqualTo("cst-reports: unknown option --colour (see --help)\n");
		}

		@Test
		void badDateExitsTwo() {
			CommandLineRun run = CommandLineRun.of("--as-of=31/08/2020");
			assertThat(run.exitCode()).isEqualTo(2);
			assertThat(run.err()).contains("--as-of=31/08/2020 is not a date YYYY-MM-DD");
		}

		@Test
		void dateOutsideTheYearsAProgrammeCanHoldExitsTwo() {
			CommandLineRun run = CommandLineRun.of("--as-of=0000-01-01");
			assertThat(run.exitCode()).isEqualTo(2);
			assertThat(run.err()).contains("--as-of=0000-01-01 is not between 1900-01-01 and 2100-12-31");
		}

		@Test
		void unsupportedLanguageExitsTwo() {
			CommandLineRun run = CommandLineRun.of("--lang=en,xx");
			assertThat(run.exitCode()).isEqualTo(2);
			assertThat(run.err()).contains("\"xx\" is not a supported language");
		}

		@Test
		void negativeMaxRejectsExitsTwo() {
			assertThat(CommandLineRun.of("--max-rejects=-1").exitCode()).isEqualTo(2);
		}

		@Test
		void missingInputFolderExitsTwo() {
			CommandLineRun run = CommandLineRun.of("--input=" + FailurePathTests.this.dir.resolve("nowhere"));
			assertThat(run.exitCode()).isEqualTo(2);
			assertThat(run.err()).contains("no folder");
		}

		@Test
		void helpPrintsUsageAndExitsZero() {
			CommandLineRun run = CommandLineRun.of("--help");
			assertThat(run.exitCode()).isEqualTo(0);
			assertThat(run.out()).contains("--max-rejects=N", "Exit codes");
		}

	}

	@Test
	void brokenProgrammeNamesFileAndLineAndPublishesNothing() throws Exception {
		Path input = TestInputs.write(this.dir.resolve("in"));
		String yaml = Files.readString(input.resolve("programme.yaml")).replace("source: TEST/1", "sauce: TEST/1");
		Files.writeString(input.resolve("programme.yaml"), yaml);
		Path output = this.dir.resolve("out");
		CommandLineRun run = CommandLineRun.of("--input=" + input, "--output=" + output);
		assertThat(run.exitCode()).isEqualTo(1);
		assertThat(run.err()).startsWith("cst-reports: programme.yaml:3: unknown key \"sauce\"");
		assertThat(output.resolve("T1")).doesNotExist();
	}

	@Test
	void tooManyRejectsFailsPublishesNothingAndKeepsTheRejects() throws Exception {
		Path input = TestInputs.write(this.dir.resolve("in"));
		Path output = this.dir.resolve("out");
		CommandLineRun run = CommandLineRun.of("--input=" + input, "--output=" + output, "--as-of=" + TestInputs.AS_OF,
				"--max-rejects=3");
		assertThat(run.exitCode()).isEqualTo(1);
		assertThat(run.err()).contains("4 rows were rejected, more than --max-rejects=3");
		assertThat(output.resolve("T1")).doesNotExist();
		List<String> rejects = Files.readAllLines(output.resolve("T1.rejects.csv"));
		assertThat(rejects).hasSize(5);
		assertThat(rejects.get(1)).startsWith("progress/expenditures.csv,5,currency,GBP");
	}

	@Test
	void failedRunLeavesThePreviousSetInPlace() throws Exception {
		Path input = TestInputs.write(this.dir.resolve("in"));
		Path output = this.dir.resolve("out");
		assertThat(
				CommandLineRun.of("--input=" + input, "--output=" + output, "--as-of=" + TestInputs.AS_OF).exitCode())
			.isEqualTo(3);
		byte[] summary = Files.readAllBytes(output.resolve("T1/summary.json"));
		Files.writeString(input.resolve("progress/expenditures-late.csv"),
				"date,budget_line,amount,reference\n" + "2021-04-01,L9,10,Z-1\n".repeat(2));
		CommandLineRun failed = CommandLineRun.of("--input=" + input, "--output=" + output,
				"--as-of=" + TestInputs.AS_OF, "--max-rejects=4");
		assertThat(failed.exitCode()).isEqualTo(1);
		assertThat(Files.readAllBytes(output.resolve("T1/summary.json"))).isEqualTo(summary);
	}

	@Test
	void failedRunIsNotResumedOnStagingRowsAnotherRunRebuilt() throws Exception {
		Path input = TestInputs.write(this.dir.resolve("in"));
		Path output = this.dir.resolve("out");
		String[] first = { "--input=" + input, "--output=" + output, "--as-of=" + TestInputs.AS_OF, "--max-rejects=3" };
		assertThat(CommandLineRun.of(first).err()).contains("4 rows were rejected");
		Path extra = input.resolve("progress/findings-extra.csv");
		Files.writeString(extra, "outcome,text\nZ-1,unknown\nZ-2,unknown\n");
		CommandLineRun other = CommandLineRun.of("--input=" + input, "--output=" + output,
				"--as-of=" + TestInputs.AS_OF);
		assertThat(other.exitCode()).isEqualTo(3);
		Files.delete(extra);
		// the first command again: its failed run must start afresh, not go on with the
		// other run's 6 rejects
		CommandLineRun again = CommandLineRun.of(first);
		assertThat(again.exitCode()).isEqualTo(1);
		assertThat(again.err()).contains("4 rows were rejected");
	}

	@Test
	void secondRunOnABusyOutputFolderExitsFour() throws Exception {
		Path input = TestInputs.write(this.dir.resolve("in"));
		Path output = this.dir.resolve("out");
		Optional<OutputLock> held = OutputLock.tryAcquire(output);
		assertThat(held).isPresent();
		try (OutputLock lock = held.get()) {
			CommandLineRun run = CommandLineRun.of("--input=" + input, "--output=" + output);
			assertThat(run.exitCode()).isEqualTo(4);
			assertThat(run.err()).contains("is busy", "pid " + ProcessHandle.current().pid());
		}
		assertThat(output.resolve("T1")).doesNotExist();
	}

	@Test
	void unreadableWorkbookIsListedAndTheRunGoesOn() throws Exception {
		Path input = TestInputs.write(this.dir.resolve("in"));
		Files.write(input.resolve("progress/broken.xlsx"), new byte[] { 'P', 'K', 3, 4, 1, 2, 3 });
		Path output = this.dir.resolve("out");
		CommandLineRun run = CommandLineRun.of("--input=" + input, "--output=" + output, "--as-of=" + TestInputs.AS_OF);
		assertThat(run.exitCode()).isEqualTo(3);
		assertThat(Files.readString(output.resolve("T1/rejects.csv")))
			.contains("progress/broken.xlsx,0,,,\"the workbook cannot be read: ");
	}

	@Test
	void aRunWhoseStartAKillLostStartsAfresh() throws Exception {
		Path input = TestInputs.write(this.dir.resolve("in"));
		Path output = this.dir.resolve("out");
		String[] args = { "--input=" + input, "--output=" + output, "--as-of=" + TestInputs.AS_OF };
		assertThat(CommandLineRun.of(args).exitCode()).isEqualTo(3);
		// as a kill leaves it when the job database had written the job's instance but
		// not
		// yet its execution: an instance with no execution, and no set published
		try (java.sql.Connection jobs = jobDatabase(output)) {
			for (String table : List.of("BATCH_STEP_EXECUTION_CONTEXT", "BATCH_STEP_EXECUTION",
					"BATCH_JOB_EXECUTION_CONTEXT", "BATCH_JOB_EXECUTION_PARAMS", "BATCH_JOB_EXECUTION")) {
				jobs.createStatement().execute("DELETE FROM " + table);
			}
		}
		org.springframework.util.FileSystemUtils.deleteRecursively(output.resolve("T1"));

		CommandLineRun again = CommandLineRun.of(args);

		assertThat(again.exitCode()).as(again.err()).isEqualTo(3);
		assertThat(again.out()).contains("Published " + output.resolve("T1"));
		assertThat(output.resolve("T1/summary.json")).exists();
	}

	/** A connection to the job database of an output folder, its tables unqualified. */
	java.sql.Connection jobDatabase(Path output) throws Exception {
		return java.sql.DriverManager.getConnection(org.unccd.cst.run.OutputFolder.databaseUrl(output), "sa", "");
	}

}
