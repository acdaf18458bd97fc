package org.unccd.cst.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.springframework.context.NoSuchMessageException;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The six message bundles: the same keys and placeholders as English, and dates and
 * amounts in each language's form.
 */
class MessagesTests {

	@ParameterizedTest
	@ValueSource(strings = { "ar", "es", "fr", "ru", "zh" })
	void everyBundleHasTheKeysAndPlaceholdersOfTheEnglishOne(String lang) throws IOException {
		Properties english = bundle("en");
		Properties other = bundle(lang);
		assertThat(other.stringPropertyNames()).isEqualTo(english.stringPropertyNames());
		for (String key : english.stringPropertyNames()) {
			if (key.equals("date.pattern")) {
				continue;
			}
			assertThat(placeholders(other.getProperty(key))).as(lang + " " + key)
				.isEqualTo(placeholders(english.getProperty(key)));
			assertThat(other.getProperty(key)).as(lang + " " + key).isNotBlank();
		}
	}

	@ParameterizedTest
	@CsvSource({ "en, 30 June 2019", "fr, 30 juin 2019", "es, 30 de junio de 2019", "ru, 30 июня 2019 года",
			"zh, 2019年6月30日", "ar, 30 حزيران/يونيه 2019" })
	void datesAreInTheLanguagesForm(String lang, String expected) {
		assertThat(Messages.of(lang).date(LocalDate.of(2019, 6, 30))).isEqualTo(expected);
	}

	@ParameterizedTest
	@CsvSource({ "en, 1 September 2019", "fr, 1er septembre 2019", "es, 1 de septiembre de 2019" })
	void theFirstOfTheMonthAsEachLanguageWritesIt(String lang, String expected) {
		assertThat(Messages.of(lang).date(LocalDate.of(2019, 9, 1))).isEqualTo(expected);
	}

	@ParameterizedTest
	@CsvSource({ "en, '205,000.00', 46.7", "fr, '205\u00A0000,00', '46,7'", "ru, '205\u00A0000,00', '46,7'",
			"ar, '205,000.00', 46.7", "zh, '205,000.00', 46.7" })
	void amountsAndPercentagesUseTheLanguagesSeparators(String lang, String money, String percent) {
		Messages messages = Messages.of(lang);
		assertThat(messages.money(new BigDecimal("205000"))).isEqualTo(money);
		assertThat(messages.percent(new BigDecimal("46.7"))).isEqualTo(percent);
	}

	@ParameterizedTest
	@ValueSource(strings = { "ar", "en", "es", "fr", "ru", "zh" })
	void countsAreNeverGroupedNorInAnotherScript(String lang) {
		assertThat(Messages.of(lang).get("table", 1234)).contains("1234");
	}

	private static Set<String> placeholders(String value) {
		Set<String> found = new TreeSet<>();
		Matcher matcher = Pattern.compile("\\{\\d+}").matcher(value);
		while (matcher.find()) {
			found.add(matcher.group());
		}
		return found;
	}

	private static Properties bundle(String lang) throws IOException {
		Properties properties = new Properties();
		try (InputStream in = MessagesTests.class.getClassLoader()
			.getResourceAsStream("messages/labels_" + lang + ".properties")) {
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return properties;
	}

	@Test
	void aLabelMissingInALanguageIsAnErrorNotAnotherLanguagesWord() {
		assertThatThrownBy(() -> Messages.of("fr").get("no.such.label")).isInstanceOf(NoSuchMessageException.class);
		assertThat(Messages.of("fr").get("table", 3)).isEqualTo("Tableau 3");
	}

}
