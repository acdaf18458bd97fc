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
		return new Language(lang);
	}

	/** The language a colour says, or {@code null}. */
	static String language(Color colour) {
		return (colour instanceof Language language) ? language.lang : null;
	}

	private static final class Language extends Color {

		private final String lang;

		private Language(String lang) {
			super(0, 0, 0);
			this.lang = lang;
		}

	}

}
