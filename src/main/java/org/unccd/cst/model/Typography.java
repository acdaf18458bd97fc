package org.unccd.cst.model;

import java.util.regex.Pattern;

/**
 * The typographic rules of a language that a text set in it follows: the apostrophe, and
 * in French the no-break spaces before high punctuation and inside guillemets. The words
 * are never changed.
 */
enum Typography {

	/**
	 * French: a narrow no-break space before ; ? ! and a no-break space before : and
	 * inside « ».
	 */
	FRENCH,
	/** English and Spanish: the typographic apostrophe. */
	APOSTROPHE,
	/** Arabic, Chinese and Russian text as given. */
	NONE;

	private static final Pattern HIGH = Pattern
		.compile("(?<=[^\\s\\u00A0\\u202F])[ \\u00A0\\u202F]?([;?!])(?=\\s|$|\\))");

	private static final Pattern COLON = Pattern.compile("(?<=[^\\s\\u00A0\\u202F])[ \\u00A0\\u202F]?:(?=\\s|$)");

	private static final Pattern OPEN_QUOTE = Pattern.compile("«[ \\u00A0\\u202F]?");

	private static final Pattern CLOSE_QUOTE = Pattern.compile("[ \\u00A0\\u202F]?»");

	static Typography of(String lang) {
		return switch (lang) {
			case "fr" -> FRENCH;
			case "en", "es" -> APOSTROPHE;
			default -> NONE;
		};
	}

	String apply(String text) {
		if (text == null || this == NONE) {
			return text;
		}
		// an apostrophe between letters is the typographic one
		String set = text.replaceAll("(?<=\\p{L})'(?=\\p{L})", "\u2019");
		if (this == FRENCH) {
			set = HIGH.matcher(set).replaceAll("\u202F$1");
			set = COLON.matcher(set).replaceAll("\u00A0:");
			set = OPEN_QUOTE.matcher(set).replaceAll("«\u00A0");
			set = CLOSE_QUOTE.matcher(set).replaceAll("\u00A0»");
		}
		return set;
	}

}
