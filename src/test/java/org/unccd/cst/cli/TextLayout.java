package org.unccd.cst.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * Where the glyphs of a PDF stand, read back with PDFBox: no glyph of one line may cover
 * a glyph of another, and none may leave the page's printable area (a 36-point margin on
 * every side, which holds the running head and the page number) or the text column's
 * 72-point side margins; no line of Chinese is a single character and its punctuation
 * ("0。"), which Chinese typesetting never leaves alone.
 */
final class TextLayout {

	private static final float MARGIN = 36;

	/**
	 * The text column's side margins: every glyph, the running head and the contents'
	 * page numbers included, stands between them (half a point for rounding).
	 */
	private static final float SIDE_MARGIN = 72 - 0.5f;

	private TextLayout() {
	}

	/**
	 * What is wrong with the layout of a PDF's text, page by page; empty when nothing.
	 */
	static List<String> problems(Path pdf) throws IOException {
		List<String> problems = new ArrayList<>();
		try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
			for (int page = 1; page <= document.getNumberOfPages(); page++) {
				PDRectangle box = document.getPage(page - 1).getMediaBox();
				List<Glyph> glyphs = glyphs(document, page);
				String where = pdf.getFileName() + " page " + page + ": ";
				for (Glyph glyph : glyphs) {
					if (glyph.left < MARGIN || glyph.right > box.getWidth() - MARGIN || glyph.top < MARGIN
							|| glyph.bottom > box.getHeight() - MARGIN) {
						problems.add(where + "\"" + glyph.text + "\" leaves the page's printable area");
					}
					else if (glyph.left < SIDE_MARGIN || glyph.right > box.getWidth() - SIDE_MARGIN) {
						problems.add(where + "\"" + glyph.text + "\" leaves the text column");
					}
				}
				glyphs.sort(Comparator.comparingDouble((Glyph g) -> g.left));
				for (String runt : runts(glyphs)) {
					problems.add(where + "\"" + runt + "\" stands alone on its line");
				}
				for (int i = 0; i < glyphs.size(); i++) {
					Glyph a = glyphs.get(i);
					for (int j = i + 1; j < glyphs.size() && glyphs.get(j).left < a.right; j++) {
						Glyph b = glyphs.get(j);
						if (Math.abs(a.baseline - b.baseline) > 1 && a.covers(b)) {
							problems.add(where + "\"" + a.text + "\" and \"" + b.text + "\" overlap");
						}
					}
				}
			}
		}
		return problems;
	}

	/**
	 * Where the running head and the page number (from page 2 on; the cover carries
	 * neither) do not stand at the outer edge of the page, as a document printed on both
	 * sides has them: the right of an odd page and the left of an even one, the other way
	 * round in a right-to-left document. The head is the text above the column (within
	 * {@code BAND} points of the page's top), the page number the text nearest the outer
	 * edge below it.
	 */
	static List<String> notAtTheOuterEdge(Path pdf, boolean rightToLeft) throws IOException {
		List<String> problems = new ArrayList<>();
		try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
			for (int page = 1; page <= document.getNumberOfPages(); page++) {
				PDRectangle box = document.getPage(page - 1).getMediaBox();
				boolean outerRight = (page % 2 == 1) != rightToLeft;
				float edge = outerRight ? box.getWidth() - 72 : 72;
				String where = pdf.getFileName() + " page " + page + ": ";
				List<Glyph> glyphs = glyphs(document, page);
				List<Glyph> head = glyphs.stream().filter((g) -> g.baseline < BAND).toList();
				List<Glyph> foot = glyphs.stream().filter((g) -> g.baseline > box.getHeight() - BAND).toList();
				if (page > 1) {
					problems.addAll(outer(where + "running head", head, outerRight, edge, box.getWidth() / 2, true));
					problems.addAll(outer(where + "page number", foot, outerRight, edge, box.getWidth() / 2, false));
				}
				else if (foot.stream()
					.anyMatch((g) -> outerRight ? g.right > box.getWidth() / 2 : g.left < box.getWidth() / 2)) {
					// the cover's foot holds the job number, at the start of the line
					problems.add(where + "the cover carries a page number");
				}
			}
		}
		return problems;
	}

	/** The running parts lie within this many points of the page's top or foot. */
	private static final float BAND = 66;

	/**
	 * What is wrong with a running part: missing, not reaching the outer edge, or (for
	 * the head, which is alone on its line) standing on the inner half of the page.
	 */
	private static List<String> outer(String what, List<Glyph> glyphs, boolean outerRight, float edge, float middle,
			boolean alone) {
		if (glyphs.isEmpty()) {
			return List.of(what + " missing");
		}
		float reach = outerRight ? (float) glyphs.stream().mapToDouble((g) -> g.right).max().orElseThrow()
				: (float) glyphs.stream().mapToDouble((g) -> g.left).min().orElseThrow();
		List<String> problems = new ArrayList<>();
		if (Math.abs(reach - edge) > 1) {
			problems.add(what + " ends at " + reach + ", not at the outer edge " + edge);
		}
		if (alone && glyphs.stream().anyMatch((g) -> outerRight ? g.left < middle : g.right > middle)) {
			problems.add(what + " reaches into the inner half of the page");
		}
		return problems;
	}

	/**
	 * The lines, among {@code glyphs} sorted from the left, that hold one character and
	 * the Chinese punctuation after it: the glyphs of a baseline, split where a gap of
	 * more than their size parts two cells of a table.
	 */
	private static List<String> runts(List<Glyph> glyphs) {
		Map<Integer, List<Glyph>> lines = new TreeMap<>();
		for (Glyph glyph : glyphs) {
			lines.computeIfAbsent(Math.round(glyph.baseline), (y) -> new ArrayList<>()).add(glyph);
		}
		List<String> runts = new ArrayList<>();
		for (List<Glyph> line : lines.values()) {
			List<List<Glyph>> runs = new ArrayList<>();
			Glyph previous = null;
			for (Glyph glyph : line) {
				if (previous == null || glyph.left - previous.right > glyph.size) {
					runs.add(new ArrayList<>());
				}
				runs.getLast().add(glyph);
				previous = glyph;
			}
			for (List<Glyph> run : runs) {
				StringBuilder text = new StringBuilder();
				run.forEach((g) -> text.append(g.text));
				if (text.toString().matches("[\\p{IsHan}\\d][。，；：！？）”]+")) {
					runts.add(text.toString());
				}
			}
		}
		return runts;
	}

	private static List<Glyph> glyphs(PDDocument document, int page) throws IOException {
		List<Glyph> glyphs = new ArrayList<>();
		PDFTextStripper stripper = new PDFTextStripper() {
			@Override
			protected void processTextPosition(TextPosition text) {
				if (!text.getUnicode().isBlank() && text.getWidthDirAdj() > 0) {
					glyphs.add(new Glyph(text));
				}
			}
		};
		stripper.setStartPage(page);
		stripper.setEndPage(page);
		stripper.getText(document);
		return glyphs;
	}

	/** A glyph's box: its advance across, and from its ascent to its descent. */
	private static final class Glyph {

		final String text;

		final float left;

		final float right;

		final float top;

		final float bottom;

		final float baseline;

		final float size;

		Glyph(TextPosition position) {
			this.text = position.getUnicode();
			float size = position.getFontSizeInPt();
			this.size = size;
			this.left = position.getXDirAdj();
			this.right = this.left + position.getWidthDirAdj();
			this.baseline = position.getYDirAdj();
			this.top = this.baseline - 0.7f * size;
			this.bottom = this.baseline + 0.2f * size;
		}

		/** Whether the two boxes share more than a third of the smaller one. */
		boolean covers(Glyph other) {
			float width = Math.min(this.right, other.right) - Math.max(this.left, other.left);
			float height = Math.min(this.bottom, other.bottom) - Math.max(this.top, other.top);
			if (width <= 0 || height <= 0) {
				return false;
			}
			float smaller = Math.min((this.right - this.left) * (this.bottom - this.top),
					(other.right - other.left) * (other.bottom - other.top));
			return width * height > smaller / 3;
		}

	}

}
