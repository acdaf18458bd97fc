package org.unccd.cst.report.pdf;

import java.lang.Character.UnicodeScript;
import java.util.HashMap;
import java.util.Map;

import org.openpdf.text.pdf.BaseFont;
import org.openpdf.text.pdf.HyphenationEvent;
import org.openpdf.text.pdf.PdfChunk;
import org.openpdf.text.SplitCharacter;

/**
 * Breaks a word only where it must, and then with a hyphen: the text of a report stays
 * ragged and unhyphenated, as UN documents are, but a Latin or Cyrillic word wider than
 * the line or cell it stands in is broken at a hyphenation point of its language, with a
 * hyphen at the end of the line (where no point fits, after as many letters as fit, still
 * with the hyphen). Arabic and Chinese are never hyphenated.
 * <p>
 * OpenPDF's {@code BidiLine}, which sets every line of a {@code ColumnText} and so of
 * this project, asks a chunk's {@link HyphenationEvent} whenever a line ends inside a
 * word, not only when the word is wider than the line: it does not say where the line
 * started. That is why this one object is both the chunks' {@link SplitCharacter}, which
 * {@code BidiLine} asks about every character of the line from its start up to the first
 * one that does not fit, and their hyphenation event, asked right after: the word is
 * hyphenated only when nothing before it on the line could end the line, that is when it
 * (with what is glued to it, such as an opening quote) starts the line and still does not
 * fit. Otherwise the word goes whole to the next line, as before. One instance serves one
 * document, laid out on one thread.
 */
final class WordBreaks implements SplitCharacter, HyphenationEvent {

	/**
	 * The hyphen at the end of a broken line, laid out as a soft hyphen: it has the width
	 * of "-", and {@link MarkedText} draws it as "-" that a reader does not hear.
	 */
	static final String HYPHEN = String.valueOf(MarkedText.ADDED_HYPHEN);

	/** The longest word whose points are kept for the next time it is set. */
	private static final int LONGEST_KEPT = 200;

	private final Hyphenator own;

	private final UnicodeScript ownScript;

	// the line that BidiLine is setting: its text, start and the last character asked
	// about
	private char[] text;

	private PdfChunk[] chunks;

	private int lineStart;

	private int current;

	private int end;

	private String post = "";

	/** The points of the words of ordinary length hyphenated so far. */
	private final Map<String, int[]> points = new HashMap<>();

	/** Breaks for a report in {@code lang}, or {@code null} when it is not known. */
	WordBreaks(String lang) {
		this.own = Hyphenator.of(lang);
		this.ownScript = "ru".equals(lang) ? UnicodeScript.CYRILLIC : UnicodeScript.LATIN;
	}

	@Override
	public boolean isSplitCharacter(int start, int current, int end, char[] cc, PdfChunk[] ck) {
		if (ck != null) {
			this.text = cc;
			this.chunks = ck;
			this.lineStart = start;
			this.current = current;
			this.end = end;
		}
		else {
			// not a line of BidiLine: its word is never hyphenated here
			this.text = null;
			this.chunks = null;
		}
		return LineBreaks.INSTANCE.isSplitCharacter(start, current, end, cc, ck);
	}

	@Override
	public String getHyphenSymbol() {
		return HYPHEN;
	}

	@Override
	public String getHyphenatedWordPre(String word, BaseFont font, float fontSize, float remainingWidth) {
		this.post = "";
		char[] line = this.text;
		PdfChunk[] lineChunks = this.chunks;
		this.text = null;
		this.chunks = null;
		if (line == null || word.isEmpty() || !mustBreak(word, line, lineChunks)) {
			return "";
		}
		Hyphenator hyphenator = hyphenatorOf(word);
		if (hyphenator == null) {
			return "";
		}
		// the most letters that fit with the hyphen after them
		float hyphen = font.getWidthPoint(HYPHEN, fontSize);
		float width = 0;
		int fitting = 0;
		while (fitting < word.length() - 1) {
			width += font.getWidthPoint(word.charAt(fitting), fontSize);
			if (width + hyphen > remainingWidth) {
				break;
			}
			fitting++;
		}
		int best = 0;
		for (int point : points(hyphenator, word, fitting)) {
			if (point <= fitting) {
				best = point;
			}
		}
		if (best == 0) {
			// no hyphenation point fits: as many letters as fit, and the hyphen
			best = fitting;
		}
		if (best == 0) {
			return "";
		}
		this.post = word.substring(best);
		return word.substring(0, best) + HYPHEN;
	}

	@Override
	public String getHyphenatedWordPost() {
		return this.post;
	}

	/**
	 * Whether {@code word}, which runs over the end of the line that {@code BidiLine} is
	 * setting, has nothing before it on the line where the line could end.
	 */
	private boolean mustBreak(String word, char[] line, PdfChunk[] lineChunks) {
		// BidiLine's word: the letters around the last character that fits
		int last = this.current - 1;
		if (last < this.lineStart || last >= this.end || this.end > line.length) {
			return false;
		}
		int first = last;
		while (first > this.lineStart && Character.isLetter(line[first - 1])) {
			first--;
		}
		int after = last;
		while (after < this.end && Character.isLetter(line[after])) {
			after++;
		}
		if (after - first != word.length() || !word.contentEquals(new String(line, first, after - first))) {
			return false;
		}
		if (this.current >= after) {
			// the whole word fits: only the space after it does not
			return false;
		}
		for (int i = this.lineStart; i < first; i++) {
			if (LineBreaks.INSTANCE.isSplitCharacter(this.lineStart, i, this.end, line, lineChunks)) {
				return false;
			}
		}
		return true;
	}

	/**
	 * The patterns for a word: the report's language for a word in its script, else
	 * English for a Latin word and Russian for a Cyrillic one; none for other scripts.
	 */
	private Hyphenator hyphenatorOf(String word) {
		UnicodeScript script = UnicodeScript.of(word.codePointAt(0));
		if (this.own != null && script == this.ownScript) {
			return this.own;
		}
		if (script == UnicodeScript.LATIN) {
			return Hyphenator.of("en");
		}
		if (script == UnicodeScript.CYRILLIC) {
			return Hyphenator.of("ru");
		}
		return null;
	}

	/**
	 * The points of a word up to {@code fitting}; those of a word of ordinary length are
	 * kept, since OpenPDF sets a cell or a paragraph more than once (to measure it, then
	 * to draw it).
	 */
	private int[] points(Hyphenator hyphenator, String word, int fitting) {
		if (word.length() > LONGEST_KEPT) {
			return hyphenator.points(word, fitting);
		}
		return this.points.computeIfAbsent(word, hyphenator::points);
	}

}
