package org.unccd.cst.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.unccd.cst.console.Role;
import org.unccd.cst.publish.Manifest;
import org.unccd.cst.run.JsonFiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console in a real browser, as its users meet it: an officer signs in, launches a
 * run of the embedded input in English and Arabic, watches it to the end, opens its
 * rejects and downloads a PDF whose SHA-256 is the manifest's; a viewer finds no launch
 * control and a forged form is refused; every page, in English and in Arabic, has no WCAG
 * 2.1 AA violation that axe-core finds. The pages' screenshots go to
 * {@code target/console-pages} (the README's come from there).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserTests {

	static final Path SCREENSHOTS = Path.of("target", "console-pages");

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

	@Test
	@Order(1)
	void anOfficerLaunchesWatchesAndDownloads() throws Exception {
		browser.open(console.base + "/login?lang=en");
		browser.screenshot(SCREENSHOTS, "login");
		signIn(Role.OFFICER, "en");
		assertThat(browser.text("h1")).isEqualTo("Dashboard");
		browser.driver.findElement(By.linkText("Launch a run")).click();
		WebElement asOf = browser.driver.findElement(By.id("asOf"));
		((org.openqa.selenium.JavascriptExecutor) browser.driver).executeScript("arguments[0].value = '2019-06-30';",
				asOf);
		browser.driver.findElement(By.id("lang-ar")).click();
		browser.screenshot(SCREENSHOTS, "launch");
		browser.driver.findElement(By.id("launch")).click();

		new WebDriverWait(browser.driver, Duration.ofSeconds(20))
			.until((d) -> d.getCurrentUrl().matches(".*/runs/\\d+$"));
		try {
			new WebDriverWait(browser.driver, Duration.ofMinutes(2))
				.until((d) -> d.findElement(By.id("status")).getText().equals("published"));
		}
		catch (org.openqa.selenium.TimeoutException ex) {
			browser.screenshot(SCREENSHOTS, "run-timeout");
			throw new AssertionError("the run page did not show the end: " + browser.driver.getPageSource()
					+ browser.driver.manage().logs().get("browser").getAll(), ex);
		}
		assertThat(browser.text("#exit")).isIn("0", "3");
		assertThat(browser.text("#percent-text")).isEqualTo("100 %");
		assertThat(browser.driver.findElements(By.cssSelector("table.rejects tbody tr"))).isNotEmpty();
		assertThat(browser.text("table.rejects tbody tr td:nth-child(5)")).isNotBlank();
		assertThat(browser.text("#lines")).contains("Published OUTPUT/CST14").doesNotContain(dir.toString());
		browser.screenshot(SCREENSHOTS, "run");

		browser.driver.findElement(By.linkText("Downloads")).click();
		browser.screenshot(SCREENSHOTS, "downloads");
		WebElement link = browser.driver.findElement(By.linkText("obj-1.1.ar.pdf"));
		byte[] pdf = download(link.getAttribute("href"));
		Manifest manifest = JsonFiles.read(console.output.resolve("CST14").resolve("manifest.json"), Manifest.class);
		String expected = manifest.outputs()
			.stream()
			.filter((entry) -> entry.file().equals("obj-1.1.ar.pdf"))
			.findFirst()
			.orElseThrow()
			.sha256();
		assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pdf))).isEqualTo(expected);

		browser.driver.findElement(By.linkText("Dashboard")).click();
		awaitText("main", "draft: not yet approved for distribution");
		assertThat(browser.text("main")).contains("Session CST14", "2019-06-30", "officer");
		browser.driver.findElement(By.id("approve-CST14")).click();
		awaitText("main", "approved by officer on");
		assertThat(browser.driver.findElements(By.id("approve-CST14"))).isEmpty();
		assertThat(console.output.resolve(".cst-reports/approved/CST14/obj-1.1.ar.pdf")).exists();
		browser.screenshot(SCREENSHOTS, "dashboard");
		browser.driver.findElement(By.linkText("Runs")).click();
		browser.screenshot(SCREENSHOTS, "runs");
		browser.driver.findElement(By.linkText("Schedule")).click();
		browser.screenshot(SCREENSHOTS, "schedule");
	}

	/** Waits, across the page being loaded again, until the element holds the text. */
	private static void awaitText(String css, String text) {
		new WebDriverWait(browser.driver, Duration.ofSeconds(30))
			.ignoring(org.openqa.selenium.StaleElementReferenceException.class)
			.until((d) -> Browser.read(d.findElement(By.cssSelector(css)).getText()).contains(text));
	}

	/** Downloads with the browser's session, as its download would. */
	private static byte[] download(String url) throws Exception {
		Cookie session = browser.driver.manage().getCookieNamed("JSESSIONID");
		HttpResponse<byte[]> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(url)).header("Cookie", "JSESSIONID=" + session.getValue()).build(),
					HttpResponse.BodyHandlers.ofByteArray());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/pdf");
		return response.body();
	}

	@Test
	@Order(2)
	void aViewerFindsNoLaunchControlAndAForgedPostIsRefused() throws Exception {
		signIn(Role.VIEWER, "en");
		assertThat(browser.driver.findElements(By.linkText("Launch a run"))).isEmpty();
		browser.open(console.base + "/runs/1");
		assertThat(browser.driver.findElements(By.id("restart"))).isEmpty();
		assertThat(browser.driver.findElements(By.id("stop"))).isEmpty();
		browser.open(console.base + "/launch");
		assertThat(browser.text("main")).contains("403", "Your role does not allow this.");

		Cookie session = browser.driver.manage().getCookieNamed("JSESSIONID");
		browser.open(console.base + "/");
		String token = browser.driver.findElement(By.name("_csrf")).getAttribute("value");
		for (String form : List.of("asOf=2019-06-30&languages=en&_csrf=" + token, "asOf=2019-06-30&languages=en")) {
			HttpResponse<String> forged = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create(console.base + "/launch"))
					.header("Cookie", "JSESSIONID=" + session.getValue())
					.header("Content-Type", "application/x-www-form-urlencoded")
					.POST(HttpRequest.BodyPublishers.ofString(form))
					.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(forged.statusCode()).as(form).isEqualTo(403);
		}
		assertThat(ConsoleServer.json(console.get("/api/runs", Role.VIEWER)).get("runs")).hasSize(1);
	}

	/**
	 * Codes a page in any language shows as they are: the time zone, the currency, the
	 * session's and the formats' names, cron (the schedule's notation) and the tool's
	 * own.
	 */
	private static final Set<String> CODES = Set.of("UTC", "EUR", "CST", "PDF", "SHA", "CSV", "XLSX", "JSON", "cron",
			"cst-reports");

	@Test
	@Order(3)
	void everyPagePassesAxeAndReadsAsWrittenInItsLanguage() throws Exception {
		List<String> violations = new ArrayList<>();
		List<String> seen = new ArrayList<>();
		for (String lang : List.of("en", "ar", "zh")) {
			browser.driver.manage().deleteAllCookies();
			browser.open(console.base + "/login?lang=" + lang);
			assertThat(browser.driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo(lang);
			assertThat(browser.driver.findElement(By.tagName("html")).getAttribute("dir"))
				.isEqualTo(lang.equals("ar") ? "rtl" : "ltr");
			boolean axe = !lang.equals("zh");
			if (axe) {
				violations.addAll(browser.violations());
			}
			signIn(Role.ADMIN, lang);
			for (String page : List.of("/", "/runs", "/runs/1", "/launch", "/files", "/schedule", "/audit",
					"/sessions/CST14/approval", "/templates", "/no-such-page")) {
				browser.open(console.base + page);
				if (axe) {
					violations.addAll(browser.violations());
				}
				seen.addAll(browser.figuresNotAtTheEnd(page.equals("/") || page.equals("/runs")));
				if (!lang.equals("en")) {
					seen.addAll(browser.englishLeftAndTimesNotIsolated(CODES));
				}
				if (lang.equals("ar") && page.equals("/")) {
					browser.screenshot(SCREENSHOTS, "dashboard.ar");
				}
				if (lang.equals("ar") && page.equals("/runs/1")) {
					browser.screenshot(SCREENSHOTS, "run.ar");
				}
				if (lang.equals("zh") && page.equals("/runs")) {
					browser.screenshot(SCREENSHOTS, "runs.zh");
				}
				if (page.equals("/audit") && lang.equals("en")) {
					browser.screenshot(SCREENSHOTS, "audit");
				}
			}
		}
		assertThat(violations).isEmpty();
		assertThat(seen).isEmpty();
	}

}
