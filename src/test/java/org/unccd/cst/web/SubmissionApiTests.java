package org.unccd.cst.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unccd.cst.TestInputs;
import org.unccd.cst.console.ConsoleUsers;
import org.unccd.cst.console.Role;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Submissions through the JSON API of a real console (docs/submissions.md, "Submissions
 * in the console"): an upload is checked at once with its rejected rows, submitted into
 * {@code INPUT/progress/} under a name of the server's, recorded and audited; hostile,
 * corrupt, non-UTF-8 and non-data files, too large or too many uploads and rows outside a
 * scope are refused and nothing of them is kept; a submission never overwrites, and a
 * replacement keeps the earlier file.
 */
class SubmissionApiTests {

	private static final String PASSWORD = "a-long-enough-password";

	@TempDir
	static Path dir;

	static ConsoleServer console;

	static Path progress;

	static Path uploads;

	static final String UNFINISHED = "0123456789abcdef0123456789abcdef";

	@Test
	void anUploadCutShortBeforeTheConsoleStartedIsGone() {
		assertThat(uploads.resolve(UNFINISHED)).doesNotExist();
	}

	@BeforeAll
	static void start() throws Exception {
		Path input = TestInputs.write(dir.resolve("in"));
		Path output = dir.resolve("out");
		// an upload cut short by a console that stopped while it checked it
		Path cutShort = output.resolve(".cst-reports/uploads/" + UNFINISHED);
		Files.createDirectories(cutShort);
		Files.writeString(cutShort.resolve("progress-1.csv"), "outcome,date,status\n");
		console = ConsoleServer.start(List.of("-Dspring.servlet.multipart.max-file-size=256KB",
				"-Dcst.console.submissions.max-files=3", "-Dcst.console.submissions.max-pending=2"), input, output,
				dir.resolve("console.log"));
		ConsoleUsers users = new ConsoleUsers(ConsoleUsers.defaultFile(output));
		users.add("scoped", Role.CONTRIBUTOR, PASSWORD.toCharArray(), List.of("A.1"));
		users.add("filler", Role.CONTRIBUTOR, PASSWORD.toCharArray());
		progress = input.resolve("progress");
		uploads = output.resolve(".cst-reports/uploads");
	}

	@AfterAll
	static void stop() throws Exception {
		console.close();
	}

	/** A part of a multipart upload: a file of that name and content. */
	record Part(String field, String filename, byte[] content) {

		static Part file(String filename, String content) {
			return new Part("file", filename, content.getBytes(StandardCharsets.UTF_8));
		}

	}

	static HttpResponse<String> upload(String user, List<Part> parts) throws Exception {
		String boundary = "----cst" + System.nanoTime();
		HttpRequest request = console.request("/api/submissions", null)
			.header("Authorization", authorization(user))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(multipart(boundary, parts)))
			.build();
		return console.send(request);
	}

	static byte[] multipart(String boundary, List<Part> parts) {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		for (Part part : parts) {
			body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + part.field() + "\""
					+ ((part.filename() != null) ? "; filename=\"" + part.filename() + "\"" : "")
					+ "\r\nContent-Type: application/octet-stream\r\n\r\n")
				.getBytes(StandardCharsets.UTF_8));
			body.writeBytes(part.content());
			body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
		}
		body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return body.toByteArray();
	}

	static HttpResponse<String> call(String method, String path, String user) throws Exception {
		return console.send(console.request(path, null)
			.header("Authorization", authorization(user))
			.method(method, HttpRequest.BodyPublishers.noBody())
			.build());
	}

	private static String authorization(String user) {
		return user.equals("contributor") ? ConsoleServer.basic(Role.CONTRIBUTOR) : ConsoleServer.basic(user, PASSWORD);
	}

	private static List<String> listing(Path folder) throws IOException {
		if (!Files.isDirectory(folder)) {
			return List.of();
		}
		try (Stream<Path> files = Files.list(folder)) {
			return files.map((file) -> file.getFileName().toString()).sorted().toList();
		}
	}

	private static String audit() throws IOException {
		return Files.readString(console.output.resolve(".cst-reports/audit.log"));
	}

	private static String sha256(byte[] bytes) throws Exception {
		return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
	}

	private static void assertNoPath(HttpResponse<String> response) {
		assertThat(response.body()).doesNotContain(dir.toString(), "Exception", "uploads/");
	}

	@Test
	void anUploadShowsItsRejectsAtOnceAndSubmittingStoresItUnderANameOfTheServers() throws Exception {
		String content = """
				outcome,date,status,percent,summary
				A.1-y,2021-03-05,completed,100,Done again
				A.1-z,2021-03-06,in_progress,10,Unknown outcome
				B-x,2021-03-07,in_progress,150,Too much
				""";
		List<String> before = listing(progress);
		HttpResponse<String> checked = upload("contributor", List.of(Part.file("../../progress-march.csv", content)));
		assertThat(checked.statusCode()).as(checked.body()).isEqualTo(201);
		assertNoPath(checked);
		JsonNode check = ConsoleServer.json(checked);
		assertThat(check.get("read").asLong()).isEqualTo(3);
		assertThat(check.get("accepted").asLong()).isEqualTo(1);
		assertThat(check.get("rejected").asLong()).isEqualTo(2);
		JsonNode first = check.get("rejects").get(0);
		assertThat(first.get("file").asString()).isEqualTo("progress-march.csv");
		assertThat(first.get("line").asLong()).isEqualTo(3);
		assertThat(first.get("column").asString()).isEqualTo("outcome");
		assertThat(first.get("value").asString()).isEqualTo("A.1-z");
		assertThat(first.get("reason").asString()).isEqualTo("unknown outcome \"A.1-z\"");
		assertThat(check.get("rejects").get(1).get("reason").asString())
			.isEqualTo("percent \"150\" is not between 0 and 100");
		assertThat(check.get("files").get(0).get("sha256").asString())
			.isEqualTo(sha256(content.getBytes(StandardCharsets.UTF_8)));
		// checked, not yet submitted: the input folder is as it was, nothing outside it
		assertThat(listing(progress)).isEqualTo(before);
		assertThat(dir.resolve("progress-march.csv")).doesNotExist();
		assertThat(audit()).contains("\tcontributor\t127.0.0.1\tupload\t");

		String location = checked.headers().firstValue("Location").orElseThrow();
		HttpResponse<String> submitted = call("POST", location, "contributor");
		assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(201);
		assertNoPath(submitted);
		JsonNode submission = ConsoleServer.json(submitted).get("submissions").get(0);
		String stored = submission.get("storedName").asString();
		assertThat(stored).matches("progress-submitted-\\d{8}-\\d{6}-contributor-\\d+\\.csv");
		assertThat(submission.get("uploadedName").asString()).isEqualTo("progress-march.csv");
		assertThat(Files.readString(progress.resolve(stored))).isEqualTo(content);
		List<String> after = new ArrayList<>(before);
		after.add(stored);
		assertThat(listing(progress)).containsExactlyInAnyOrderElementsOf(after);
		assertThat(listing(uploads)).doesNotContain(check.get("id").asString());
		String sha = sha256(content.getBytes(StandardCharsets.UTF_8));
		assertThat(audit())
			.contains("\tcontributor\t127.0.0.1\tsubmission\tsubmission " + submission.get("number").asInt() + ": "
					+ stored + " (uploaded as progress-march.csv), sha256 " + sha + ", 1 rows accepted, 2 rejected");
		assertThat(Files.readString(console.output.resolve(".cst-reports/submissions.jsonl")))
			.contains("\"storedName\":\"" + stored + "\"", "\"sha256\":\"" + sha + "\"", "\"user\":\"contributor\"");
		JsonNode list = ConsoleServer.json(call("GET", "/api/submissions", "contributor"));
		assertThat(list.get("submissions").toString()).contains(stored);
		// submitted once: a second submit of the same upload finds nothing
		assertThat(call("POST", location, "contributor").statusCode()).isEqualTo(404);
	}

	@Test
	void aFilledTemplateIsCheckedSheetBySheetAndStoredAsAWorkbook() throws Exception {
		Path template = org.unccd.cst.submission.Submissions
			.writeTemplates(console.input, dir.resolve("templates"), List.of("en"))
			.orElseThrow()
			.get(0);
		byte[] filled;
		try (XSSFWorkbook book = new XSSFWorkbook(Files.newInputStream(template));
				ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			var progressRow = book.getSheet("progress").createRow(1);
			progressRow.createCell(0).setCellValue(java.time.LocalDate.of(2021, 3, 15));
			progressRow.getCell(0).setCellStyle(book.getSheet("progress").getColumnStyle(0));
			progressRow.createCell(1).setCellValue("A.1-x");
			progressRow.createCell(2).setCellValue("in_progress");
			progressRow.createCell(3).setCellValue(70);
			var findingRow = book.getSheet("findings").createRow(1);
			findingRow.createCell(0).setCellValue("A.1-y");
			findingRow.createCell(1).setCellValue("A finding from the template.");
			var wrongRow = book.getSheet("findings").createRow(2);
			wrongRow.createCell(0).setCellValue("Z-9");
			wrongRow.createCell(1).setCellValue("An outcome the programme does not have.");
			book.write(out);
			filled = out.toByteArray();
		}
		HttpResponse<String> checked = upload("contributor",
				List.of(new Part("file", "T1 template (filled).xlsx", filled)));
		assertThat(checked.statusCode()).as(checked.body()).isEqualTo(201);
		JsonNode check = ConsoleServer.json(checked);
		assertThat(check.get("read").asLong()).isEqualTo(3);
		assertThat(check.get("accepted").asLong()).isEqualTo(2);
		JsonNode reject = check.get("rejects").get(0);
		assertThat(reject.get("file").asString()).isEqualTo("T1 template (filled).xlsx!findings");
		assertThat(reject.get("line").asLong()).isEqualTo(3);
		assertThat(reject.get("reason").asString()).isEqualTo("unknown outcome \"Z-9\"");
		HttpResponse<String> submitted = call("POST", checked.headers().firstValue("Location").orElseThrow(),
				"contributor");
		assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(201);
		String stored = ConsoleServer.json(submitted).get("submissions").get(0).get("storedName").asString();
		assertThat(stored).matches("workbook-submitted-\\d{8}-\\d{6}-contributor-\\d+\\.xlsx");
		assertThat(Files.readAllBytes(progress.resolve(stored))).isEqualTo(filled);
	}

	@Test
	void hostileCorruptAndNonDataFilesAreRefusedAndNothingOfThemIsKept() throws Exception {
		List<String> before = listing(progress);
		List<Part> hostile = List.of(new Part("file", "bomb.xlsx", zipBomb()),
				new Part("file", "xxe.xlsx", externalEntity()),
				new Part("file", "corrupt.xlsx", "PK\u0003\u0004 not a workbook".getBytes(StandardCharsets.UTF_8)),
				new Part("file", "findings-bytes.csv",
						concat("outcome,text\nA.1-x,caf".getBytes(StandardCharsets.UTF_8), new byte[] { (byte) 0xe9 },
								"\n".getBytes(StandardCharsets.UTF_8))),
				new Part("file", "findings-utf16.csv", "outcome,text\nA.1-x,x\n".getBytes(StandardCharsets.UTF_16)),
				Part.file("notes.txt", "outcome,text\n"), Part.file("data.csv", "outcome,text\nA.1-x,x\n"),
				Part.file("progress-empty.csv", ""), new Part("file", "findings-nosheet.xlsx", workbook("Sheet1")));
		List<String> refusals = List.of("UNREADABLE", "UNREADABLE", "UNREADABLE", "NOT_UTF8", "UNREADABLE", "NOT_DATA",
				"NOT_DATA", "EMPTY", "UNREADABLE");
		for (int i = 0; i < hostile.size(); i++) {
			HttpResponse<String> refused = upload("contributor", List.of(hostile.get(i)));
			String name = hostile.get(i).filename();
			assertThat(refused.statusCode()).as(name + ": " + refused.body()).isEqualTo(422);
			assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
			assertNoPath(refused);
			assertThat(refused.body()).doesNotContain("root:x:0:0");
			JsonNode problem = ConsoleServer.json(refused);
			assertThat(problem.get("refusal").asString()).as(name).isEqualTo(refusals.get(i));
			assertThat(problem.get("kept").asBoolean()).isFalse();
			assertThat(problem.get("detail").asString()).as(name).contains(name);
			assertThat(listing(progress)).as(name).isEqualTo(before);
			assertThat(listing(uploads)).as(name).isEmpty();
		}
		JsonNode bomb = ConsoleServer.json(upload("contributor", List.of(hostile.get(0))));
		assertThat(bomb.get("check").get("rejects").get(0).get("reason").asString())
			.startsWith("the workbook cannot be read");
		JsonNode bytes = ConsoleServer.json(upload("contributor", List.of(hostile.get(3))));
		assertThat(bytes.get("check").get("rejects").get(0).get("reason").asString())
			.isEqualTo("invalid UTF-8 in \"text\"");
		assertThat(audit()).contains("\tupload-refused\t\"xxe.xlsx\" cannot be read as a table");
	}

	@Test
	void anUploadLargerThanTheLimitIsRefusedWith413AndNothingIsKept() throws Exception {
		List<String> before = listing(progress);
		String big = "outcome,date,status\n" + "A.1-x,2021-03-01,in_progress\n".repeat(10_000);
		HttpResponse<String> refused = upload("contributor", List.of(Part.file("progress-big.csv", big)));
		assertThat(refused.statusCode()).isEqualTo(413);
		assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(ConsoleServer.json(refused).get("detail").asString()).contains("larger than the console takes");
		assertThat(listing(progress)).isEqualTo(before);
		assertThat(listing(uploads)).isEmpty();
	}

	@Test
	void tooManyFilesAndTooManyUploadsWaitingAreRefused() throws Exception {
		Part one = Part.file("findings-a.csv", "outcome,text\nA.1-x,One\n");
		HttpResponse<String> many = upload("filler", List.of(one, one, one, one));
		assertThat(many.statusCode()).isEqualTo(400);
		assertThat(ConsoleServer.json(many).get("refusal").asString()).isEqualTo("TOO_MANY_FILES");
		assertThat(ConsoleServer.json(many).get("detail").asString()).isEqualTo("Upload at most 3 files at a time.");
		HttpResponse<String> none = upload("filler", List.of());
		assertThat(none.statusCode()).isEqualTo(400);
		assertThat(ConsoleServer.json(none).get("refusal").asString()).isEqualTo("NO_FILE");

		String first = ConsoleServer.json(upload("filler", List.of(one))).get("id").asString();
		assertThat(upload("filler", List.of(one)).statusCode()).isEqualTo(201);
		HttpResponse<String> third = upload("filler", List.of(one));
		assertThat(third.statusCode()).isEqualTo(409);
		assertThat(ConsoleServer.json(third).get("refusal").asString()).isEqualTo("TOO_MANY_PENDING");
		assertThat(ConsoleServer.json(call("GET", "/api/submissions", "filler")).get("pending")).hasSize(2);
		// another user neither sees, submits nor discards them
		assertThat(ConsoleServer.json(call("GET", "/api/submissions", "contributor")).get("pending")).isEmpty();
		assertThat(call("POST", "/api/submissions/" + first, "contributor").statusCode()).isEqualTo(404);
		assertThat(call("DELETE", "/api/submissions/" + first, "contributor").statusCode()).isEqualTo(404);
		assertThat(call("POST", "/api/submissions/..%2F..%2Fetc", "filler").statusCode()).isIn(400, 404);
		for (JsonNode pending : ConsoleServer.json(call("GET", "/api/submissions", "filler")).get("pending")) {
			assertThat(call("DELETE", "/api/submissions/" + pending.get("id").asString(), "filler").statusCode())
				.isEqualTo(204);
		}
		assertThat(listing(uploads)).isEmpty();
		assertThat(audit()).contains("\tfiller\t127.0.0.1\tupload-discarded\tupload " + first);
	}

	@Test
	void aScopedContributorSubmitsRowsOfItsScopeOnly() throws Exception {
		HttpResponse<String> outside = upload("scoped", List.of(Part.file("progress-scope.csv", """
				outcome,date,status,percent
				A.1-x,2021-03-10,in_progress,60
				B-x,2021-03-10,in_progress,20
				""")));
		assertThat(outside.statusCode()).as(outside.body()).isEqualTo(422);
		JsonNode problem = ConsoleServer.json(outside);
		assertThat(problem.get("refusal").asString()).isEqualTo("OUT_OF_SCOPE");
		JsonNode reject = problem.get("check").get("rejects").get(0);
		assertThat(reject.get("line").asLong()).isEqualTo(3);
		assertThat(reject.get("value").asString()).isEqualTo("B-x");
		assertThat(reject.get("reason").asString()).startsWith("outcome \"B-x\" is outside your scope (A.1)");
		HttpResponse<String> funding = upload("scoped", List.of(Part.file("funding-scope.csv", """
				date,source,amount,status,reference
				2021-03-01,extrabudgetary,100,received,F-9
				""")));
		assertThat(ConsoleServer.json(funding).get("check").get("rejects").get(0).get("reason").asString())
			.startsWith("funding rows belong to the whole programme");
		HttpResponse<String> report = upload("scoped", List.of(Part.file("recommendations-scope.csv", """
				report,text
				alpha,Outside A.1
				""")));
		assertThat(ConsoleServer.json(report).get("refusal").asString()).isEqualTo("OUT_OF_SCOPE");
		assertThat(listing(uploads)).isEmpty();

		// a row outside the scope after more rejects than an upload shows still refuses
		// it
		String many = "outcome,date,status\n" + "A.1-x,not a date,in_progress\n".repeat(1_200)
				+ "B-x,2021-03-10,in_progress\n";
		HttpResponse<String> late = upload("scoped", List.of(Part.file("progress-many.csv", many)));
		assertThat(late.statusCode()).isEqualTo(422);
		assertThat(ConsoleServer.json(late).get("refusal").asString()).isEqualTo("OUT_OF_SCOPE");
		assertThat(ConsoleServer.json(late).get("check").get("rejected").asLong()).isEqualTo(1_201);
		assertThat(listing(uploads)).isEmpty();

		HttpResponse<String> inside = upload("scoped", List.of(Part.file("progress-scope.csv", """
				outcome,date,status,percent
				A.1-x,2021-03-10,in_progress,60
				""")));
		assertThat(inside.statusCode()).as(inside.body()).isEqualTo(201);
		assertThat(ConsoleServer.json(inside).get("accepted").asLong()).isEqualTo(1);
		assertThat(call("DELETE", inside.headers().firstValue("Location").orElseThrow(), "scoped").statusCode())
			.isEqualTo(204);
	}

	@Test
	void aSubmissionNeverOverwritesAndAReplacementKeepsTheEarlierFile() throws Exception {
		String header = "date,budget_line,work_item,amount,currency,reference,description\n";
		String original = header + "2021-03-10,L1,A.1,100,,S-1,First version\n";
		JsonNode a = submit("contributor", List.of(Part.file("expenditures-s.csv", original)), null);
		JsonNode b = submit("contributor",
				List.of(Part.file("expenditures-s.csv", header + "2021-03-11,L1,A.1,50,,S-2,Other\n")), null);
		String storedA = a.get("storedName").asString();
		String storedB = b.get("storedName").asString();
		assertThat(storedB).isNotEqualTo(storedA);
		assertThat(Files.readString(progress.resolve(storedA))).isEqualTo(original);

		// a corrected file sent as new repeats the reference: the check says so
		String corrected = header + "2021-03-10,L1,A.1,120,,S-1,Corrected version\n";
		HttpResponse<String> again = upload("contributor", List.of(Part.file("expenditures-s.csv", corrected)));
		JsonNode duplicate = ConsoleServer.json(again).get("rejects").get(0);
		assertThat(duplicate.get("reason").asString())
			.isEqualTo("duplicate reference \"S-1\" (first at progress/" + storedA + ":2)");
		assertThat(call("DELETE", again.headers().firstValue("Location").orElseThrow(), "contributor").statusCode())
			.isEqualTo(204);

		// another contributor cannot replace it; its submitter can, explicitly
		HttpResponse<String> notTheirs = upload("filler", List.of(Part.file("expenditures-s.csv", corrected),
				new Part("replaces", null, a.get("number").asString().getBytes(StandardCharsets.UTF_8))));
		assertThat(notTheirs.statusCode()).isEqualTo(409);
		JsonNode c = submit("contributor", List.of(Part.file("expenditures-s.csv", corrected)),
				a.get("number").asInt());
		assertThat(c.get("rejected").asLong()).isZero();
		assertThat(c.get("replaces").asInt()).isEqualTo(a.get("number").asInt());
		assertThat(progress.resolve(storedA)).doesNotExist();
		assertThat(Files.readString(progress.resolve(c.get("storedName").asString()))).isEqualTo(corrected);
		assertThat(Files.readString(console.output.resolve(".cst-reports/submissions/replaced/" + storedA)))
			.isEqualTo(original);
		assertThat(progress.resolve(storedB)).exists();
		JsonNode listed = ConsoleServer.json(call("GET", "/api/submissions", "contributor")).get("submissions");
		for (JsonNode submission : listed) {
			if (submission.get("number").asInt() == a.get("number").asInt()) {
				assertThat(submission.get("replacedBy").asInt()).isEqualTo(c.get("number").asInt());
			}
		}
		assertThat(audit()).contains("\tsubmission-replaced\tsubmission " + a.get("number").asInt() + ": " + storedA
				+ " replaced by submission " + c.get("number").asInt());
		// replaced once: not again
		HttpResponse<String> twice = upload("contributor", List.of(Part.file("expenditures-s.csv", corrected),
				new Part("replaces", null, a.get("number").asString().getBytes(StandardCharsets.UTF_8))));
		assertThat(twice.statusCode()).isEqualTo(409);
		assertThat(ConsoleServer.json(twice).get("refusal").asString()).isEqualTo("REPLACE_INVALID");
	}

	@Test
	void whileARunHoldsTheOutputFolderASubmissionWaits() throws Exception {
		HttpResponse<String> checked = upload("contributor",
				List.of(Part.file("findings-busy.csv", "outcome,text\nA.1-x,While a run reads the input\n")));
		String location = checked.headers().firstValue("Location").orElseThrow();
		List<String> before = listing(progress);
		try (var held = org.unccd.cst.publish.OutputLock.tryAcquire(console.output).orElseThrow()) {
			HttpResponse<String> busy = call("POST", location, "contributor");
			assertThat(busy.statusCode()).isEqualTo(409);
			assertThat(ConsoleServer.json(busy).get("refusal").asString()).isEqualTo("BUSY");
			assertThat(ConsoleServer.json(busy).get("detail").asString())
				.isEqualTo("A run is reading the input folder: submit when it has ended; the upload waits until then.");
			assertThat(listing(progress)).isEqualTo(before);
		}
		HttpResponse<String> submitted = call("POST", location, "contributor");
		assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(201);
		assertThat(listing(progress)).hasSize(before.size() + 1);
	}

	@Test
	void thePageFormSaysWhenAnUploadIsTooLargeAndRefusesAFormWithoutItsToken() throws Exception {
		java.net.http.HttpClient browser = ConsoleServer.browserLike();
		String token = signIn(browser);
		List<String> before = listing(progress);
		String big = "outcome,date,status\n" + "A.1-x,2021-03-01,in_progress\n".repeat(10_000);
		HttpResponse<String> tooLarge = browser.send(form(List
			.of(new Part("_csrf", null, token.getBytes(StandardCharsets.UTF_8)), Part.file("progress-big.csv", big))),
				HttpResponse.BodyHandlers.ofString());
		assertThat(tooLarge.statusCode()).isEqualTo(303);
		assertThat(tooLarge.headers().firstValue("Location").orElseThrow()).endsWith("/submissions?done=tooLarge");
		HttpResponse<String> page = browser.send(
				HttpRequest.newBuilder(java.net.URI.create(console.base + "/submissions?done=tooLarge")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(page.body()).contains("The upload was larger than the console takes, or could not be read");
		String small = "outcome,date,status\nA.1-x,2021-03-01,in_progress\n";
		HttpResponse<String> forged = browser.send(form(List.of(Part.file("progress-forged.csv", small))),
				HttpResponse.BodyHandlers.ofString());
		assertThat(forged.statusCode()).isEqualTo(403);
		HttpResponse<String> good = browser
			.send(form(List.of(new Part("_csrf", null, token.getBytes(StandardCharsets.UTF_8)),
					Part.file("progress-form.csv", small))), HttpResponse.BodyHandlers.ofString());
		assertThat(good.statusCode()).isEqualTo(302);
		String checkPage = good.headers().firstValue("Location").orElseThrow();
		assertThat(checkPage).matches(".*/submissions/uploads/[0-9a-f]{32}");
		HttpResponse<String> check = browser.send(HttpRequest
			.newBuilder(java.net.URI.create(console.base + checkPage.replaceFirst("^https?://[^/]+", "")))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(check.body()).contains("1 rows read, 1 accepted, 0 rejected", "progress-form.csv");
		assertThat(listing(progress)).isEqualTo(before);
		String id = checkPage.substring(checkPage.lastIndexOf('/') + 1);
		assertThat(call("DELETE", "/api/submissions/" + id, "contributor").statusCode()).isEqualTo(204);
		assertThat(listing(uploads)).isEmpty();
	}

	private static HttpRequest form(List<Part> parts) {
		String boundary = "----cst" + System.nanoTime();
		return HttpRequest.newBuilder(java.net.URI.create(console.base + "/submissions"))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(multipart(boundary, parts)))
			.build();
	}

	/** Signs in as the contributor through the form; the CSRF token of the session. */
	private static String signIn(java.net.http.HttpClient browser) throws Exception {
		java.util.regex.Pattern csrf = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
		String login = browser
			.send(HttpRequest.newBuilder(java.net.URI.create(console.base + "/login")).build(),
					HttpResponse.BodyHandlers.ofString())
			.body();
		java.util.regex.Matcher matcher = csrf.matcher(login);
		assertThat(matcher.find()).isTrue();
		String form = "username=contributor&password="
				+ java.net.URLEncoder.encode(ConsoleServer.password(Role.CONTRIBUTOR), StandardCharsets.UTF_8)
				+ "&_csrf=" + java.net.URLEncoder.encode(matcher.group(1), StandardCharsets.UTF_8);
		HttpResponse<String> signedIn = browser
			.send(HttpRequest.newBuilder(java.net.URI.create(console.base + "/login"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(form))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(signedIn.statusCode()).isEqualTo(302);
		String page = browser
			.send(HttpRequest.newBuilder(java.net.URI.create(console.base + "/submissions")).build(),
					HttpResponse.BodyHandlers.ofString())
			.body();
		matcher = csrf.matcher(page);
		assertThat(matcher.find()).isTrue();
		return matcher.group(1);
	}

	/** Uploads and submits; the submission. */
	private static JsonNode submit(String user, List<Part> parts, Integer replaces) throws Exception {
		List<Part> all = new ArrayList<>(parts);
		if (replaces != null) {
			all.add(new Part("replaces", null, String.valueOf(replaces).getBytes(StandardCharsets.UTF_8)));
		}
		HttpResponse<String> checked = upload(user, all);
		assertThat(checked.statusCode()).as(checked.body()).isEqualTo(201);
		HttpResponse<String> submitted = call("POST", checked.headers().firstValue("Location").orElseThrow(), user);
		assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(201);
		return ConsoleServer.json(submitted).get("submissions").get(0);
	}

	/** A workbook whose one sheet inflates far beyond its size: POI refuses it. */
	private static byte[] zipBomb() throws IOException {
		return rewrite(workbook("findings"), "xl/worksheets/sheet1.xml",
				(xml) -> xml.replace("<sheetData>", "<sheetData>" + " ".repeat(20_000_000)));
	}

	/** A workbook whose strings declare an external entity pointing at a local file. */
	private static byte[] externalEntity() throws IOException {
		return rewrite(workbook("findings"), "xl/sharedStrings.xml",
				(xml) -> xml
					.replaceFirst("<\\?xml[^>]*\\?>",
							"<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>")
					.replace("A.1-x", "&e;"));
	}

	private static byte[] workbook(String sheetName) throws IOException {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			var sheet = workbook.createSheet(sheetName);
			var header = sheet.createRow(0);
			header.createCell(0).setCellValue("outcome");
			header.createCell(1).setCellValue("text");
			var row = sheet.createRow(1);
			row.createCell(0).setCellValue("A.1-x");
			row.createCell(1).setCellValue("from a workbook");
			workbook.write(out);
			return out.toByteArray();
		}
	}

	private static byte[] rewrite(byte[] zip, String entryName, java.util.function.UnaryOperator<String> change)
			throws IOException {
		Path source = Files.createTempFile(dir, "workbook", ".xlsx");
		Files.write(source, zip);
		ByteArrayOutputStream target = new ByteArrayOutputStream();
		try (ZipFile in = new ZipFile(source.toFile()); ZipOutputStream zipOut = new ZipOutputStream(target)) {
			for (ZipEntry entry : java.util.Collections.list(in.entries())) {
				byte[] content = in.getInputStream(entry).readAllBytes();
				if (entry.getName().equals(entryName)) {
					String xml = new String(content, StandardCharsets.UTF_8);
					if (!xml.contains("<sheetData>")) {
						xml = xml.replace("<sheetData/>", "<sheetData></sheetData>");
					}
					content = change.apply(xml).getBytes(StandardCharsets.UTF_8);
				}
				zipOut.putNextEntry(new ZipEntry(entry.getName()));
				zipOut.write(content);
				zipOut.closeEntry();
			}
		}
		Files.delete(source);
		return target.toByteArray();
	}

	private static byte[] concat(byte[]... parts) {
		ByteArrayOutputStream all = new ByteArrayOutputStream();
		for (byte[] part : parts) {
			all.writeBytes(part);
		}
		return all.toByteArray();
	}

}
