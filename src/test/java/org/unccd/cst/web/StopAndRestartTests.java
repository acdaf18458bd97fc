package org.unccd.cst.web;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unccd.cst.ChildJvm;
import org.unccd.cst.console.Role;
import org.unccd.cst.tools.InputGenerator;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An officer stops a run in the middle of ingestion and restarts it: the run stops at a
 * chunk boundary, the restart resumes it where it stopped, and the set it publishes is
 * byte for byte the set of a run that was never stopped.
 */
class StopAndRestartTests {

	@Test
	void aStoppedRunRestartsToTheSameBytes(@TempDir Path dir) throws Exception {
		Path input = dir.resolve("in");
		// enough rows that ingestion goes on for a second or more once the stop is sent
		InputGenerator.generate(Path.of("input"), input, 100_000, 3, 7);
		Path output = dir.resolve("console");
		try (ConsoleServer console = ConsoleServer.start(input, output, dir.resolve("console.log"))) {
			HttpResponse<String> launched = console.post("/api/runs", Role.OFFICER,
					"{\"asOf\": \"2019-06-30\", \"lang\": [\"en\", \"zh\"]}");
			assertThat(launched.statusCode()).as(launched.body()).isEqualTo(202);
			String location = launched.headers().firstValue("Location").orElseThrow();
			awaitIngesting(console, location);

			HttpResponse<String> stop = console.post(location + "/stop", Role.OFFICER, null);
			assertThat(stop.statusCode()).as(stop.body()).isEqualTo(202);
			JsonNode stopped = console.awaitEnd(location, Duration.ofMinutes(2));
			assertThat(stopped.get("status").asString()).as(stopped.toString()).isEqualTo("STOPPED");
			long rowsAtStop = stopped.get("steps").get(1).get("written").asLong();
			assertThat(stopped.get("steps").get(1).get("status").asString()).as(stopped.toString())
				.isEqualTo("STOPPED");
			assertThat(stopped.get("lines").toString()).contains("The run was stopped at a chunk boundary");
			assertThat(rowsAtStop).as("rows committed before the stop").isPositive();
			assertThat(output.resolve("CST14")).doesNotExist();

			HttpResponse<String> restart = console.post(location + "/restart", Role.OFFICER, null);
			assertThat(restart.statusCode()).as(restart.body()).isEqualTo(202);
			JsonNode restarted = console.awaitEnd(restart.headers().firstValue("Location").orElseThrow(),
					Duration.ofMinutes(4));
			assertThat(restarted.get("status").asString()).as(restarted.toString()).isEqualTo("COMPLETED");
			assertThat(restarted.get("restartOf").asLong()).isEqualTo(stopped.get("id").asLong());
			assertThat(restarted.get("steps").get(0).get("name").asString())
				.as("the restart resumes at the stopped step")
				.isEqualTo("ingest");
			assertThat(console.log()).contains("Resuming the run of execution");
		}

		Path clean = dir.resolve("clean");
		assertThat(ChildJvm.run(dir.resolve("clean.log"), "512m", "--input=" + input, "--output=" + clean,
				"--as-of=2019-06-30", "--lang=en,zh"))
			.isIn(0, 3);
		List<String> files = files(clean.resolve("CST14"));
		assertThat(files(output.resolve("CST14"))).isEqualTo(files);
		for (String file : files) {
			assertThat(Files.readAllBytes(output.resolve("CST14").resolve(file))).as(file)
				.isEqualTo(Files.readAllBytes(clean.resolve("CST14").resolve(file)));
		}
	}

	private static void awaitIngesting(ConsoleServer console, String location) throws Exception {
		Instant end = Instant.now().plus(Duration.ofMinutes(2));
		while (Instant.now().isBefore(end)) {
			JsonNode run = ConsoleServer.json(console.get(location, Role.VIEWER));
			if ("ingest".equals(run.get("step").asString()) && run.get("rows").asLong() > 20_000) {
				return;
			}
			Thread.sleep(20);
		}
		throw new IllegalStateException("the run never got into ingestion\n" + console.log());
	}

	private static List<String> files(Path dir) throws Exception {
		try (Stream<Path> list = Files.list(dir)) {
			return list.map((path) -> path.getFileName().toString()).sorted().toList();
		}
	}

}
