package org.unccd.cst.report.pdf;

import org.openpdf.text.pdf.DefaultSplitCharacter;
import org.openpdf.text.pdf.PdfChunk;

/**
 * Where a line of a report may break, on top of OpenPDF's rules: never before closing
 * punctuation or after opening punctuation (the Chinese rules that keep 。，、；： off the
 * start of a line and （「 off its end), and never at the hyphen of a code or a span of
 * years such as {@code O1.1-a} or {@code 2018-2019}.
 */
final class LineBreaks extends DefaultSplitCharacter {

	static final LineBreaks INSTANCE = new LineBreaks();

	/** Characters no line may start with. */
	static final String CLOSING = "。，、；：？！）」』】〉》〕］｝.,;:?!)]}%\u3001\u30FB\uFF09\uFF0C\uFF0E\uFF1A\uFF1B\uFF1F\uFF01";

	/** Characters no line may end with. */
	static final String OPENING = "（「『【〈《〔［｛([{\uFF08";

	private LineBreaks() {
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
		if (c >= 0x3000 && CLOSING.indexOf(c) >= 0) {
			// after Chinese punctuation a line may break
			return true;
		}
		return super.isSplitCharacter(start, current, end, cc, ck);
	}

}
