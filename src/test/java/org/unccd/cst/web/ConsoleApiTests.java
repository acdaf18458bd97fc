package org.unccd.cst.web;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.unccd.cst.ChildJvm;
import org.unccd.cst.TestInputs;
import org.unccd.cst.console.Role;
import org.unccd.cst.publish.Manifest;
import org.unccd.cst.run.JsonFiles;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console's JSON API against a real console on a random port: a launch, its progress
 * to the end, the published files byte for byte, the rejects, the diff, the answers to
 * bad requests as problem details, and what a command-line run on the served folder gets.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleApiTests {

	@TempDir
	static Path dir;

	static ConsoleServer console;

	@BeforeAll
	static void start() throws Exception {
		Path input = TestInputs.write(dir.resolve("in"));
		console = ConsoleServer.start(input, dir.resolve("out"), dir.resolve("console.log"));
	}

	@AfterAll
	static void stop() throws Exception {
		console.close();
	}

	@Test
	@Order(1)
	void anOfficerLaunchesARunAndWatchesItPublish() throws Exception {
		HttpResponse<String> launched = console.post("/api/runs", Role.OFFICER,
				"{\"asOf\": \"2019-06-30\", \"lang\": [\"en\", \"ar\"], \"force\": false}");
		assertThat(launched.statusCode()).as(launched.body()).isEqualTo(202);
		String location = launched.headers().firstValue("Location").orElseThrow();
		assertThat(location).matches("/api/runs/\\d+");

		JsonNode run = console.awaitEnd(location, Duration.ofMinutes(2));
		assertThat(run.get("status").asString()).as(run.toString()).isEqualTo("COMPLETED");
		assertThat(run.get("exitCode").asInt()).isIn(0, 3);
		assertThat(run.get("launchedBy").asString()).isEqualTo("officer");
		assertThat(run.get("session").asString()).isEqualTo("T1");
		assertThat(run.get("percent").asInt()).isEqualTo(100);
		List<String> steps = run.get("steps").valueStream().map((step) -> step.get("name").asString()).toList();
		assertThat(steps).containsExactly("loadProgramme", "ingest", "crossCheck", "aggregate", "writeWorkbooks",
				"writeReports", "publish");
		assertThat(run.get("steps").get(1).get("read").asLong()).isPositive();
		assertThat(run.get("lines").toString()).contains("Published OUTPUT/T1").doesNotContain(dir.toString());
	}

	@Test
	@Order(2)
	void theSameLaunchAgainAnswers200WithTheCurrentRun() throws Exception {
		HttpResponse<String> again = console.post("/api/runs", Role.OFFICER,
				"{\"asOf\": \"2019-06-30\", \"lang\": [\"en\", \"ar\"]}");
		assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
		JsonNode run = ConsoleServer.json(again);
		assertThat(run.get("current").asBoolean()).isTrue();
		assertThat(run.get("status").asString()).isEqualTo("COMPLETED");
	}

	@Test
	@Order(3)
	void everyPublishedFileIsServedByteForByteWithItsDigest() throws Exception {
		Manifest manifest = JsonFiles.read(console.output.resolve("T1").resolve("manifest.json"), Manifest.class);
		JsonNode files = ConsoleServer.json(console.get("/api/sessions/T1/files", Role.VIEWER));
		assertThat(files.valueStream().map((file) -> file.get("name").asString()).toList())
			.containsExactlyElementsOf(manifest.outputs().stream().map(Manifest.FileEntry::file).toList());
		for (Manifest.FileEntry entry : manifest.outputs()) {
			HttpResponse<byte[]> file = console.bytes("/api/sessions/T1/files/" + entry.file(), Role.VIEWER);
			assertThat(file.statusCode()).as(entry.file()).isEqualTo(200);
			assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(file.body())))
				.as(entry.file())
				.isEqualTo(entry.sha256());
			assertThat(file.body()).isEqualTo(Files.readAllBytes(console.output.resolve("T1").resolve(entry.file())));
			assertThat(file.headers().firstValue("ETag")).hasValue("\"" + entry.sha256() + "\"");
			assertThat(file.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment;")
				.contains("filename=\"" + entry.file() + "\"");
		}
		HttpResponse<byte[]> pdf = console.bytes("/api/sessions/T1/files/alpha.ar.pdf", Role.VIEWER);
		assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
		String etag = pdf.headers().firstValue("ETag").orElseThrow();
		HttpResponse<String> cached = console.send(console.request("/api/sessions/T1/files/alpha.ar.pdf", Role.VIEWER)
			.header("If-None-Match", etag)
			.GET()
			.build());
		assertThat(cached.statusCode()).isEqualTo(304);
		assertThat(cached.body()).isEmpty();
	}

	@Test
	@Order(4)
	void nothingOutsideTheManifestIsServed() throws Exception {
		Path session = console.output.resolve("T1");
		Files.writeString(session.resolve("extra.txt"), "not published");
		Path outside = dir.resolve("secret.txt");
		Files.writeString(outside, "secret");
		for (String name : List.of("extra.txt", "manifest.json", "..%2F..%2Fsecret.txt", "%2e%2e", "..",
				"..%5Csecret.txt", "alpha.ar.pdf%00.txt")) {
			HttpResponse<String> response = console.get("/api/sessions/T1/files/" + name, Role.ADMIN);
			assertThat(response.statusCode()).as(name).isIn(400, 404);
			assertThat(response.body()).as(name).doesNotContain("secret", "not published", dir.toString());
		}
		HttpResponse<String> otherSession = console.get("/api/sessions/..%2Fin/files", Role.ADMIN);
		assertThat(otherSession.statusCode()).isIn(400, 404);

		// a published file replaced by a link to a file outside is not followed
		Path pdf = session.resolve("beta.en.pdf");
		byte[] original = Files.readAllBytes(pdf);
		Files.delete(pdf);
		Files.createSymbolicLink(pdf, outside);
		try {
			HttpResponse<String> linked = console.get("/api/sessions/T1/files/beta.en.pdf", Role.ADMIN);
			assertThat(linked.statusCode()).isEqualTo(404);
			assertThat(linked.body()).doesNotContain("secret");
		}
		finally {
			Files.delete(pdf);
			Files.write(pdf, original);
			Files.delete(session.resolve("extra.txt"));
		}
	}

	@Test
	@Order(5)
	void rejectsComePagedWithFileLineColumnValueAndReason() throws Exception {
		JsonNode all = ConsoleServer.json(console.get("/api/sessions/T1/rejects?size=1000", Role.VIEWER));
		int total = all.get("total").asInt();
		List<String> lines = Files.readAllLines(console.output.resolve("T1").resolve("rejects.csv"));
		assertThat(total).isEqualTo(all.get("rows").size()).isPositive();
		JsonNode first = all.get("rows").get(0);
		assertThat(lines.get(1)).startsWith(first.get("file").asString() + "," + first.get("line").asString() + ",");
		assertThat(first.get("reason").asString()).isNotBlank();

		JsonNode second = ConsoleServer.json(console.get("/api/sessions/T1/rejects?page=2&size=1", Role.VIEWER));
		assertThat(second.get("rows")).hasSize(1);
		assertThat(second.get("rows").get(0)).isEqualTo(all.get("rows").get(1));
		assertThat(console.get("/api/sessions/T1/rejects?size=0", Role.VIEWER).statusCode()).isEqualTo(400);
		assertThat(console.get("/api/sessions/NOPE/rejects", Role.VIEWER).statusCode()).isEqualTo(404);
	}

	@Test
	@Order(6)
	void theDiffComparesTheLastTwoPublications() throws Exception {
		HttpResponse<String> forced = console.post("/api/runs", Role.OFFICER,
				"{\"asOf\": \"2019-12-31\", \"lang\": [\"en\"]}");
		assertThat(forced.statusCode()).as(forced.body()).isEqualTo(202);
		assertThat(console.awaitEnd(forced.headers().firstValue("Location").orElseThrow(), Duration.ofMinutes(2))
			.get("status")
			.asString()).isEqualTo("COMPLETED");
		JsonNode diff = ConsoleServer.json(console.get("/api/sessions/T1/diff", Role.VIEWER));
		assertThat(diff.get("text").asString()).contains("2019-06-30", "2019-12-31").doesNotContain(dir.toString());
	}

	@Test
	@Order(7)
	void badRequestsGetProblemDetailsWithoutInternals() throws Exception {
		List<HttpResponse<String>> answers = List.of(
				console.post("/api/runs", Role.OFFICER, "{\"asOf\": \"30/06/2019\"}"),
				console.post("/api/runs", Role.OFFICER, "{\"lang\": [\"de\"]}"),
				console.post("/api/runs", Role.OFFICER, "{\"asOf\": \"0000-01-01\"}"),
				console.post("/api/runs", Role.OFFICER, "{not json"), console.get("/api/runs/99999", Role.VIEWER),
				console.get("/api/runs/abc", Role.VIEWER), console.post("/api/runs/99999/stop", Role.OFFICER, null),
				console.get("/api/nothing-here", Role.VIEWER), console.get("/api/sessions/NOPE/files", Role.VIEWER));
		List<Integer> statuses = answers.stream().map(HttpResponse::statusCode).toList();
		assertThat(statuses).containsExactly(400, 400, 400, 400, 404, 400, 404, 404, 404);
		for (HttpResponse<String> answer : answers) {
			assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
			JsonNode problem = ConsoleServer.json(answer);
			assertThat(problem.get("status").asInt()).isEqualTo(answer.statusCode());
			assertThat(problem.get("title").asString()).isNotBlank();
			assertThat(problem.get("detail").asString()).isNotBlank();
			assertThat(answer.body()).doesNotContain("Exception", "at org.", "at java.", dir.toString(), "/tmp/",
					"tools.jackson", "org.springframework");
		}
	}

	@Test
	@Order(8)
	void aCommandLineRunOnTheServedFolderIsBusyAndNamesTheConsole() throws Exception {
		int code = ChildJvm.run(dir.resolve("cli.log"), "256m", "--input=" + console.input,
				"--output=" + console.output, "--as-of=2019-06-30");
		assertThat(code).isEqualTo(4);
		assertThat(Files.readString(dir.resolve("cli.log"))).contains("is served by the console (pid",
				"http://127.0.0.1:");
	}

	@Test
	@Order(9)
	void adminsReadTheJobAndStepTimersAtPrometheus() throws Exception {
		HttpResponse<String> metrics = console.get("/actuator/prometheus", Role.ADMIN);
		assertThat(metrics.statusCode()).isEqualTo(200);
		assertThat(metrics.body()).contains("spring_batch_job", "spring_batch_step", "jvm_memory_used_bytes");
		// no timer per item or chunk (docs/console.md#speed): they about doubled a long
		// ingest
		assertThat(metrics.body()).doesNotContain("spring_batch_item", "spring_batch_chunk");
		assertThat(console.get("/actuator/prometheus", Role.OFFICER).statusCode()).isEqualTo(403);
		HttpResponse<String> health = console.get("/actuator/health", null);
		assertThat(health.statusCode()).isEqualTo(200);
		assertThat(health.body()).contains("\"UP\"");
	}

	@Test
	@Order(10)
	void repeatedWrongPasswordsLockTheNameForAWhile() throws Exception {
		for (int i = 0; i < 5; i++) {
			HttpResponse<String> wrong = console.send(console.request("/api/runs", null)
				.header("Authorization", ConsoleServer.basic("viewer", "wrong-password-" + i))
				.GET()
				.build());
			assertThat(wrong.statusCode()).isEqualTo(401);
		}
		HttpResponse<String> right = console.get("/api/runs", Role.VIEWER);
		assertThat(right.statusCode()).as("the right password, after five wrong ones").isEqualTo(401);
		assertThat(console.get("/api/runs", Role.OFFICER).statusCode()).as("another name from the same address")
			.isEqualTo(401);
		assertThat(Files.readString(console.output.resolve(".cst-reports").resolve("audit.log"))).contains("\tviewer\t",
				"login-failed", "login-refused", "\tlaunch\trun 1", "\tdownload\tT1/");
	}

}
