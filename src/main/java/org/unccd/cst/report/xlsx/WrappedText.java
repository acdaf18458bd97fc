package org.unccd.cst.report.xlsx;

/**
 * How many lines a text takes once wrapped in a column of a given width, so that a row
 * can be given the height its longest text needs: a spreadsheet viewer that does not fit
 * rows to their text itself (LibreOffice does not when printing some files) then prints
 * every line, and not lines over each other.
 * <p>
 * Widths are counted as a spreadsheet counts column widths, in digits of the workbook's
 * font, Calibri (or Carlito, which has its widths). Measured on Carlito, a text of Latin
 * letters takes 0.80 to 0.83 of a digit a character, spaces included, and a Cyrillic one
 * 0.94 to 0.97; so a Latin letter is counted as nine tenths, a Cyrillic one as eleven and
 * a space as five, a little more than they take. The letters of a bold heading take a
 * tenth more, those of a title (bold, 14 points) 1.3 times as much as a heading's; an
 * ideograph or a fullwidth sign takes two digits. Lines break after a space or between
 * ideographs, as a viewer breaks them; a word longer than the column is cut.
 */
final class WrappedText {

	/** A line of the default font, in points, and the room above and below the text. */
	static final float LINE_POINTS = 15f;

	/** A line of a title, in points, and the room above and below it. */
	private static final float TITLE_LINE_POINTS = 19f;

	/**
	 * Tenths of a digit a character takes, by kind: space, Latin, Cyrillic, ideograph.
	 */
	private enum Face {

		REGULAR(5, 9, 11, 20), BOLD(5, 10, 12, 20), TITLE(6, 13, 15, 26);

		final int space;

		final int letter;

		final int cyrillic;

		final int ideograph;

		Face(int space, int letter, int cyrillic, int ideograph) {
			this.space = space;
			this.letter = letter;
			this.cyrillic = cyrillic;
			this.ideograph = ideograph;
		}

		int width(char c) {
			if (c == ' ') {
				return this.space;
			}
			if (wide(c)) {
				return this.ideograph;
			}
			return (c >= 0x0400 && c <= 0x052F) ? this.cyrillic : this.letter;
		}

	}

	private WrappedText() {
	}

	/** The lines {@code text} takes in a column {@code width} digits wide. */
	static int lines(String text, int width) {
		return lines(text, width, Face.REGULAR);
	}

	/**
	 * The lines a heading takes in a column {@code width} digits wide: its bold letters
	 * are wider than those of the rows under it.
	 */
	static int headingLines(String text, int width) {
		return lines(text, width, Face.BOLD);
	}

	/**
	 * The height, in points, of a title's row, the title wrapped in {@code width} digits.
	 */
	static float titleHeight(String text, int width) {
		return lines(text, width, Face.TITLE) * TITLE_LINE_POINTS;
	}

	/**
	 * The width, in digits, of a column in which no word of the heading {@code text} is
	 * cut: its longest word of bold letters and the column's margin. A run of ideographs
	 * may break between any two of them, so it needs the room of one.
	 */
	static int headingWordWidth(String text) {
		int longest = 0;
		int word = 0;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == ' ' || c == '\n' || wide(c)) {
				word = wide(c) ? Face.BOLD.ideograph : 0;
			}
			else {
				word += Face.BOLD.width(c);
			}
			longest = Math.max(longest, word);
		}
		return (longest + 9) / 10 + 1;
	}

	private static int lines(String text, int width, Face face) {
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
			int w = face.width(c);
			if (c == ' ') {
				// a space at the end of a line takes no room
				if (used + w <= room) {
					used += w;
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
