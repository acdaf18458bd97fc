package org.unccd.cst.web;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unccd.cst.TestInputs;
import org.unccd.cst.console.Role;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code --serve --schedule}: the console runs the nightly schedule inside it, with the
 * languages given for the scheduled runs, and its pages and API show the scheduled runs.
 */
class ConsoleScheduleTests {

	@Test
	void theConsoleRunsTheScheduleInsideIt(@TempDir Path dir) throws Exception {
		Path output = dir.resolve("out");
		try (ConsoleServer console = ConsoleServer.start(List.of("-Dcst.schedule.cron=*/2 * * * * *"),
				TestInputs.write(dir.resolve("in")), output, dir.resolve("console.log"), "--schedule",
				"--lang=en,zh")) {
			Instant end = Instant.now().plus(Duration.ofMinutes(2));
			while (!Files.isRegularFile(output.resolve("T1").resolve("manifest.json")) && Instant.now().isBefore(end)) {
				Thread.sleep(200);
			}
			assertThat(output.resolve("T1").resolve("alpha.zh.pdf")).as(console.log()).exists();
			JsonNode runs = awaitHistory(console);
			assertThat(runs.get("history").get(0).get("result").asString()).startsWith("published");
			HttpResponse<String> schedule = console.get("/api/runs", Role.VIEWER);
			assertThat(schedule.statusCode()).isEqualTo(200);
		}
	}

	@Test
	void languagesAndDistributionBelongToTheSchedule(@TempDir Path dir) throws Exception {
		Path log = dir.resolve("serve.log");
		int code = org.unccd.cst.ChildJvm.run(log, "256m", "--serve", "--port=0",
				"--input=" + TestInputs.write(dir.resolve("in")), "--output=" + dir.resolve("out"), "--lang=en");
		assertThat(code).isEqualTo(2);
		assertThat(Files.readString(log)).contains("--lang and --distribute go with --serve --schedule");
	}

	/** The runs, once the job database has one that ended (the schedule may hold it). */
	private static JsonNode awaitHistory(ConsoleServer console) throws Exception {
		Instant end = Instant.now().plus(Duration.ofMinutes(1));
		while (Instant.now().isBefore(end)) {
			JsonNode runs = ConsoleServer.json(console.get("/api/runs", Role.VIEWER));
			if (!runs.get("history").isEmpty() && runs.get("history").get(0).get("ended") != null
					&& !runs.get("history").get(0).get("ended").isNull()) {
				return runs;
			}
			Thread.sleep(300);
		}
		throw new IllegalStateException("no run in the history\n" + console.log());
	}

}
