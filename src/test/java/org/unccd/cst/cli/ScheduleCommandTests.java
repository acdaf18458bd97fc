package org.unccd.cst.cli;

import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unccd.cst.ChildJvm;
import org.unccd.cst.TestInputs;
import org.unccd.cst.tools.InputGenerator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code --schedule} from the command line: its settings, its place among the options,
 * and how it stops on SIGTERM, in a child JVM as under systemd.
 */
class ScheduleCommandTests {

	@TempDir
	Path dir;

	@Test
	void asOfCannotBeGivenWithSchedule() {
		CommandLineRun run = CommandLineRun.of("--schedule", "--as-of=2021-04-30");
		assertThat(run.exitCode()).isEqualTo(2);
		assertThat(run.err()).isEqualTo("cst-reports: --as-of cannot be given with --schedule: each scheduled run is "
				+ "as of its day (see --help)\n");
	}

	@Test
	void scheduleAndDistributeTakeNoValueAndComeOnce() {
		assertThat(CommandLineRun.of("--schedule=yes").err()).contains("option --schedule takes no value");
		assertThat(CommandLineRun.of("--distribute", "--distribute").err())
			.contains("option --distribute is given twice");
	}

	@Test
	void aBadCronExpressionIsABadCommandLine() throws Exception {
		Path input = TestInputs.write(this.dir.resolve("in"));
		CommandLineRun run = CommandLineRun.with(Map.of("cst.schedule.cron", "0 0 25 * * *"), "--schedule",
				"--input=" + input, "--output=" + this.dir.resolve("out"));
		assertThat(run.exitCode()).isEqualTo(2);
		assertThat(run.err()).startsWith("cst-reports: cst.schedule.cron=\"0 0 25 * * *\" is not a cron expression");
	}

	@Test
	void oneScheduleAtATimePerOutputFolder() throws Exception {
		Path input = TestInputs.write(this.dir.resolve("in"));
		Path output = this.dir.resolve("out");
		Files.createDirectories(output.resolve(".cst-reports"));
		try (FileChannel channel = FileChannel.open(output.resolve(".cst-reports/schedule.lock"),
				StandardOpenOption.CREATE, StandardOpenOption.WRITE); FileLock lock = channel.lock()) {
			CommandLineRun run = CommandLineRun.of("--schedule", "--input=" + input, "--output=" + output);
			assertThat(run.exitCode()).isEqualTo(4);
			assertThat(run.err()).contains("another --schedule is running on the output folder " + output);
		}
	}

	@Test
	void sigtermWhileWaitingStopsAtOnce() throws Exception {
		Path input = TestInputs.write(this.dir.resolve("in"));
		Path output = this.dir.resolve("out");
		ChildJvm schedule = ChildJvm.start(List.of("-Xmx256m"), this.dir.resolve("schedule.log"), "--schedule",
				"--input=" + input, "--output=" + output);
		assertThat(schedule.awaitLog("next run at", Duration.ofMinutes(1))).as("the schedule waits").isTrue();
		schedule.terminate();
		int code = schedule.waitFor(Duration.ofSeconds(30));
		// a JVM ended by SIGTERM exits 128 + 15, which the systemd unit counts as success
		assertThat(code).as(schedule.log()).isEqualTo(143);
		assertThat(schedule.log()).contains("cron \"0 0 2 * * *\"", "schedule: stop requested", "schedule: stopped");
		assertThat(output.resolve("T1")).doesNotExist();
	}

	@Test
	void sigtermDuringARunStopsItAndTheNextStartResumesIt() throws Exception {
		Path input = this.dir.resolve("in");
		InputGenerator.generate(Path.of("input"), input, 100_000, 3, 7);
		Path output = this.dir.resolve("out");
		List<String> jvm = List.of("-Xmx512m", "-Dcst.schedule.cron=*/2 * * * * *");
		String[] args = { "--schedule", "--input=" + input, "--output=" + output };

		ChildJvm first = ChildJvm.start(jvm, this.dir.resolve("first.log"), args);
		assertThat(first.awaitLog("Step ingest started", Duration.ofMinutes(2))).as("ingestion started").isTrue();
		Thread.sleep(300);
		first.terminate();
		assertThat(first.waitFor(Duration.ofMinutes(2))).as(first.log()).isEqualTo(143);
		String log = first.log();
		assertThat(log).contains("stop requested: the run in progress ends with the process");
		assertThat(output.resolve("CST14")).doesNotExist();
		Matcher asOf = Pattern.compile("starts, as of (\\d{4}-\\d{2}-\\d{2})").matcher(log);
		assertThat(asOf.find()).isTrue();

		// the next start runs the stopped time again and resumes the stopped execution
		ChildJvm second = ChildJvm.start(jvm, this.dir.resolve("second.log"), args);
		assertThat(second.awaitLog("ended in", Duration.ofMinutes(3))).as("the run ended").isTrue();
		second.terminate();
		second.waitFor(Duration.ofMinutes(2));
		assertThat(second.log()).contains("catching up", "Resuming the run of execution",
				"starts, as of " + asOf.group(1), ": exit 0, success; ");
		assertThat(output.resolve("CST14/manifest.json")).exists();
	}

}
