package org.unccd.cst.web;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sign-off in a real browser: an officer opens the draft and the approved set side by
 * side from the dashboard, approves the draft, and after a later run sees the new draft
 * beside the approved set with the figures and files that differ; the page, and the
 * templates page, have no WCAG 2.1 AA violation that axe-core finds, in English and in
 * Arabic. Screenshots go to {@code target/console-pages}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SignOffBrowserTests {

	@TempDir
	static Path dir;

	static ConsoleServer console;

	static Browser browser;

	@BeforeAll
	static void start() throws Exception {
		console = ConsoleServer.start(Path.of("input").toAbsolutePath(), dir.resolve("out"),
				dir.resolve("console.log"));
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

	private static void publish(String asOf, String languages) throws Exception {
		HttpResponse<String> launched = console.post("/api/runs", Role.OFFICER,
				"{\"asOf\": \"" + asOf + "\", \"lang\": [" + languages + "]}");
		assertThat(launched.statusCode()).as(launched.body()).isEqualTo(202);
		assertThat(console.awaitEnd(launched.headers().firstValue("Location").orElseThrow(), Duration.ofMinutes(2))
			.get("status")
			.asString()).isEqualTo("COMPLETED");
	}

	private static String cells(String css) {
		List<String> cells = new ArrayList<>();
		for (WebElement cell : browser.driver.findElements(By.cssSelector(css))) {
			// without the isolates that keep each number's direction
			cells.add(Browser.read(cell.getText()));
		}
		return String.join(" | ", cells);
	}

	@Test
	@Order(1)
	void anOfficerSeesTheDraftBesideTheApprovedSetWithWhatDiffers() throws Exception {
		publish("2019-06-30", "\"en\", \"ar\"");
		signIn(Role.OFFICER, "en");
		browser.driver.findElement(By.id("approval-CST14")).click();
		assertThat(browser.text("h1")).isEqualTo("Draft and approved set of CST14");
		assertThat(browser.text("#approval-state")).startsWith("No set of this session is approved yet");
		browser.driver.findElement(By.id("approve")).click();
		new WebDriverWait(browser.driver, Duration.ofSeconds(30))
			.ignoring(org.openqa.selenium.StaleElementReferenceException.class)
			.until((d) -> d.findElement(By.id("approval-state"))
				.getText()
				.equals("The published set is the approved set."));
		assertThat(browser.driver.getCurrentUrl()).endsWith("/sessions/CST14/approval");
		assertThat(browser.driver.findElements(By.id("approve"))).isEmpty();

		publish("2019-03-31", "\"en\", \"ar\"");
		browser.open(console.base + "/sessions/CST14/approval");
		assertThat(browser.text("#approval-state")).startsWith("The published set is a draft that differs");
		assertThat(cells("#sides tbody tr:first-child td")).isEqualTo("2019-06-30 | 2019-03-31");
		assertThat(cells("#sides tbody tr:nth-child(6) td")).startsWith("approved by officer on ")
			.endsWith("draft: not yet approved for distribution");
		assertThat(cells("#figures tbody th")).contains("Outcome O1.1-a", "Spent", "Rows dated after the as-of date");
		assertThat(cells("#figures tbody td")).contains("completed, 100.0 % → in progress, 75.0 %");
		assertThat(cells("#changed-files tbody th")).contains("summary.json", "obj-1.1.ar.pdf");
		assertThat(browser.driver.findElements(By.id("approve"))).hasSize(1);
		browser.screenshot(ConsoleBrowserTests.SCREENSHOTS, "approval");

		// the run's page: the figures that moved since the previous publication
		browser.open(console.base + "/runs/2");
		assertThat(cells("#run-figures tbody th")).contains("Outcome O1.1-a", "Spent");
		assertThat(cells("#run-figures tbody td")).contains("completed, 100.0 % → in progress, 75.0 %");
		assertThat(browser.driver.findElements(By.id("set-replaced"))).isEmpty();

		// the first run's page: the set it published, replaced since, with nothing before
		// it
		browser.open(console.base + "/runs/1");
		assertThat(browser.text("#set-replaced")).startsWith("A later run has since replaced the set");
		assertThat(browser.driver.findElements(By.id("run-figures"))).isEmpty();
		assertThat(browser.driver.findElement(By.id("content")).getText())
			.contains("This is the session's first publication");
		assertThat(browser.driver.findElement(By.cssSelector("details pre")).getAttribute("textContent"))
			.startsWith("CST14: no earlier published summary is kept (as of 2019-06-30");
	}

	@Test
	@Order(2)
	void theNewPagesInEnglishAndArabicPassAxe() throws Exception {
		List<String> violations = new ArrayList<>();
		for (String lang : List.of("en", "ar")) {
			signIn(Role.ADMIN, lang);
			for (String page : List.of("/sessions/CST14/approval", "/templates", "/files", "/", "/runs/2", "/runs/1")) {
				browser.open(console.base + page);
				assertThat(browser.driver.findElement(By.tagName("html")).getAttribute("dir"))
					.isEqualTo(lang.equals("ar") ? "rtl" : "ltr");
				violations.addAll(browser.violations());
			}
			browser.open(console.base + "/sessions/CST14/approval");
			if (lang.equals("ar")) {
				// the figures in the page's language: what each is, and the statuses
				assertThat(cells("#figures tbody th")).contains("النتيجة O1.1-a", "النفقات")
					.doesNotContain("outcome", "budget");
				assertThat(cells("#figures tbody td")).contains("منجز، 100.0 % ← قيد التنفيذ، 75.0 %")
					.doesNotContain("completed", "in_progress", "->");
				browser.open(console.base + "/runs/2");
				assertThat(cells("#run-figures tbody td")).contains("منجز، 100.0 % ← قيد التنفيذ، 75.0 %")
					.doesNotContain("completed", "in_progress", "->");
				((org.openqa.selenium.JavascriptExecutor) browser.driver)
					.executeScript("document.getElementById('run-figures').scrollIntoView()");
				browser.screenshot(ConsoleBrowserTests.SCREENSHOTS, "run-figures.ar");
				browser.open(console.base + "/runs/1");
				assertThat(browser.text("#set-replaced")).startsWith("استبدلت عملية تشغيل لاحقة");
				((org.openqa.selenium.JavascriptExecutor) browser.driver)
					.executeScript("document.getElementById('set-replaced').scrollIntoView()");
				browser.screenshot(ConsoleBrowserTests.SCREENSHOTS, "run-replaced.ar");
			}
			browser.screenshot(ConsoleBrowserTests.SCREENSHOTS, "approval." + lang);
			browser.open(console.base + "/templates");
			browser.screenshot(ConsoleBrowserTests.SCREENSHOTS, "templates." + lang);
		}
		assertThat(violations).isEmpty();
	}

}
