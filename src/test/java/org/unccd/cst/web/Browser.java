package org.unccd.cst.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.openqa.selenium.By;
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
		return this.driver.findElement(By.cssSelector(css)).getText();
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
