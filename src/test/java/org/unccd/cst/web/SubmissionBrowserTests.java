package org.unccd.cst.web;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.unccd.cst.console.Role;

import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Submissions in a real browser, without scripts of the page's own: a contributor uploads
 * a progress file with planted mistakes, sees its rejected rows on the page before
 * submitting, submits it, and the file is in the input folder and the submission in the
 * audit log; a viewer finds no submissions page; the pages pass axe-core's WCAG 2.1 AA
 * rules in English and Arabic. Screenshots go to {@code target/console-pages}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SubmissionBrowserTests {

	/** Progress for May 2019 with three planted mistakes: lines 3, 4 and 5. */
	static final String PLANTED = """
			date,outcome,status,percent,summary,reported_by
			2019-05-02,O1.1-a,in_progress,80,Guidance note revised after peer review.,SPI Objective 1 working group
			2019-05-03,O1.3,in_progress,50,Report on a third objective.,SPI Objective 1 working group
			2019-05-04,C1-a,completed,120,Review of the key messages finalized.,SPI co-chairs
			15/05/2019,O2-a,in_progress,30,Framework drafted.,SPI Objective 2 working group
			""";

	@TempDir
	static Path dir;

	static ConsoleServer console;

	static Browser browser;

	static Path input;

	@BeforeAll
	static void start() throws Exception {
		input = dir.resolve("in");
		FileSystemUtils.copyRecursively(Path.of("input"), input);
		console = ConsoleServer.start(input, dir.resolve("out"), dir.resolve("console.log"));
		browser = Browser.start(dir.resolve("profile"));
	}

	@AfterAll
	static void stop() throws Exception {
		if (browser != null) {
			browser.close();
		}
		console.close();
	}

	private static void signIn(Role role, String lang) {
		browser.signIn(console, role, lang);
	}

	/** Chooses the file in the upload form and asks for its check. */
	private static void upload(Path file) {
		browser.driver.findElement(By.id("file")).sendKeys(file.toAbsolutePath().toString());
		browser.driver.findElement(By.id("check")).click();
		new WebDriverWait(browser.driver, Duration.ofSeconds(60))
			.until((d) -> !d.getCurrentUrl().endsWith("/submissions") || !d.findElements(By.id("refusal")).isEmpty()
					|| !d.findElements(By.cssSelector("p.problem")).isEmpty());
	}

	private static List<String> progressFiles() throws Exception {
		try (Stream<Path> files = Files.list(input.resolve("progress"))) {
			return files.map((file) -> file.getFileName().toString()).sorted().toList();
		}
	}

	@Test
	@Order(1)
	void aContributorSeesTheRejectsOfAnUploadBeforeSubmittingIt() throws Exception {
		Path file = dir.resolve("progress-may.csv");
		Files.writeString(file, PLANTED);
		List<String> before = progressFiles();
		signIn(Role.CONTRIBUTOR, "en");
		browser.driver.findElement(By.linkText("Submissions")).click();
		assertThat(browser.text("h1")).isEqualTo("Submissions");
		upload(file);

		assertThat(browser.driver.getCurrentUrl()).matches(".*/submissions/uploads/[0-9a-f]{32}$");
		assertThat(browser.text("#summary")).isEqualTo("4 rows read, 1 accepted, 3 rejected");
		List<WebElement> rows = browser.driver.findElements(By.cssSelector("table.rejects tbody tr"));
		List<String> rejects = rows.stream().map(WebElement::getText).toList();
		assertThat(rejects).containsExactly("progress-may.csv 3 outcome O1.3 unknown outcome \"O1.3\"",
				"progress-may.csv 4 percent 120 percent \"120\" is not between 0 and 100",
				"progress-may.csv 5 date 15/05/2019 date \"15/05/2019\" is not YYYY-MM-DD");
		assertThat(browser.text("main")).contains("The file may be submitted with its 3 rejected rows")
			.doesNotContain(dir.toString());
		// checked, not submitted: the input folder is as it was
		assertThat(progressFiles()).isEqualTo(before);
		browser.screenshot(ConsoleBrowserTests.SCREENSHOTS, "submission-check");

		browser.driver.findElement(By.id("submit")).click();
		new WebDriverWait(browser.driver, Duration.ofSeconds(30))
			.until((d) -> d.getCurrentUrl().endsWith("/submissions?done=submitted"));
		assertThat(browser.text("p.note")).isEqualTo("Submitted: the files are in the input folder for the next run.");
		String row = browser.text("#submissions tbody tr");
		assertThat(row).contains("contributor", "progress-may.csv", "progress-submitted-");
		List<String> added = new ArrayList<>(progressFiles());
		added.removeAll(before);
		assertThat(added).hasSize(1);
		assertThat(added.get(0)).matches("progress-submitted-\\d{8}-\\d{6}-contributor-1\\.csv");
		assertThat(Files.readString(input.resolve("progress").resolve(added.get(0)))).isEqualTo(PLANTED);
		String sha = HexFormat.of()
			.formatHex(MessageDigest.getInstance("SHA-256").digest(PLANTED.getBytes(StandardCharsets.UTF_8)));
		assertThat(Files.readString(console.output.resolve(".cst-reports/audit.log")))
			.contains("\tcontributor\t127.0.0.1\tsubmission\tsubmission 1: " + added.get(0)
					+ " (uploaded as progress-may.csv), sha256 " + sha + ", 1 rows accepted, 3 rejected");
		browser.screenshot(ConsoleBrowserTests.SCREENSHOTS, "submissions");
	}

	@Test
	@Order(2)
	void aFileThatIsNotDataIsRefusedOnThePageAndNotKept() throws Exception {
		Path file = dir.resolve("notes.txt");
		Files.writeString(file, "outcome,text\n");
		List<String> before = progressFiles();
		signIn(Role.CONTRIBUTOR, "en");
		browser.open(console.base + "/submissions");
		upload(file);
		assertThat(browser.text("p.problem")).startsWith("\"notes.txt\" is not a data file");
		assertThat(progressFiles()).isEqualTo(before);
		assertThat(browser.violations()).isEmpty();
	}

	@Test
	@Order(3)
	void aViewerFindsNoSubmissions() {
		signIn(Role.VIEWER, "en");
		assertThat(browser.driver.findElements(By.linkText("Submissions"))).isEmpty();
		browser.open(console.base + "/submissions");
		assertThat(browser.text("main")).contains("403", "Your role does not allow this.");
	}

	@Test
	@Order(4)
	void theSubmissionPagesInEnglishAndArabicPassAxe() throws Exception {
		Path file = dir.resolve("progress-june.csv");
		Files.writeString(file, PLANTED);
		List<String> violations = new ArrayList<>();
		for (String lang : List.of("en", "ar")) {
			signIn(Role.CONTRIBUTOR, lang);
			browser.open(console.base + "/submissions");
			assertThat(browser.driver.findElement(By.tagName("html")).getAttribute("dir"))
				.isEqualTo(lang.equals("ar") ? "rtl" : "ltr");
			violations.addAll(browser.violations());
			upload(file);
			assertThat(browser.driver.findElements(By.cssSelector("table.rejects tbody tr"))).hasSize(3);
			violations.addAll(browser.violations());
			if (lang.equals("ar")) {
				browser.screenshot(ConsoleBrowserTests.SCREENSHOTS, "submission-check.ar");
			}
			// the upload waits on the submissions page until it is submitted or discarded
			String check = browser.driver.getCurrentUrl();
			browser.open(console.base + "/submissions");
			WebElement waiting = browser.driver.findElement(By.cssSelector("#pending a"));
			assertThat(waiting.getText()).contains("progress-june.csv", "3");
			violations.addAll(browser.violations());
			waiting.click();
			new WebDriverWait(browser.driver, Duration.ofSeconds(30)).until((d) -> d.getCurrentUrl().equals(check));
			browser.driver.findElement(By.id("discard")).click();
			new WebDriverWait(browser.driver, Duration.ofSeconds(30))
				.until((d) -> d.getCurrentUrl().endsWith("/submissions?done=discarded"));
		}
		assertThat(violations).isEmpty();
		assertThat(Files.readString(console.output.resolve(".cst-reports/audit.log"))).contains("\tupload-discarded\t");
	}

}
