package org.unccd.cst.report.pdf;

import java.awt.Color;

/**
 * A text in another language quoted inside a sentence of the report, such as an English
 * title where the report's language has none: marked in the sentence's text (with
 * characters of Unicode's private use area, which {@link PdfFonts} takes out), set in
 * chunks whose colour, black, says the language, and marked in the page content as a
 * {@code Span} with its {@code Lang} by {@link MarkedText}.
 */
final class Quoted {

	static final char START = '\uE000';

	static final char TEXT = '\uE001';

	static final char END = '\uE002';

	private Quoted() {
	}

	/** {@code text} marked as being in {@code lang}. */
	static String in(String lang, String text) {
		return START + lang + TEXT + text + END;
	}

	/** The black of a text in {@code lang}. */
	static Color colour(String lang) {
		return new Language(lang, null);
	}

	/**
	 * The black of a text in {@code lang} (or the report's, when {@code null}) whose
	 * glyphs stand for {@code actual} (or for their own characters, when {@code null}).
	 */
	static Color colour(String lang, String actual) {
		return new Language(lang, actual);
	}

	/** The language a colour says, or {@code null}. */
	static String language(Color colour) {
		return (colour instanceof Language language) ? language.lang : null;
	}

	/** The text a colour says its glyphs stand for, or {@code null}. */
	static String actual(Color colour) {
		return (colour instanceof Language language) ? language.actual : null;
	}

	private static final class Language extends Color {

		private final String lang;

		private final String actual;

		private Language(String lang, String actual) {
			super(0, 0, 0);
			this.lang = lang;
			this.actual = actual;
		}

	}

}
