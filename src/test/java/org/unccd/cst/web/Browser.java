package org.unccd.cst.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.unccd.cst.console.Role;

/**
 * Debian's Chromium, headless, driven by its ChromeDriver (both installed by
 * {@code .ci/run}); with axe-core's WCAG 2.1 AA rules and screenshots of the pages.
 */
final class Browser implements AutoCloseable {

	/** The WCAG 2.0 and 2.1 rules of levels A and AA. */
	static final List<String> WCAG_21_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

	final WebDriver driver;

	private final Path profile;

	private Browser(WebDriver driver, Path profile) {
		this.driver = driver;
		this.profile = profile;
	}

	static Browser start(Path profile) {
		ChromeOptions options = new ChromeOptions();
		options.setBinary(executable("chromium", "/usr/bin/chromium"));
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
				"--disable-sync", "--window-size=1280,1000", "--user-data-dir=" + profile.toAbsolutePath(),
				"--lang=en");
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(Path.of(executable("chromedriver", "/usr/bin/chromedriver")).toFile())
			.build();
		ChromeDriver driver = new ChromeDriver(service, options);
		driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
		return new Browser(driver, profile);
	}

	private static String executable(String property, String otherwise) {
		String given = System.getProperty("cst.test." + property);
		String path = (given != null) ? given : otherwise;
		if (!Files.isExecutable(Path.of(path))) {
			throw new IllegalStateException(path + " is missing: install Debian's chromium and chromium-driver "
					+ "(.ci/run does), or give -Dcst.test." + property + "=PATH");
		}
		return path;
	}

	void open(String url) {
		this.driver.get(url);
	}

	/**
	 * Signs in to {@code console} as the user of {@code role} through its sign-in page in
	 * {@code lang}, with no cookie of an earlier session.
	 */
	void signIn(ConsoleServer console, Role role, String lang) {
		this.driver.manage().deleteAllCookies();
		open(console.base + "/login?lang=" + lang);
		this.driver.findElement(By.id("username")).sendKeys(role.id());
		this.driver.findElement(By.id("password")).sendKeys(ConsoleServer.password(role));
		this.driver.findElement(By.cssSelector("form.form button[type=submit]")).click();
		new WebDriverWait(this.driver, Duration.ofSeconds(20)).until((d) -> !d.getCurrentUrl().contains("/login"));
	}

	String text(String css) {
		return read(this.driver.findElement(By.cssSelector(css)).getText());
	}

	/** The WCAG 2.1 AA violations axe-core finds on the page, as lines. */
	List<String> violations() {
		Results results = new AxeBuilder().withTags(WCAG_21_AA).analyze(this.driver);
		return results.getViolations()
			.stream()
			.map((Rule rule) -> this.driver.getCurrentUrl() + ": " + rule.getId() + " (" + rule.getHelp() + ") at "
					+ rule.getNodes().stream().map((node) -> String.valueOf(node.getTarget())).toList())
			.toList();
	}

	/**
	 * Text as a reader reads it: without the marks that isolate a name or a time within a
	 * sentence, which are not shown.
	 */
	static String read(String text) {
		return text.replaceAll("[\u2066-\u2069]", "");
	}

	/**
	 * The words a reader of a page in a language other than English would meet in
	 * English: Latin words of three letters or more in the page's text, outside what the
	 * page marks as data ({@code translate="no"}), as another language ({@code lang}), or
	 * as code; options of the command line (after {@code --}) and the codes in
	 * {@code allowed} are not words. On a right-to-left page, also the times within a
	 * sentence that are not isolated from it, the options of the command line whose
	 * dashes the browser set after their word ("check--"), and text marked as English
	 * that is set right to left (its closing quote moved to its start).
	 */
	List<String> englishLeftAndTimesNotIsolated(Set<String> allowed) throws IOException {
		return script("english-left.js", List.copyOf(allowed));
	}

	/**
	 * The figures of the page's tables that are not set against the end of their cell
	 * (its right on a left-to-right page, its left on a right-to-left one); and a line if
	 * the page has no figure cell when {@code expected}.
	 */
	List<String> figuresNotAtTheEnd(boolean expected) throws IOException {
		return script("figures-not-at-the-end.js", expected);
	}

	/** Runs a script of {@code src/test/resources/web} on the page; it returns lines. */
	@SuppressWarnings("unchecked")
	private List<String> script(String name, Object argument) throws IOException {
		String script;
		try (var in = Browser.class.getResourceAsStream("/web/" + name)) {
			script = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
		}
		return (List<String>) ((JavascriptExecutor) this.driver).executeScript(script, argument);
	}

	/** A screenshot of the page, as PNG, into {@code dir}. */
	void screenshot(Path dir, String name) throws IOException {
		Files.createDirectories(dir);
		Files.write(dir.resolve(name + ".png"), ((TakesScreenshot) this.driver).getScreenshotAs(OutputType.BYTES));
	}

	@Override
	public void close() {
		this.driver.quit();
	}

	Path profile() {
		return this.profile;
	}

}
