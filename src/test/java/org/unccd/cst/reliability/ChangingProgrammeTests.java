package org.unccd.cst.reliability;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unccd.cst.ChildJvm;
import org.unccd.cst.tools.InputGenerator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One programme per run: programme.yaml edited while a run ingests its data (here the
 * session renamed) fails that run with a message that says so and publishes nothing,
 * under either name; the next run reads the new programme and publishes it.
 */
class ChangingProgrammeTests {

	@Test
	void aProgrammeEditedDuringTheRunFailsItAndPublishesNothing(@TempDir Path dir) throws Exception {
		Path input = dir.resolve("in");
		// enough rows that the run goes on for a second or more after ingestion starts
		InputGenerator.generate(Path.of("input"), input, 20_000, 3, 7);
		Path out = dir.resolve("out");
		String[] args = { "--input=" + input, "--output=" + out, "--as-of=2019-06-30" };
		ChildJvm run = ChildJvm.start(List.of("-Xmx512m"), dir.resolve("first.log"), args);
		assertThat(run.awaitLog("Step ingest started", Duration.ofMinutes(2))).as("ingestion started").isTrue();
		Path programme = input.resolve("programme.yaml");
		Files.writeString(programme, Files.readString(programme).replace("session: CST14", "session: CST14B"));

		int code = run.waitFor(Duration.ofMinutes(3));
		String log = Files.readString(dir.resolve("first.log"));
		assertThat(code).as(log).isEqualTo(1);
		assertThat(log).contains("programme.yaml changed during the run; run again", "nothing was published");
		assertThat(out.resolve("CST14")).doesNotExist();
		assertThat(out.resolve("CST14B")).doesNotExist();

		int again = ChildJvm.run(List.of("-Xmx512m"), dir.resolve("second.log"), args);
		assertThat(again).as(Files.readString(dir.resolve("second.log"))).isEqualTo(0);
		assertThat(out.resolve("CST14B/summary.json")).exists();
		assertThat(out.resolve("CST14")).doesNotExist();
	}

}
