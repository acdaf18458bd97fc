package org.unccd.cst.web;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.unccd.cst.TestInputs;
import org.unccd.cst.console.Role;
import org.unccd.cst.publish.FileDigest;
import org.unccd.cst.submission.Submissions;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sign-off and data entry in a real console: the draft and the approved set side by side
 * before any approval, after one (the same set), and after a later draft (what differs);
 * the data-entry template for those who submit data, the workbook {@code --template}
 * writes, refused to viewers, 400 for a language that is not one of the six, and a
 * sentence to act on when the programme cannot be read.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SignOffConsoleTests {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	@TempDir
	static Path dir;

	static ConsoleServer console;

	@BeforeAll
	static void start() throws Exception {
		console = ConsoleServer.start(TestInputs.write(dir.resolve("in")), dir.resolve("out"),
				dir.resolve("console.log"));
	}

	@AfterAll
	static void stop() throws Exception {
		console.close();
	}

	private static void publish(String asOf, String lang) throws Exception {
		HttpResponse<String> launched = console.post("/api/runs", Role.OFFICER,
				"{\"asOf\": \"" + asOf + "\", \"lang\": [\"" + lang + "\"]}");
		assertThat(launched.statusCode()).as(launched.body()).isEqualTo(202);
		JsonNode run = console.awaitEnd(launched.headers().firstValue("Location").orElseThrow(), Duration.ofMinutes(2));
		assertThat(run.get("status").asString()).as(run.toString()).isEqualTo("COMPLETED");
	}

	private static JsonNode approval() throws Exception {
		HttpResponse<String> answer = console.get("/api/sessions/T1/approval", Role.VIEWER);
		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
		return ConsoleServer.json(answer);
	}

	private static String manifestSha256(Path dir) throws Exception {
		return FileDigest.sha256(dir.resolve("manifest.json"));
	}

	@Test
	@Order(1)
	void beforeAnyApprovalTheDraftStandsAlone() throws Exception {
		assertThat(console.get("/api/sessions/T1/approval", Role.VIEWER).statusCode()).isEqualTo(404);
		publish(TestInputs.AS_OF, "en");
		JsonNode view = approval();
		assertThat(view.get("state").asString()).isEqualTo("none");
		assertThat(view.get("draft").get("asOf").asString()).isEqualTo(TestInputs.AS_OF);
		assertThat(view.get("draft").get("publishedBy").asString()).isEqualTo("officer");
		assertThat(view.get("draft").get("manifestSha256").asString())
			.isEqualTo(manifestSha256(console.output.resolve("T1")));
		assertThat(view.get("approved").isNull()).isTrue();
		assertThat(view.get("diff").isNull()).isTrue();

		HttpClient officer = ConsoleServer.browserLike();
		signIn(officer, Role.OFFICER);
		String page = page(officer, "/sessions/T1/approval");
		assertThat(page).contains("No set of this session is approved yet", "id=\"approve\"");
		HttpClient viewer = ConsoleServer.browserLike();
		signIn(viewer, Role.VIEWER);
		assertThat(page(viewer, "/sessions/T1/approval")).contains("No set of this session is approved yet")
			.doesNotContain("id=\"approve\"");
	}

	@Test
	@Order(2)
	void afterTheApprovalThePublishedSetIsTheApprovedSet() throws Exception {
		HttpClient officer = ConsoleServer.browserLike();
		String csrf = signIn(officer, Role.OFFICER);
		HttpResponse<String> approved = officer
			.send(HttpRequest.newBuilder(URI.create(console.base + "/sessions/T1/approve"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers
					.ofString("back=approval&_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8)))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(approved.statusCode()).isEqualTo(302);
		assertThat(approved.headers().firstValue("Location").orElseThrow()).endsWith("/sessions/T1/approval");

		JsonNode view = approval();
		assertThat(view.get("state").asString()).isEqualTo("same");
		assertThat(view.get("approved").get("approvedBy").asString()).isEqualTo("officer");
		assertThat(view.get("approved").get("manifestSha256").asString())
			.isEqualTo(view.get("draft").get("manifestSha256").asString())
			.isEqualTo(manifestSha256(console.output.resolve(".cst-reports/approved/T1")));
		assertThat(view.get("diff").get("figures")).isEmpty();
		assertThat(view.get("diff").get("files")).isEmpty();
		String page = page(officer, "/sessions/T1/approval");
		assertThat(page).contains("The published set is the approved set.").doesNotContain("id=\"approve\"");
	}

	@Test
	@Order(3)
	void aLaterDraftShowsWhatDiffersFromTheApprovedSet() throws Exception {
		String approvedSha256 = approval().get("approved").get("manifestSha256").asString();
		// a month earlier: A.1-y is not yet completed, the spending is lower; in French
		publish("2021-01-31", "fr");
		JsonNode view = approval();
		assertThat(view.get("state").asString()).isEqualTo("differs");
		assertThat(view.get("draft").get("asOf").asString()).isEqualTo("2021-01-31");
		assertThat(view.get("approved").get("asOf").asString()).isEqualTo(TestInputs.AS_OF);
		assertThat(view.get("approved").get("manifestSha256").asString()).isEqualTo(approvedSha256);
		assertThat(view.get("draft").get("manifestSha256").asString()).isNotEqualTo(approvedSha256)
			.isEqualTo(manifestSha256(console.output.resolve("T1")));
		List<String> figures = new ArrayList<>();
		view.get("diff")
			.get("figures")
			.forEach((figure) -> figures.add(figure.get("label").asString() + ": " + figure.get("change").asString()));
		assertThat(figures).anySatisfy((figure) -> assertThat(figure).startsWith("outcome A.1-y: completed"))
			.anySatisfy((figure) -> assertThat(figure).startsWith("budget spent: "));
		List<String> files = new ArrayList<>();
		view.get("diff")
			.get("files")
			.forEach((file) -> files.add(file.get("name").asString() + " " + file.get("change").asString()));
		assertThat(files).contains("summary.json changed", "T1.en.xlsx removed", "T1.fr.xlsx added");
		assertThat(view.get("approved").get("languages").toString()).isEqualTo("[\"en\"]");
		assertThat(view.get("draft").get("languages").toString()).isEqualTo("[\"fr\"]");

		HttpClient viewer = ConsoleServer.browserLike();
		signIn(viewer, Role.VIEWER);
		String page = page(viewer, "/sessions/T1/approval");
		assertThat(page).contains("differs from the approved set", "Outcome \u2068A.1-y\u2069", "summary.json",
				approvedSha256, "2021-01-31", "only in the draft", "only in the approved set");
		assertThat(page(viewer, "/")).contains("/sessions/T1/approval");
	}

	@Test
	@Order(4)
	void aContributorDownloadsTheTemplateThatTemplateWrites() throws Exception {
		assertThat(console.bytes("/api/templates/fr", Role.VIEWER).statusCode()).isEqualTo(403);
		HttpResponse<byte[]> template = console.bytes("/api/templates/fr", Role.CONTRIBUTOR);
		assertThat(template.statusCode()).isEqualTo(200);
		assertThat(template.headers().firstValue("Content-Type"))
			.hasValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		assertThat(template.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment")
			.contains("filename=\"T1.template.fr.xlsx\"");

		Path written = Submissions.writeTemplates(console.input, dir.resolve("cli"), List.of("fr"))
			.orElseThrow()
			.get(0);
		try (XSSFWorkbook served = new XSSFWorkbook(new ByteArrayInputStream(template.body()));
				InputStream in = Files.newInputStream(written);
				XSSFWorkbook expected = new XSSFWorkbook(in)) {
			assertThat(sheets(served)).isEqualTo(sheets(expected)).contains("progress", "expenditures", "Lists");
			assertThat(cells(served)).isEqualTo(cells(expected));
			assertThat(served.getSheet("progress").getDataValidations()).isNotEmpty();
		}
		assertThat(Files.readString(console.output.resolve(".cst-reports/audit.log")))
			.contains("\tcontributor\t127.0.0.1\ttemplate\tT1/T1.template.fr.xlsx");
		// made in memory: nothing is written into the published set
		assertThat(console.output.resolve("T1/T1.template.fr.xlsx")).doesNotExist();

		HttpClient contributor = ConsoleServer.browserLike();
		signIn(contributor, Role.CONTRIBUTOR);
		String page = page(contributor, "/templates");
		for (String lang : List.of("ar", "en", "es", "fr", "ru", "zh")) {
			assertThat(page).contains("href=\"/templates/" + lang + "\"", "T1.template." + lang + ".xlsx");
		}
		assertThat(page(contributor, "/files")).contains("href=\"/templates\"");
		HttpResponse<byte[]> arabic = contributor.send(
				HttpRequest.newBuilder(URI.create(console.base + "/templates/ar")).build(),
				HttpResponse.BodyHandlers.ofByteArray());
		assertThat(arabic.statusCode()).isEqualTo(200);
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(arabic.body()))) {
			assertThat(workbook.getSheetAt(0).isRightToLeft()).isTrue();
		}
		HttpClient viewer = ConsoleServer.browserLike();
		signIn(viewer, Role.VIEWER);
		assertThat(page(viewer, "/files")).doesNotContain("href=\"/templates\"");
	}

	@Test
	@Order(5)
	void aLanguageOutsideTheSixIsABadRequest() throws Exception {
		for (String lang : List.of("de", "EN", "en-GB", "x")) {
			HttpResponse<String> answer = console.get("/api/templates/" + lang, Role.CONTRIBUTOR);
			assertThat(answer.statusCode()).as(lang).isEqualTo(400);
			assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
			assertThat(ConsoleServer.json(answer).get("detail").asString())
				.isEqualTo("There is no template in \"" + lang + "\": ask for one of ar, en, es, fr, ru, zh.");
		}
	}

	@Test
	@Order(6)
	void anUnreadableProgrammeGivesASentenceToActOn() throws Exception {
		Path programme = console.input.resolve("programme.yaml");
		String good = Files.readString(programme);
		Files.writeString(programme, "session: [unclosed\n");
		try {
			HttpResponse<String> answer = console.get("/api/templates/en", Role.CONTRIBUTOR);
			assertThat(answer.statusCode()).isEqualTo(500);
			String detail = ConsoleServer.json(answer).get("detail").asString();
			assertThat(detail).startsWith("The programme of the input folder cannot be read")
				.endsWith("Correct INPUT/programme.yaml and ask again.")
				.doesNotContain(dir.toString());
			HttpClient contributor = ConsoleServer.browserLike();
			signIn(contributor, Role.CONTRIBUTOR);
			assertThat(page(contributor, "/templates")).contains("cannot be read").doesNotContain("/templates/en");
		}
		finally {
			Files.writeString(programme, good);
		}
		assertThat(console.bytes("/api/templates/en", Role.CONTRIBUTOR).statusCode()).isEqualTo(200);
	}

	private static List<String> sheets(XSSFWorkbook workbook) {
		List<String> sheets = new ArrayList<>();
		workbook.forEach((sheet) -> sheets.add(sheet.getSheetName()));
		return sheets;
	}

	private static List<String> cells(XSSFWorkbook workbook) {
		DataFormatter format = new DataFormatter();
		List<String> cells = new ArrayList<>();
		for (Sheet sheet : workbook) {
			cells.add(sheet.getSheetName() + " " + workbook.getSheetVisibility(workbook.getSheetIndex(sheet)) + " "
					+ sheet.getDataValidations().size() + " validations");
			for (Row row : sheet) {
				for (Cell cell : row) {
					cells.add(sheet.getSheetName() + "!" + cell.getAddress() + "=" + format.formatCellValue(cell));
				}
			}
		}
		return cells;
	}

	private static String page(HttpClient browser, String path) throws Exception {
		HttpResponse<String> page = browser.send(HttpRequest.newBuilder(URI.create(console.base + path)).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(page.statusCode()).as(path).isEqualTo(200);
		return page.body();
	}

	private static String signIn(HttpClient browser, Role role) throws Exception {
		String token = token(browser, "/login");
		String form = "username=" + role.id() + "&password="
				+ URLEncoder.encode(ConsoleServer.password(role), StandardCharsets.UTF_8) + "&_csrf="
				+ URLEncoder.encode(token, StandardCharsets.UTF_8);
		HttpResponse<String> signedIn = browser.send(HttpRequest.newBuilder(URI.create(console.base + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(signedIn.statusCode()).isEqualTo(302);
		return token(browser, "/");
	}

	private static String token(HttpClient browser, String page) throws Exception {
		String body = browser
			.send(HttpRequest.newBuilder(URI.create(console.base + page)).build(), HttpResponse.BodyHandlers.ofString())
			.body();
		Matcher matcher = CSRF.matcher(body);
		return matcher.find() ? matcher.group(1) : "";
	}

}
