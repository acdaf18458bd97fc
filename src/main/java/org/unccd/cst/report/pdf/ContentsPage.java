package org.unccd.cst.report.pdf;

import java.util.List;

import org.openpdf.text.BadElementException;
import org.openpdf.text.Chunk;
import org.openpdf.text.Element;
import org.openpdf.text.Image;
import org.openpdf.text.Phrase;
import org.openpdf.text.Rectangle;
import org.openpdf.text.pdf.ColumnText;
import org.openpdf.text.pdf.PdfTemplate;
import org.openpdf.text.pdf.PdfWriter;
import org.unccd.cst.model.Messages;

import static org.unccd.cst.report.pdf.ReportLayout.BODY;
import static org.unccd.cst.report.pdf.ReportLayout.destination;
import static org.unccd.cst.report.pdf.ReportLayout.end;
import static org.unccd.cst.report.pdf.ReportLayout.spaced;
import static org.unccd.cst.report.pdf.ReportLayout.start;

/**
 * The table of contents: each chapter with its paragraphs and the page it starts on,
 * numbers that are filled in once the body is laid out.
 */
final class ContentsPage {

	private final ReportLayout layout;

	private final Messages messages;

	private final PdfFonts fonts;

	private final PageFlow flow;

	private final ReportGrids grids;

	private final PdfWriter writer;

	ContentsPage(ReportLayout layout) {
		this.layout = layout;
		this.messages = layout.messages();
		this.fonts = layout.fonts();
		this.flow = layout.flow();
		this.grids = layout.grids();
		this.writer = layout.writer();
	}

	/**
	 * The table of contents: each section with its paragraphs and the page it starts on,
	 * filled in once the body is laid out.
	 */
	void write() {
		Messages m = this.messages;
		this.layout.part(this.layout.tag(this.layout.tagging().document(), Tagging.SECT));
		this.flow.add(spaced(this.fonts.phrase(m.get("contents"), 13, true), 0, 10), this.layout.tag(Tagging.H2));
		ReportGrids.Grid grid = this.grids.grid(new float[] { 0.5f, 5.5f, 1.3f, 0.8f });
		grid.table()
			.header(new GridRow(List.of(GridCell.of(this.fonts.phrase("", 9), start(), 6),
					GridCell.of(this.fonts.phrase("", 9), start(), 6),
					GridCell.of(this.fonts.phrase(m.get("contents.paragraphs"), 9), end(), 6),
					GridCell.of(this.fonts.phrase(m.get("contents.page"), 9), end(), 6)), 0, 0));
		String[] numerals = m.get("section.numerals").split(",");
		List<String> titles = List.of("section.introduction", "section.progress", "section.budget", "section.findings",
				"section.recommendations");
		for (int i = 0; i < titles.size(); i++) {
			Section section = new Section(numerals[i].strip(), m.get(titles.get(i)), placeholder(PARAGRAPHS_WIDTH),
					placeholder(PAGE_WIDTH));
			this.layout.sections().add(section);
			// the chapter's numeral and its dash never part
			String numeral = m.get("section.heading", section.number, "").strip().replace(' ', '\u00A0');
			Phrase number = this.fonts.phrase(numeral, BODY);
			Phrase title = this.fonts.phrase(section.title, BODY);
			grid.widths().measure(0, number, BODY);
			grid.widths().measure(1, title, BODY);
			// the chapter's title takes a reader to the chapter
			GridCell link = GridCell.of(title, start(), 6)
				.linked(destination(i), m.get("section.heading", section.number, section.title));
			grid.table()
				.row(new GridRow(
						List.of(GridCell.of(number, end(), 6), link, image(section.paragraphs), image(section.page)), 0,
						0));
		}
		this.grids.add(grid);
	}

	/** Room for "999–999" and for a page number: narrower than their columns. */
	private static final float PARAGRAPHS_WIDTH = 48;

	private static final float PAGE_WIDTH = 24;

	private PdfTemplate placeholder(float width) {
		PdfTemplate template = this.writer.getDirectContent().createTemplate(width, 12);
		template.setBoundingBox(new Rectangle(0, -3, width, 12));
		return template;
	}

	/** A cell that shows a number filled in once the body is laid out. */
	private GridCell image(PdfTemplate template) {
		try {
			Phrase phrase = this.fonts.phrase("", BODY);
			phrase.add(new Chunk(Image.getInstance(template), 0, -3, false));
			return GridCell.of(phrase, end(), 6);
		}
		catch (BadElementException ex) {
			throw new IllegalStateException(ex);
		}
	}

	void fill() {
		for (Section section : this.layout.sections()) {
			String paragraphs = (section.last > section.first) ? section.first + "\u2013" + section.last
					: Integer.toString(section.first);
			fill(section.paragraphs, paragraphs);
			fill(section.page, Integer.toString(section.startPage));
		}
	}

	private void fill(PdfTemplate template, String text) {
		ColumnText.showTextAligned(template, this.messages.rightToLeft() ? Element.ALIGN_LEFT : Element.ALIGN_RIGHT,
				this.fonts.phrase(text, BODY), this.messages.rightToLeft() ? 0 : template.getWidth(), 0, 0);
	}

}
