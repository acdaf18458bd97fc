package org.unccd.cst.report.pdf;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link Hyphenator}: words of each hyphenated language split where its
 * dictionaries split them, and nowhere else.
 */
class HyphenatorTests {

	@Test
	void englishWordsSplitAtTheirSyllables() {
		Hyphenator english = Hyphenator.of("en");
		assertThat(english.hyphenate("desertification")).isEqualTo("de-ser-ti-fi-ca-tion");
		assertThat(english.hyphenate("implementation")).isEqualTo("im-ple-men-ta-tion");
		assertThat(english.hyphenate("hyphenation")).isEqualTo("hy-phen-ation");
		// an exception of the patterns' own list
		assertThat(english.hyphenate("associate")).isEqualTo("as-so-ciate");
		assertThat(english.hyphenate("Programme")).isEqualTo("Pro-gramme");
	}

	@Test
	void frenchWordsSplitAtTheirSyllables() {
		Hyphenator french = Hyphenator.of("fr");
		assertThat(french.hyphenate("désertification")).isEqualTo("dé-ser-ti-fi-ca-tion");
		assertThat(french.hyphenate("développement")).isEqualTo("dé-ve-lop-pe-ment");
		assertThat(french.hyphenate("recommandation")).isEqualTo("re-com-man-da-tion");
		assertThat(french.hyphenate("gouvernement")).isEqualTo("gou-ver-ne-ment");
	}

	@Test
	void spanishWordsSplitAtTheirSyllables() {
		Hyphenator spanish = Hyphenator.of("es");
		assertThat(spanish.hyphenate("desertificación")).isEqualTo("de-ser-ti-fi-ca-ción");
		assertThat(spanish.hyphenate("recomendaciones")).isEqualTo("re-co-men-da-cio-nes");
		assertThat(spanish.hyphenate("tecnología")).isEqualTo("tec-no-lo-gía");
		assertThat(spanish.hyphenate("programa")).isEqualTo("pro-gra-ma");
	}

	@Test
	void russianWordsSplitAtTheirSyllables() {
		Hyphenator russian = Hyphenator.of("ru");
		assertThat(russian.hyphenate("опустынивание")).isEqualTo("опу-сты-ни-ва-ние");
		assertThat(russian.hyphenate("деградации")).isEqualTo("де-гра-да-ции");
		assertThat(russian.hyphenate("осуществление")).isEqualTo("осу-ществ-ле-ние");
		assertThat(russian.hyphenate("Конференция")).isEqualTo("Кон-фе-рен-ция");
	}

	@Test
	void keepsTheLeastLettersOfEachLanguageOnBothSides() {
		// English leaves at least three letters on the next line, Russian two
		for (int point : Hyphenator.of("en").points("unccdprogrammesize")) {
			assertThat(point).isBetween(2, "unccdprogrammesize".length() - 3);
		}
		assertThat(Hyphenator.of("en").points("table")).containsExactly(2);
		assertThat(Hyphenator.of("en").points("land")).isEmpty();
		assertThat(Hyphenator.of("ru").points("мир")).isEmpty();
	}

	@Test
	void wordsWithOtherThanLettersAndArabicAndChineseHaveNoPoints() {
		assertThat(Hyphenator.of("en").points("O1.1-a")).isEmpty();
		assertThat(Hyphenator.of("en").points("2018")).isEmpty();
		assertThat(Hyphenator.of("ar")).isNull();
		assertThat(Hyphenator.of("zh")).isNull();
		assertThat(Hyphenator.of(null)).isNull();
	}

	@Test
	void thePointsUpToALimitAreThoseOfTheWholeWord() {
		String word = "Desertificationlanddegradationanddroughtmitigationandadaptationstrategiesforsustainablelandmanagement";
		for (String lang : new String[] { "en", "fr", "es" }) {
			Hyphenator hyphenator = Hyphenator.of(lang);
			int[] all = hyphenator.points(word);
			for (int limit = 0; limit <= word.length(); limit++) {
				int last = limit;
				assertThat(hyphenator.points(word, limit)).as(lang + " up to " + limit)
					.containsExactly(java.util.Arrays.stream(all).filter((p) -> p <= last).toArray());
			}
		}
		String russian = "Опустыниваниедеградацияземельизасухасмягчениепоследствий";
		int[] all = Hyphenator.of("ru").points(russian);
		assertThat(Hyphenator.of("ru").points(russian, 20))
			.containsExactly(java.util.Arrays.stream(all).filter((p) -> p <= 20).toArray());
	}

	@Test
	void givesTheSamePointsEveryTime() {
		Hyphenator english = Hyphenator.of("en");
		assertThat(Hyphenator.of("en")).isSameAs(english);
		assertThat(english.points("neutrality")).containsExactly(english.points("neutrality"));
	}

}
