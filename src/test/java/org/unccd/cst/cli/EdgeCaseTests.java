package org.unccd.cst.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unccd.cst.ReportFiles;
import org.unccd.cst.TestInputs;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Cases at the edge of the contract's rules, each on the small test input with one file
 * changed.
 */
class EdgeCaseTests {

	@TempDir
	Path dir;

	private JsonNode run(Path input) {
		Path output = this.dir.resolve("out");
		CommandLineRun run = CommandLineRun.of("--input=" + input, "--output=" + output, "--as-of=" + TestInputs.AS_OF);
		assertThat(run.exitCode()).as(run.err()).isIn(0, 3);
		return ReportFiles.json(output.resolve("T1/summary.json"));
	}

	@Test
	void workItemAveragesTheReportedPercentsNotTheRoundedOnes() throws Exception {
		Path input = TestInputs.write(this.dir.resolve("in"));
		// (0.06 x 3 + 0.01 x 1) / 4 = 0.0475: 0.0, where rounded outcome percents (0.1,
		// 0.0) would give 0.1
		Files.writeString(input.resolve("progress/progress.csv"),
				"date,outcome,status,percent\n2021-01-10,A.1-x,in_progress,0.06\n2021-01-10,A.1-y,in_progress,0.01\n");
		JsonNode summary = run(input);
		assertThat(summary.get("outcomes").get(0).get("percent").decimalValue()).isEqualByComparingTo("0.1");
		assertThat(summary.get("workItems").get(1).get("code").asString()).isEqualTo("A.1");
		assertThat(summary.get("workItems").get(1).get("percent").decimalValue()).isEqualByComparingTo("0.0");
	}

	@Test
	void veryLongValueIsRejectedNotFatal() throws Exception {
		Path input = TestInputs.write(this.dir.resolve("in"));
		Files.writeString(input.resolve("progress/progress-long.csv"),
				"date,outcome,status\n2021-01-10," + "X".repeat(5000) + ",planned\n");
		JsonNode summary = run(input);
		assertThat(summary.get("inputs").get("rejected").asLong()).isEqualTo(5);
		assertThat(Files.readString(this.dir.resolve("out/T1/rejects.csv")))
			.contains("progress/progress-long.csv,2,outcome,XXX");
	}

	@Test
	void fileWithOnlyAHeaderIsListedAmongTheInputs() throws Exception {
		Path input = TestInputs.write(this.dir.resolve("in"));
		Files.writeString(input.resolve("progress/funding-2022.csv"), "date,source,amount,status,reference\n");
		JsonNode files = run(input).get("inputs").get("files");
		JsonNode entry = null;
		for (JsonNode file : files) {
			if (file.get("file").asString().equals("progress/funding-2022.csv")) {
				entry = file;
			}
		}
		assertThat(entry).as("an entry for the header-only file").isNotNull();
		assertThat(List.of(entry.get("read").asLong(), entry.get("accepted").asLong(), entry.get("rejected").asLong()))
			.isEqualTo(List.of(0L, 0L, 0L));
	}

	@Test
	void badProposalRowsNameTheirColumnAndValueInLineOrder() throws Exception {
		Path input = TestInputs.write(this.dir.resolve("in"));
		Files.writeString(input.resolve("proposals.csv"), """
				no,submitter,submitter_type,topic,cluster
				1,Atlantis,party,Soil maps,a.一
				2,Panel,observer,Costs,c
				3,Lemuria,party,Water,d
				""");
		JsonNode summary = run(input);
		assertThat(summary.get("proposals").get("rejected").asLong()).isEqualTo(2);
		List<String> rejects = Files.readAllLines(this.dir.resolve("out/T1/rejects.csv"));
		assertThat(rejects.subList(1, 3)).isEqualTo(List.of(
				"proposals.csv,3,submitter_type,observer,\"submitter_type \"\"observer\"\" is not one of party, stakeholder\"",
				"proposals.csv,4,cluster,d,\"cluster \"\"d\"\" is not one of a.i a.ii a.iii b c * -\""));
	}

	@Test
	void whatIsNotARegularFileIsALineZeroRejectNeverRead() throws Exception {
		Path input = TestInputs.write(this.dir.resolve("in"));
		Path plain = this.dir.resolve("plain");
		assertThat(CommandLineRun.of("--input=" + input, "--output=" + plain, "--as-of=" + TestInputs.AS_OF).exitCode())
			.isEqualTo(3);
		JsonNode before = ReportFiles.json(plain.resolve("T1/summary.json"));
		// pipes nobody writes to: opening one for reading would wait for ever
		mkfifo(input.resolve("progress/progress-pipe.csv"));
		Files.move(input.resolve("proposals.csv"), input.resolve("proposals-moved.csv"));
		mkfifo(input.resolve("proposals.csv"));
		Files.createDirectories(input.resolve("progress/funding-old.xlsx"));
		long start = System.nanoTime();

		JsonNode summary = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> run(input));

		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
		List<String> rejects = Files.readAllLines(this.dir.resolve("out/T1/rejects.csv"));
		assertThat(rejects).contains(
				"proposals.csv,0,,,\"not a regular file (a named pipe (FIFO)), so it was not "
						+ "read: save the annex as a regular CSV file named proposals.csv\"",
				"progress/funding-old.xlsx,0,,,\"not a regular file (a folder), so it was not read: save the data as "
						+ "a regular CSV or XLSX file in progress/, or move it out of progress/\"",
				"progress/progress-pipe.csv,0,,,\"not a regular file (a named pipe (FIFO)), so it was not read: save "
						+ "the data as a regular CSV or XLSX file in progress/, or move it out of progress/\"");
		// every other row as before: accepted, and the rejects of the other files
		assertThat(summary.get("inputs").get("accepted").asLong())
			.isEqualTo(before.get("inputs").get("accepted").asLong());
		assertThat(summary.get("inputs").get("rejected").asLong())
			.isEqualTo(before.get("inputs").get("rejected").asLong() + 2);
		assertThat(summary.get("proposals").get("rejected").asLong()).isEqualTo(1);
		assertThat(summary.get("proposals").get("topics").asLong()).isZero();
	}

	private static void mkfifo(Path path) throws Exception {
		Process mkfifo = new ProcessBuilder("mkfifo", path.toString()).inheritIO().start();
		assertThat(mkfifo.waitFor()).as("mkfifo " + path).isZero();
	}

}
