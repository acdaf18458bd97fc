package org.unccd.cst.console;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.unccd.cst.history.RunHistory;
import org.unccd.cst.model.Messages;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console's words in every language: each bundle has every key of the English one,
 * with the same placeholders, and every key a page names exists.
 */
class ConsoleMessagesTests {

	private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)}");

	private static final Pattern PAGE_KEY = Pattern.compile("#\\{([a-zA-Z][\\w.]*[a-zA-Z])[}(]");

	static Properties bundle(String lang) throws IOException {
		Properties properties = new Properties();
		try (InputStream in = ConsoleMessagesTests.class
			.getResourceAsStream("/messages/console_" + lang + ".properties")) {
			assertThat(in).as(lang).isNotNull();
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return properties;
	}

	@Test
	void everyLanguageHasEveryKeyWithTheSamePlaceholders() throws IOException {
		Properties english = bundle("en");
		List<String> wrong = new ArrayList<>();
		for (String lang : Messages.LANGUAGES) {
			Properties other = bundle(lang);
			assertThat(other.stringPropertyNames()).as(lang).isEqualTo(english.stringPropertyNames());
			for (String key : english.stringPropertyNames()) {
				if (!placeholders(english.getProperty(key)).equals(placeholders(other.getProperty(key)))) {
					wrong.add(lang + " " + key);
				}
				if (!placeholders(other.getProperty(key)).isEmpty() && other.getProperty(key).contains("'")) {
					wrong.add(lang + " " + key + " has an apostrophe that MessageFormat would eat");
				}
			}
		}
		assertThat(wrong).isEmpty();
	}

	@Test
	void everyKeyThePagesNameExists() throws IOException {
		Properties english = bundle("en");
		Set<String> missing = new TreeSet<>();
		try (Stream<Path> pages = Files.list(Path.of("src/main/resources/templates"))) {
			for (Path page : pages.toList()) {
				Matcher matcher = PAGE_KEY.matcher(Files.readString(page));
				while (matcher.find()) {
					String key = matcher.group(1);
					if (!english.containsKey(key) && Messages.of("en").get(key) == null) {
						missing.add(page.getFileName() + ": " + key);
					}
				}
			}
		}
		assertThat(missing).isEmpty();
	}

	@Test
	void everyCodeThePagesPutIntoWordsHasItsWords() throws IOException {
		List<String> keys = new ArrayList<>();
		AuditLog.ACTIONS.forEach((action) -> keys.add("audit.action." + action));
		for (RunHistory.Outcome outcome : RunHistory.Outcome.values()) {
			keys.add("history.outcome." + outcome.name());
			if (outcome.exitCode() != null) {
				keys.add("exit." + outcome.exitCode());
			}
		}
		for (int code = 0; code <= 4; code++) {
			keys.add("exit." + code);
		}
		// the steps of the job (ReportJobTests holds their order)
		for (String step : List.of("loadProgramme", "ingest", "crossCheck", "aggregate", "writeWorkbooks",
				"writeReports", "publish")) {
			keys.add("step.name." + step);
		}
		for (String lang : Messages.LANGUAGES) {
			assertThat(bundle(lang).stringPropertyNames()).as(lang).containsAll(keys);
		}
	}

	@Test
	void anArabicSentenceKeepsTheOptionsItNamesInOrder() throws IOException {
		// "--check" in a right-to-left sentence is shown "check--" unless isolated
		Properties arabic = bundle("ar");
		List<String> loose = new ArrayList<>();
		for (String key : arabic.stringPropertyNames()) {
			Matcher option = Pattern.compile("--[a-z]+").matcher(arabic.getProperty(key));
			while (option.find()) {
				String before = arabic.getProperty(key).substring(0, option.start());
				if (before.lastIndexOf('\u2066') <= before.lastIndexOf('\u2069')) {
					loose.add(key + ": " + option.group());
				}
			}
		}
		assertThat(loose).isEmpty();
	}

	private static Set<String> placeholders(String text) {
		Set<String> found = new TreeSet<>();
		Matcher matcher = PLACEHOLDER.matcher(text);
		while (matcher.find()) {
			found.add(matcher.group(1));
		}
		return found;
	}

}
