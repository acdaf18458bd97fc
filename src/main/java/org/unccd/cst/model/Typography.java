package org.unccd.cst.model;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
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
	/** Russian: quotation marks inside « » are „ “. */
	RUSSIAN,
	/** Arabic and Chinese text as given. */
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
			case "ru" -> RUSSIAN;
			default -> NONE;
		};
	}

	/**
	 * A text quoted in another language inside a sentence, as the PDF reports mark it
	 * (between the private-use characters U+E000 and U+E002): it keeps its own
	 * typography.
	 */
	private static final Pattern QUOTED = Pattern.compile("\uE000[^\uE002]*\uE002");

	/** Where a quoted text stood while the rules applied. */
	private static final char ASIDE = '\uE003';

	String apply(String text) {
		if (text == null || this == NONE) {
			return text;
		}
		Matcher quoted = QUOTED.matcher(text);
		if (!quoted.find()) {
			return applyToAll(text);
		}
		// each quoted text stands aside as one character while the rules apply around it
		List<String> aside = new ArrayList<>();
		StringBuilder marked = new StringBuilder();
		int from = 0;
		do {
			marked.append(text, from, quoted.start()).append(ASIDE);
			aside.add(quoted.group());
			from = quoted.end();
		}
		while (quoted.find());
		String set = applyToAll(marked.append(text.substring(from)).toString());
		StringBuilder back = new StringBuilder();
		int next = 0;
		for (int i = 0; i < set.length(); i++) {
			char c = set.charAt(i);
			back.append((c == ASIDE) ? aside.get(next++) : String.valueOf(c));
		}
		return back.toString();
	}

	private String applyToAll(String text) {
		if (this == RUSSIAN) {
			return nested(text);
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

	/** Guillemets inside guillemets become „ “, as Russian nests its quotations. */
	private static String nested(String text) {
		StringBuilder set = new StringBuilder(text.length());
		int depth = 0;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '«') {
				depth++;
				set.append((depth > 1) ? '„' : c);
			}
			else if (c == '»' && depth > 0) {
				set.append((depth > 1) ? '“' : c);
				depth--;
			}
			else {
				set.append(c);
			}
		}
		return set.toString();
	}

}
