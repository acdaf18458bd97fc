package org.unccd.cst.report.xlsx;

/**
 * How many lines a text takes once wrapped in a column of a given width, so that a row
 * can be given the height its longest text needs: a spreadsheet viewer that does not fit
 * rows to their text itself (LibreOffice does not when printing some files) then prints
 * every line, and not lines over each other.
 * <p>
 * Widths are counted as a spreadsheet counts column widths, in digits of the default
 * font: a letter takes eight tenths of one (text runs narrower than digits, and the
 * widest common fallback font still fits that), a letter of a bold heading a whole one,
 * an ideograph or a fullwidth sign two. Lines break after a space or between ideographs,
 * as a viewer breaks them; a word longer than the column is cut.
 */
final class WrappedText {

	/** A line of the default font, in points, and the room above and below the text. */
	static final float LINE_POINTS = 15f;

	/** Tenths of a digit a letter takes. */
	private static final int NARROW = 8;

	/** Tenths of a digit a letter of a bold heading takes. */
	private static final int BOLD = 10;

	/** Tenths of a digit an ideograph takes. */
	private static final int WIDE = 20;

	private WrappedText() {
	}

	/** The lines {@code text} takes in a column {@code width} digits wide. */
	static int lines(String text, int width) {
		return lines(text, width, NARROW);
	}

	/**
	 * The lines a heading takes in a column {@code width} digits wide: its bold letters
	 * are wider than those of the rows under it.
	 */
	static int headingLines(String text, int width) {
		return lines(text, width, BOLD);
	}

	private static int lines(String text, int width, int letter) {
		if (text == null || text.isEmpty()) {
			return 1;
		}
		// a column keeps a margin either side of its text
		int room = Math.max(width - 1, 1) * 10;
		int lines = 1;
		int used = 0;
		int word = 0;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '\n') {
				lines++;
				used = 0;
				word = 0;
				continue;
			}
			int w = wide(c) ? WIDE : letter;
			if (c == ' ') {
				// a space at the end of a line takes no room
				if (used + letter <= room) {
					used += letter;
				}
				word = 0;
				continue;
			}
			if (used + w > room) {
				lines++;
				// the word begun on the line before goes over with it, unless it alone
				// fills a line, or the break is between ideographs
				boolean carry = !wide(c) && word > 0 && word + w <= room;
				used = carry ? word : 0;
			}
			used += w;
			word = wide(c) ? 0 : word + w;
		}
		return lines;
	}

	/** The height in points of a row whose tallest text takes {@code lines} lines. */
	static float height(int lines) {
		return lines * LINE_POINTS;
	}

	private static boolean wide(char c) {
		return (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0xA4CF) || (c >= 0xAC00 && c <= 0xD7A3)
				|| (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60)
				|| (c >= 0xFFE0 && c <= 0xFFE6);
	}

}
