package org.unccd.cst.report.pdf;

import java.text.BreakIterator;
import java.util.Locale;

import org.openpdf.text.Chunk;
import org.openpdf.text.Element;
import org.openpdf.text.Phrase;

/**
 * Sizes the columns of a table so that no word of its header or values has to break: each
 * column is at least as wide as the widest unbreakable piece of text it holds (a word, or
 * a character of Chinese), and the room left is shared as the table's relative widths
 * ask. Only where the longest words cannot all stand side by side does a column with a
 * word longer than its share give way, and that word breaks with a hyphen.
 */
final class ColumnWidths {

	/** A cell's padding on both sides, with a point to spare. */
	private static final float PADDING = 7;

	private final float[] relative;

	private final float[] minimum;

	private final Locale locale;

	ColumnWidths(float[] relative, Locale locale) {
		this.relative = relative.clone();
		this.minimum = new float[relative.length];
		this.locale = locale;
	}

	/**
	 * Takes the widest unbreakable piece of {@code phrase} into account for a column: a
	 * word may run over several chunks (a numeral in one font and its dash in another).
	 */
	void measure(int column, Phrase phrase, float size) {
		float word = 0;
		for (Element element : phrase.getChunks()) {
			Chunk chunk = (Chunk) element;
			String text = chunk.getContent();
			int i = 0;
			while (i < text.length()) {
				int c = text.codePointAt(i);
				if (Character.isWhitespace(c)) {
					fit(column, word);
					word = 0;
					i += Character.charCount(c);
					continue;
				}
				int end = i;
				while (end < text.length() && !Character.isWhitespace(text.codePointAt(end))) {
					end += Character.charCount(text.codePointAt(end));
				}
				String piece = text.substring(i, end);
				if (piece.codePoints().anyMatch(ColumnWidths::isIdeographic)) {
					// Chinese breaks between characters, as the line breaking rules allow
					fit(column, word);
					word = 0;
					BreakIterator breaks = BreakIterator.getLineInstance(this.locale);
					breaks.setText(piece);
					int start = breaks.first();
					for (int stop = breaks.next(); stop != BreakIterator.DONE; start = stop, stop = breaks.next()) {
						fit(column, width(chunk, piece.substring(start, stop), size));
					}
				}
				else {
					word += width(chunk, piece, size);
				}
				i = end;
			}
		}
		fit(column, word);
	}

	private static float width(Chunk chunk, String text, float size) {
		return chunk.getFont().getBaseFont().getWidthPoint(text, size);
	}

	private void fit(int column, float width) {
		if (width > 0) {
			this.minimum[column] = Math.max(this.minimum[column], width + PADDING);
		}
	}

	private static boolean isIdeographic(int codePoint) {
		return Character.isIdeographic(codePoint) || (codePoint >= 0x3000 && codePoint < 0x3040)
				|| (codePoint >= 0xFF00 && codePoint < 0xFFF0);
	}

	/** The widths of the columns, from the start side, for a table {@code total} wide. */
	float[] widths(float total) {
		int n = this.relative.length;
		float[] least = this.minimum.clone();
		float sumLeast = 0;
		for (float m : least) {
			sumLeast += m;
		}
		if (sumLeast >= total) {
			giveWay(least, sumLeast - total, total);
			sumLeast = 0;
			for (float m : least) {
				sumLeast += m;
			}
		}
		float[] widths = new float[n];
		if (sumLeast >= total) {
			// not even the words fit: every column gets its share of its longest word
			for (int i = 0; i < n; i++) {
				widths[i] = total * least[i] / sumLeast;
			}
			return widths;
		}
		boolean[] fixed = new boolean[n];
		boolean changed = true;
		while (changed) {
			changed = false;
			float room = total;
			float shares = 0;
			for (int i = 0; i < n; i++) {
				if (fixed[i]) {
					room -= least[i];
				}
				else {
					shares += this.relative[i];
				}
			}
			for (int i = 0; i < n; i++) {
				widths[i] = fixed[i] ? least[i] : room * this.relative[i] / shares;
				if (!fixed[i] && widths[i] < least[i]) {
					fixed[i] = true;
					changed = true;
				}
			}
		}
		return widths;
	}

	/**
	 * When the longest words of all columns do not fit side by side, the columns whose
	 * longest word asks for more than their share of the table give way, the one that
	 * asks most first, down to their share at most: their long words break there with a
	 * hyphen ({@link WordBreaks}), and the words of the other columns stay whole.
	 */
	private void giveWay(float[] least, float excess, float total) {
		float shares = 0;
		for (float r : this.relative) {
			shares += r;
		}
		while (excess > 0.001f) {
			int widest = -1;
			float most = 0;
			for (int i = 0; i < least.length; i++) {
				float over = least[i] - total * this.relative[i] / shares;
				if (over > most) {
					most = over;
					widest = i;
				}
			}
			if (widest < 0) {
				return;
			}
			// a point to spare, so that the others' words keep their room
			float give = Math.min(most, excess + 1);
			least[widest] -= give;
			excess -= give;
		}
	}

}
