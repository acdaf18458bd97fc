package org.unccd.cst.report.pdf;

import org.openpdf.text.pdf.DefaultSplitCharacter;
import org.openpdf.text.pdf.PdfChunk;

/**
 * Where a line of a report may break, on top of OpenPDF's rules: never before closing
 * punctuation or a closing quotation mark, nor after opening punctuation or an opening
 * quotation mark (the Chinese rules that keep 。，、；：？！）」』”’》〉】 and their half-width forms
 * off the start of a line and （「『“‘《〈【 off its end, applied to every language), and never
 * at the hyphen of a code or a span of years such as {@code O1.1-a} or {@code 2018-2019},
 * nor before a dash between words ("уровень выполнения — 60,0 процента").
 * <p>
 * The curly quotation marks are ambiguous in Unicode's line breaking (class QU): a
 * closing ” may stand where a line could otherwise break between two ideographs. Here the
 * closing marks ” ’ » › always go with the text before them and the opening ones “ ‘ « ‹
 * with the text after, as {@code lb=strict} does for Chinese. The report's own Chinese
 * text opens and closes its quotations with “ ”; a text given in the input that uses them
 * the German way („…“) is not told apart.
 */
final class LineBreaks extends DefaultSplitCharacter {

	static final LineBreaks INSTANCE = new LineBreaks();

	/** Characters no line may start with. */
	static final String CLOSING = "。，、；：？！）」』】〉》〕］｝〗〙〛”’»›.,;:?!)]}%\u3001\u30FB\uFF09\uFF0C\uFF0E\uFF1A\uFF1B\uFF1F\uFF01"
			+ "\uFF61\uFF63\uFF64\uFF65\u3009\u300B\u300D\u300F\u3011\u301E\u301F";

	/** Characters no line may end with. */
	static final String OPENING = "（「『【〈《〔［｛〖〘〚“‘«‹([{\uFF08\uFF62\u301D";

	private LineBreaks() {
	}

	/** The right-to-left mark that keeps a code or an amount apart in Arabic. */
	private static final char RIGHT_TO_LEFT_MARK = '\u200F';

	/**
	 * Whether the space at {@code current} stands between a currency code and an amount,
	 * either way round ({@code EUR 119,600.00}, {@code 119 600,00 EUR}), which stay on
	 * one line.
	 */
	private boolean bindsAmount(int start, int current, int end, char[] cc, PdfChunk[] ck) {
		int before = current - 1;
		while (before >= start && getCurrentCharacter(before, cc, ck) == RIGHT_TO_LEFT_MARK) {
			before--;
		}
		int after = current + 1;
		while (after < end && getCurrentCharacter(after, cc, ck) == RIGHT_TO_LEFT_MARK) {
			after++;
		}
		if (before < start || after >= end) {
			return false;
		}
		char previous = getCurrentCharacter(before, cc, ck);
		char next = getCurrentCharacter(after, cc, ck);
		if (Character.isDigit(next) && isCode(start, end, cc, ck, before - 2, before)) {
			return true;
		}
		return Character.isDigit(previous) && isCode(start, end, cc, ck, after, after + 2);
	}

	/**
	 * Whether the characters from {@code first} to {@code last} are a code such as EUR.
	 */
	private boolean isCode(int start, int end, char[] cc, PdfChunk[] ck, int first, int last) {
		if (first < start || last >= end) {
			return false;
		}
		for (int i = first; i <= last; i++) {
			char letter = getCurrentCharacter(i, cc, ck);
			if (letter < 'A' || letter > 'Z') {
				return false;
			}
		}
		return (first == start || !isLatin(getCurrentCharacter(first - 1, cc, ck)))
				&& (last + 1 == end || !isLatin(getCurrentCharacter(last + 1, cc, ck)));
	}

	private static boolean isLatin(char c) {
		return Character.isLetter(c) && Character.UnicodeScript.of(c) == Character.UnicodeScript.LATIN;
	}

	@Override
	public boolean isSplitCharacter(int start, int current, int end, char[] cc, PdfChunk[] ck) {
		char c = getCurrentCharacter(current, cc, ck);
		char next = (current + 1 < end) ? getCurrentCharacter(current + 1, cc, ck) : 0;
		if (next != 0 && CLOSING.indexOf(next) >= 0) {
			return false;
		}
		if (OPENING.indexOf(c) >= 0) {
			return false;
		}
		if (c == '-' && current > start) {
			char previous = getCurrentCharacter(current - 1, cc, ck);
			if (Character.isLetterOrDigit(previous) && Character.isLetterOrDigit(next)
					&& (Character.isDigit(previous) || Character.isDigit(next))) {
				return false;
			}
		}
		if (c == ' ' && bindsAmount(start, current, end, cc, ck)) {
			return false;
		}
		if (c == ' ' && (next == '\u2014' || next == '\u2013')) {
			// a dash between words never starts a line: it stays with the word before it
			return false;
		}
		boolean split;
		if (c >= 0x3000 && CLOSING.indexOf(c) >= 0) {
			// after Chinese punctuation a line may break
			split = true;
		}
		else if ((c == '\u201D' || c == '\u2019') && next >= 0x2E80) {
			// and after a closing quotation mark that Chinese text follows (never inside
			// a word such as "don’t")
			split = true;
		}
		else {
			split = super.isSplitCharacter(start, current, end, cc, ck);
		}
		return split && !leavesRunt(current, end, cc, ck);
	}

	/**
	 * Whether a break after {@code current} would leave a Chinese paragraph's last line
	 * with a single character and its punctuation ("0。", "项。"), and a footnote's mark,
	 * which Chinese typesetting avoids: the line breaks one character earlier instead.
	 */
	private boolean leavesRunt(int current, int end, char[] cc, PdfChunk[] ck) {
		if (end - current > 8) {
			return false;
		}
		boolean chinese = getCurrentCharacter(current, cc, ck) >= 0x2E80;
		int characters = 0;
		for (int i = current + 1; i < end; i++) {
			char tail = getCurrentCharacter(i, cc, ck);
			if (Character.isWhitespace(tail)) {
				// a word of a language that spaces its words
				return false;
			}
			chinese |= tail >= 0x2E80;
			// a raised footnote mark is not a character of the line
			boolean mark = ck != null && ck[i] != null && ck[i].getTextRise() > 0;
			if (!mark && CLOSING.indexOf(tail) < 0 && Character.getType(tail) != Character.FORMAT) {
				characters++;
			}
		}
		return chinese && characters == 1;
	}

}
