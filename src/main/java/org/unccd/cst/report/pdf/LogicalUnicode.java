package org.unccd.cst.report.pdf;

import java.lang.reflect.Field;
import java.text.Normalizer;
import java.util.Map;

import org.openpdf.text.pdf.PdfWriter;

/**
 * Maps the shaped Arabic glyphs of a document back to the letters they were shaped from,
 * so that a reader's search and a screen reader find the words as they are typed.
 * <p>
 * OpenPDF shapes Arabic into the presentation-form characters (U+FB50-U+FDFF,
 * U+FE70-U+FEFF) and records, for each glyph it used, the character it came from; the
 * font's ToUnicode map is written from that record when the document closes. Before that,
 * each presentation form is replaced by its compatibility decomposition: the base letter,
 * or the two letters of a ligature such as lam-alef. OpenPDF 3.0.5 keeps the record in
 * fields of its own; a newer version that moves them fails the build's tests (an Arabic
 * report that extracts as presentation forms), not a run.
 */
final class LogicalUnicode {

	private LogicalUnicode() {
	}

	/** Rewrites the glyph records of every font the writer has used so far. */
	static void apply(PdfWriter writer) {
		try {
			Field fonts = PdfWriter.class.getDeclaredField("documentFonts");
			fonts.setAccessible(true);
			for (Object details : ((Map<?, ?>) fonts.get(writer)).values()) {
				Field tag = details.getClass().getDeclaredField("longTag");
				tag.setAccessible(true);
				@SuppressWarnings("unchecked")
				Map<Integer, int[]> glyphs = (Map<Integer, int[]>) tag.get(details);
				if (glyphs != null) {
					glyphs.replaceAll((glyph, metrics) -> logical(metrics));
				}
			}
		}
		catch (ReflectiveOperationException | RuntimeException ex) {
			throw new IllegalStateException("Cannot map the Arabic glyphs to their letters: " + ex, ex);
		}
	}

	/** A glyph's record {glyph, width, character} with the character made logical. */
	static int[] logical(int[] metrics) {
		if (metrics.length != 3 || !isPresentationForm(metrics[2])) {
			return metrics;
		}
		String letters = Normalizer.normalize(Character.toString(metrics[2]), Normalizer.Form.NFKC);
		if (letters.length() == 1) {
			return new int[] { metrics[0], metrics[1], letters.charAt(0) };
		}
		if (letters.length() == 2) {
			// a ligature's letters in the order of the glyph on the line: readers put a
			// right-to-left line back in logical order character by character
			return new int[] { metrics[0], metrics[1], letters.charAt(1), letters.charAt(0) };
		}
		return metrics;
	}

	static boolean isPresentationForm(int codePoint) {
		return (codePoint >= 0xFB50 && codePoint <= 0xFDFF) || (codePoint >= 0xFE70 && codePoint <= 0xFEFF);
	}

}
