package org.unccd.cst.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fixed words of a report in its language: addressees named one way whatever the
 * input calls them, sources of funds, the typography of French and Spanish, and no
 * English word left in another language's labels.
 */
class WordingTests {

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			fr | COP                        | Conférence des Parties
			fr | Conference of the Parties  | Conférence des Parties
			fr | '  conference   of the parties ' | Conférence des Parties
			es | Mecanismo Mundial          | Mecanismo Mundial
			ru | GM                         | Глобальный механизм
			zh | Secretariat                | 秘书处
			ar | Parties                    | الأطراف
			en | Conférence des Parties     | Conference of the Parties
			en | CST                        | Committee on Science and Technology
			en | UNEP                       | UNEP
			""")
	void namesAnAddresseeOneWayInTheReportsLanguage(String lang, String given, String expected) {
		assertThat(Messages.of(lang).addressee(given)).isEqualTo(expected);
	}

	@Test
	void namesTheSourcesOfFundsInEachLanguage() {
		assertThat(Messages.of("fr").fundingSource("extrabudgetary")).isEqualTo("ressources extrabudgétaires");
		assertThat(Messages.of("ru").fundingSource("core")).isEqualTo("основной бюджет");
		assertThat(Messages.of("en").fundingSource("unknown")).isEqualTo("unknown");
	}

	@Test
	void setsFrenchHighPunctuationAndGuillemetsWithNoBreakSpaces() {
		assertThat(Messages.of("fr").typeset("Source : rapport; voir « note »! L'objectif?"))
			.isEqualTo("Source\u00A0: rapport\u202F; voir «\u00A0note\u00A0»\u202F! L\u2019objectif\u202F?");
	}

	@Test
	void russianQuotationsInsideQuotationsTakeTheInnerMarks() {
		assertThat(Messages.of("ru").typeset("«Участие в обзоре второго издания «Глобальных перспектив» (GLO2)»"))
			.isEqualTo("«Участие в обзоре второго издания „Глобальных перспектив“ (GLO2)»");
		assertThat(Messages.of("ru").typeset("«один» и «два»")).isEqualTo("«один» и «два»");
	}

	@Test
	void englishTextInAFrenchReportKeepsEnglishTypography() {
		// a text given in English only, set in a French table cell or paragraph
		assertThat(Messages.of("fr").typeset("Country case studies received; drafting started: soon", "en"))
			.isEqualTo("Country case studies received; drafting started: soon");
		// an English title quoted in a French sentence (marked as the PDF reports mark
		// it)
		assertThat(Messages.of("fr").typeset("Voir : \uE000en\uE001Report: final draft; 2019\uE002 ; fin"))
			.isEqualTo("Voir\u00A0: \uE000en\uE001Report: final draft; 2019\uE002\u202F; fin");
		// the French text around it and a null language keep the report's rules
		assertThat(Messages.of("fr").typeset("Voir : note", null)).isEqualTo("Voir\u00A0: note");
	}

	@Test
	void setsTheTypographicApostropheInEnglishAndSpanishAndLeavesOtherScriptsAlone() {
		assertThat(Messages.of("en").typeset("the programme's budget: 'core'"))
			.isEqualTo("the programme\u2019s budget: 'core'");
		assertThat(Messages.of("zh").typeset("来源：A'B")).isEqualTo("来源：A'B");
	}

	@ParameterizedTest
	@ValueSource(strings = { "ar", "es", "fr", "ru", "zh" })
	void leavesNoEnglishWordInAnotherLanguagesLabels(String lang) throws IOException {
		Properties labels = new Properties();
		try (InputStream in = getClass().getResourceAsStream("/messages/labels_" + lang + ".properties")) {
			labels.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		for (String word : List.of("extrabudgetary", "Secretariat", "Addressed to", "Expected outcome", "Budget line",
				"in progress", "Source:", "Execution", "Note by", "Summary")) {
			for (String key : labels.stringPropertyNames()) {
				assertThat(labels.getProperty(key)).as(lang + " " + key).doesNotContainIgnoringCase(word);
			}
		}
	}

}
