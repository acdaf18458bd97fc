package org.unccd.cst.report.pdf;

import java.lang.Character.UnicodeScript;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The text of a Chinese report set the way Chinese is typeset (docs/languages.md): no
 * space between a Chinese character or punctuation mark and a Latin letter or a digit
 * ({@code 截至2019年12月31日}, {@code 审评IPBES全球评估}), and the full-width forms of the
 * punctuation that follows Chinese text ({@code ，；：？！}) and of the brackets around or
 * after it ({@code 平台（IPBES）}, {@code （2019年2月12日）}).
 * <p>
 * It applies to every text of the report, the sentences of the message bundles, what the
 * report joins together and the texts of the input alike, so that a sentence reads the
 * same whichever part of it came from where. Text with no Chinese in it is left as it is:
 * a code such as {@code ICCD/COP(13)/CST/7}, an English title quoted in the report
 * ({@link Quoted}, whose marks this skips over) or an amount such as {@code 1,250.00}.
 */
final class ChineseText {

	private ChineseText() {
	}

	/** {@code text} with the spaces and half-width punctuation of Chinese typesetting. */
	static String typeset(String text) {
		if (text == null || text.isEmpty() || text.codePoints().noneMatch(ChineseText::isHan)) {
			return text;
		}
		char[] chars = text.toCharArray();
		boolean[] marker = markers(chars);
		boolean[] dropped = new boolean[chars.length];
		// brackets: a pair is full-width when Chinese stands before it or inside it
		Deque<Integer> open = new ArrayDeque<>();
		for (int i = 0; i < chars.length; i++) {
			if (marker[i]) {
				continue;
			}
			if (chars[i] == '(') {
				open.push(i);
			}
			else if (chars[i] == ')' && !open.isEmpty()) {
				int start = open.pop();
				int before = previous(chars, marker, start);
				while (before > 0 && chars[before] == ' ') {
					before = previous(chars, marker, before);
				}
				boolean chinese = before >= 0 && isChinese(chars[before]);
				for (int k = start + 1; k < i && !chinese; k++) {
					chinese = !marker[k] && isHan(chars[k]);
				}
				if (chinese) {
					chars[start] = '\uFF08';
					chars[i] = '\uFF09';
				}
			}
		}
		// punctuation after Chinese
		for (int i = 0; i < chars.length; i++) {
			int full = ",;:?!".indexOf(chars[i]);
			if (full < 0 || marker[i]) {
				continue;
			}
			int before = previous(chars, marker, i);
			while (before > 0 && "”’）」』》".indexOf(chars[before]) >= 0) {
				// a quotation or bracket closed after Chinese
				before = previous(chars, marker, before);
			}
			int after = next(chars, marker, i);
			boolean ends = after < 0 || chars[after] == ' ' || isChinese(chars[after]);
			if (before >= 0 && chars[before] != ' ' && isChinese(chars[before]) && ends) {
				chars[i] = "，；：？！".charAt(full);
			}
		}
		// spaces next to Chinese
		for (int i = 0; i < chars.length; i++) {
			if (chars[i] != ' ' || marker[i]) {
				continue;
			}
			int before = i - 1;
			while (before >= 0 && (marker[before] || chars[before] == ' ')) {
				before--;
			}
			int after = i + 1;
			while (after < chars.length && (marker[after] || chars[after] == ' ')) {
				after++;
			}
			if ((before >= 0 && isChinese(chars[before])) || (after < chars.length && isChinese(chars[after]))) {
				dropped[i] = before >= 0 && after < chars.length && chars[before] != '\n' && chars[after] != '\n';
			}
		}
		StringBuilder out = new StringBuilder(chars.length);
		for (int i = 0; i < chars.length; i++) {
			if (!dropped[i]) {
				out.append(chars[i]);
			}
		}
		return out.toString();
	}

	/** Which characters are the marks of a quotation ({@link Quoted}), not its text. */
	private static boolean[] markers(char[] chars) {
		boolean[] marker = new boolean[chars.length];
		boolean language = false;
		for (int i = 0; i < chars.length; i++) {
			if (chars[i] == Quoted.START) {
				language = true;
			}
			marker[i] = language || chars[i] == Quoted.TEXT || chars[i] == Quoted.END
					|| (chars[i] >= '\u2066' && chars[i] <= '\u2069') || (chars[i] >= '\u202A' && chars[i] <= '\u202E');
			if (chars[i] == Quoted.TEXT) {
				language = false;
			}
		}
		return marker;
	}

	private static int previous(char[] chars, boolean[] marker, int at) {
		int i = at - 1;
		while (i >= 0 && marker[i]) {
			i--;
		}
		return i;
	}

	private static int next(char[] chars, boolean[] marker, int at) {
		int i = at + 1;
		while (i < chars.length && marker[i]) {
			i++;
		}
		return (i < chars.length) ? i : -1;
	}

	/**
	 * A Chinese character, or full-width punctuation; not the curly quotation marks,
	 * which English text uses too.
	 */
	static boolean isChinese(int c) {
		return isHan(c) || (c >= 0x3000 && c <= 0x303F) || (c >= 0xFF00 && c <= 0xFF65);
	}

	private static boolean isHan(int c) {
		return Character.isLetter(c) && UnicodeScript.of(c) == UnicodeScript.HAN;
	}

}
