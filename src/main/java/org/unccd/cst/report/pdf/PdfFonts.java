package org.unccd.cst.report.pdf;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.text.Bidi;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

import org.openpdf.text.Chunk;
import org.openpdf.text.Font;
import org.openpdf.text.Phrase;
import org.openpdf.text.pdf.BaseFont;

/**
 * The embedded fonts of one PDF: a serif for Latin, Greek and Cyrillic (a sans-serif in a
 * Chinese report, whose CJK font is one), a Naskh for Arabic and a CJK font, each subset
 * into the document. Arabic letters are set in the Naskh, everything else in the first
 * font that has it; a character that no font has is shown as a replacement mark and
 * counted, never dropped silently.
 */
final class PdfFonts {

	private static final String REGULAR = "fonts/NotoSerif-Regular.ttf";

	private static final String BOLD = "fonts/NotoSerif-Bold.ttf";

	/**
	 * The Latin of a Chinese report: a sans-serif like its Chinese, so that a line does
	 * not mix serif letters and figures with sans-serif characters.
	 */
	private static final String SANS = "fonts/NotoSans-Regular.ttf";

	private static final String SANS_BOLD = "fonts/NotoSans-Bold.ttf";

	private static final String CJK = "fonts/DroidSansFallbackFull.ttf";

	private static final String ARABIC = "fonts/NotoNaskhArabic-Regular.ttf";

	private static final String ARABIC_BOLD = "fonts/NotoNaskhArabic-Bold.ttf";

	private static final int RIGHT_TO_LEFT_MARK = 0x200F;

	private static final int LEFT_TO_RIGHT_MARK = 0x200E;

	private static final ConcurrentHashMap<String, byte[]> FILES = new ConcurrentHashMap<>();

	private final BaseFont regular;

	private final BaseFont bold;

	private final BaseFont cjk;

	private final BaseFont arabic;

	private final BaseFont arabicBold;

	private final float leading;

	private final WordBreaks breaks;

	private final boolean chinese;

	private final boolean rightToLeft;

	private int missing;

	/**
	 * Loads the fonts for one document in {@code lang}; {@code seed} fixes the subset
	 * names. Arabic text gets more room between lines for its marks above and below; a
	 * word wider than its line is hyphenated by the rules of {@code lang}.
	 */
	PdfFonts(String seed, boolean arabicText, String lang) {
		this.rightToLeft = arabicText;
		this.breaks = new WordBreaks(lang);
		this.chinese = "zh".equals(lang);
		this.leading = arabicText ? 1.6f : 1.35f;
		this.regular = load(this.chinese ? SANS : REGULAR, seed);
		this.bold = load(this.chinese ? SANS_BOLD : BOLD, seed);
		this.cjk = load(CJK, seed);
		this.arabic = load(ARABIC, seed);
		this.arabicBold = load(ARABIC_BOLD, seed);
	}

	private static BaseFont load(String resource, String seed) {
		byte[] bytes = FILES.computeIfAbsent(resource, PdfFonts::read);
		try {
			BaseFont font = BaseFont.createFont(resource.substring(resource.lastIndexOf('/') + 1), BaseFont.IDENTITY_H,
					BaseFont.EMBEDDED, BaseFont.NOT_CACHED, bytes, null);
			SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
			random.setSeed((seed + "|" + resource).getBytes(StandardCharsets.UTF_8));
			font.setSecureRandom(random);
			// PDF/A-2 needs no CIDSet, and OpenPDF's lists only the glyphs used
			font.setIncludeCidSet(false);
			return font;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static byte[] read(String resource) {
		try (InputStream in = PdfFonts.class.getClassLoader().getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException("Font " + resource + " is missing from the application");
			}
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	BaseFont regular() {
		return this.regular;
	}

	/** The distance between lines for text of {@code size}. */
	float leading(float size) {
		return size * this.leading;
	}

	/** How many characters no font could show so far. */
	int missing() {
		return this.missing;
	}

	Phrase phrase(String text, float size) {
		return phrase(text, size, false);
	}

	/**
	 * The text as runs of chunks, each in the first font that has its characters; in a
	 * Chinese report, typeset the Chinese way ({@link ChineseText}).
	 */
	Phrase phrase(String text, float size, boolean strong) {
		if (this.chinese) {
			text = ChineseText.typeset(text);
		}
		List<Font> fonts = List.of(new Font(strong ? this.bold : this.regular, size),
				new Font(this.cjk, size, strong ? Font.BOLD : Font.NORMAL),
				new Font(strong ? this.arabicBold : this.arabic, size));
		Font arabicFont = fonts.get(2);
		// the phrase's own font is used for line breaks and spacing: it must be an
		// embedded one too
		Phrase phrase = new Phrase(size * this.leading, "", fonts.get(0));
		if (text == null || text.isEmpty()) {
			return phrase;
		}
		List<Run> runs = new ArrayList<>();
		StringBuilder run = new StringBuilder();
		Font current = null;
		String quoted = null;
		for (int i = 0; i < text.length();) {
			int codePoint = text.codePointAt(i);
			i += Character.charCount(codePoint);
			if (codePoint == Quoted.START || codePoint == Quoted.END) {
				// a quotation in another language starts or ends: a chunk of its own
				if (current != null && !run.isEmpty()) {
					runs.add(new Run(run.toString(), current, quoted));
					run.setLength(0);
				}
				int language = text.indexOf(Quoted.TEXT, i);
				quoted = (codePoint == Quoted.START && language > 0) ? text.substring(i, language) : null;
				i = (quoted != null) ? language + 1 : i;
				continue;
			}
			Font font = null;
			String chars = new String(Character.toChars(codePoint));
			if (codePoint == '\n' || codePoint == '\r' || codePoint == '\t') {
				font = (current != null) ? current : fonts.get(0);
				chars = (codePoint == '\t') ? " " : (codePoint == '\n') ? "\n" : "";
			}
			else if (codePoint == RIGHT_TO_LEFT_MARK || codePoint == LEFT_TO_RIGHT_MARK
					|| (codePoint >= 0x202A && codePoint <= 0x202E) || (codePoint >= 0x2066 && codePoint <= 0x2069)) {
				// a direction mark, embedding or isolate steers the bidirectional
				// algorithm and has no glyph; an isolate, which OpenPDF does not leave
				// out of the line as it does the others, is set in the Latin font, whose
				// glyph for it is empty and which MarkedText does not draw
				font = (codePoint >= 0x2066) ? fonts.get(0) : (current != null) ? current : fonts.get(0);
			}
			else if (isArabic(codePoint) && arabicFont.getBaseFont().charExists(codePoint)) {
				font = arabicFont;
			}
			else {
				for (Font candidate : fonts) {
					if (candidate.getBaseFont().charExists(codePoint)) {
						font = candidate;
						break;
					}
				}
				if (font == null) {
					this.missing++;
					font = fonts.get(0);
					chars = "\uFFFD".equals(chars) ? "?"
							: (fonts.get(0).getBaseFont().charExists(0xFFFD) ? "\uFFFD" : "?");
				}
			}
			if (current != null && font != current) {
				runs.add(new Run(run.toString(), current, quoted));
				run.setLength(0);
			}
			current = font;
			run.append(chars);
		}
		if (current != null && !run.isEmpty()) {
			runs.add(new Run(run.toString(), current, quoted));
		}
		for (Run piece : this.rightToLeft ? mirrored(runs) : runs) {
			phrase.add(chunk(piece.text(), piece.font(), piece.lang(), piece.actual()));
		}
		return phrase;
	}

	/**
	 * The runs with each character that the line will show mirrored in a run of its own,
	 * which carries the character it stands for.
	 * <p>
	 * OpenPDF's {@code BidiLine} shows a bracket or a quotation mark that stands in
	 * right-to-left text by its mirror image, as it must: the "(" that opens a bracket in
	 * Arabic is drawn as ")" on the right of the bracketed text. The page is right, but
	 * the text read back would give the glyph's character, ")", at the start of the
	 * bracket. Each such character is marked with the character it stands for (the
	 * {@code ActualText} of {@link MarkedText}), so that a reader, a search or a copy
	 * gets the text as it was written. The levels are those {@code BidiLine} gives the
	 * same text: the Unicode bidirectional algorithm of the Java runtime, in a right to
	 * left paragraph.
	 */
	static List<Run> mirrored(List<Run> runs) {
		StringBuilder all = new StringBuilder();
		for (Run run : runs) {
			all.append(run.text());
		}
		int[] levels = new int[all.length()];
		int start = 0;
		while (start <= all.length()) {
			int end = all.indexOf("\n", start);
			end = (end < 0) ? all.length() : end;
			if (end > start) {
				Bidi bidi = new Bidi(all.substring(start, end), Bidi.DIRECTION_RIGHT_TO_LEFT);
				for (int k = start; k < end; k++) {
					levels[k] = bidi.getLevelAt(k - start);
				}
			}
			start = end + 1;
		}
		List<Run> split = new ArrayList<>();
		int at = 0;
		for (Run run : runs) {
			int from = 0;
			String text = run.text();
			for (int k = 0; k < text.length(); k++) {
				if ((levels[at + k] & 1) == 1 && MIRRORED.indexOf(text.charAt(k)) >= 0) {
					if (k > from) {
						split.add(new Run(text.substring(from, k), run.font(), run.lang()));
					}
					split.add(new Run(text.substring(k, k + 1), run.font(), run.lang(), text.substring(k, k + 1)));
					from = k + 1;
				}
			}
			if (from < text.length()) {
				split.add(new Run(text.substring(from), run.font(), run.lang()));
			}
			at += text.length();
		}
		return split;
	}

	/**
	 * The characters that OpenPDF shows mirrored in right-to-left text, as they are
	 * typed.
	 */
	private static final String MIRRORED = "()<>[]{}\u00AB\u00BB\u2039\u203A\u2264\u2265";

	/**
	 * A run of text in one font: quoted in {@code lang} when given, and standing for
	 * {@code actual} when that is given.
	 */
	record Run(String text, Font font, String lang, String actual) {

		Run(String text, Font font, String lang) {
			this(text, font, lang, null);
		}

	}

	/**
	 * A chunk of text in {@code font}, quoted in {@code lang} when given, standing for
	 * {@code actual} when given.
	 */
	private Chunk chunk(String text, Font font, String lang, String actual) {
		Font coloured = font;
		if (lang != null || actual != null) {
			coloured = new Font(font);
			coloured.setColor(Quoted.colour(lang, actual));
		}
		Chunk chunk = new Chunk(text, coloured);
		chunk.setSplitCharacter(this.breaks);
		chunk.setHyphenation(this.breaks);
		return chunk;
	}

	/**
	 * Arabic letters and marks, and the punctuation that joins them, which the Naskh
	 * shapes.
	 */
	private static boolean isArabic(int codePoint) {
		return Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.ARABIC || codePoint == 0x200C
				|| codePoint == 0x200D;
	}

}
