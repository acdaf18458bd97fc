package org.unccd.cst.report.pdf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openpdf.text.BadElementException;
import org.openpdf.text.Document;
import org.openpdf.text.Element;
import org.openpdf.text.Image;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.pdf.PdfContentByte;
import org.openpdf.text.pdf.PdfTemplate;
import org.openpdf.text.pdf.PdfStructureElement;
import org.openpdf.text.pdf.PdfWriter;
import org.unccd.cst.PageBreaks;
import org.unccd.cst.ReportFiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The page breaks of {@link PageFlow}, one rule at a time, each at the foot of a page
 * filled to just the room that tests it, read back with {@code pdftotext} and
 * {@link PageBreaks}; and {@link PageBreaks} seeing each fault when a page is broken by
 * hand where the rules forbid it.
 */
class PageFlowTests {

	/** The foot of the body: the reports' bottom margin. */
	private static final float BOTTOM = 72;

	@TempDir
	Path dir;

	@Test
	void aHeadingGoesToTheNextPageWithTheFirstLinesOfWhatFollows() throws IOException {
		Path pdf = write((fonts, tagging, flow, writer) -> {
			// room for the heading, not for it and two lines of 14-point text
			fill(fonts, tagging, flow, 64);
			assertThat(flow.y() - BOTTOM).isGreaterThan(40);
			flow.keepWithNext(heading(fonts, "II. The heading"), Tagging.child(tagging.document(), Tagging.H2),
					() -> assertThat(flow.page()).isEqualTo(2));
			flow.add(paragraph(fonts, 14, "First line\nSecond line\nThird line\nFourth line"), p(tagging));
		});

		List<String> pages = pages(pdf);
		assertThat(pages).hasSize(2);
		assertThat(pages.get(0)).doesNotContain("The heading", "First line");
		assertThat(pages.get(1).strip()).startsWith("II. The heading\nFirst line");
		assertThat(PageBreaks.problems(pdf)).isEmpty();
	}

	@Test
	void aHeadingThatFitsWithTwoLinesStaysAndTheParagraphSplitsAfterThem() throws IOException {
		Path pdf = write((fonts, tagging, flow, writer) -> {
			fill(fonts, tagging, flow, 100);
			flow.keepWithNext(heading(fonts, "II. The heading"), Tagging.child(tagging.document(), Tagging.H2),
					() -> assertThat(flow.page()).isEqualTo(1));
			flow.add(paragraph(fonts, 14, "First line\nSecond line\nThird line\nFourth line\nFifth line\nSixth line"),
					p(tagging));
		});

		List<String> pages = pages(pdf);
		assertThat(pages.get(0)).contains("II. The heading", "First line", "Second line").doesNotContain("Sixth line");
		assertThat(pages.get(1)).contains("Fifth line", "Sixth line");
		assertThat(PageBreaks.problems(pdf)).isEmpty();
	}

	@Test
	void aParagraphSplitsLeavingTwoLinesOnEachSideOrMovesWhole() throws IOException {
		Path pdf = write((fonts, tagging, flow, writer) -> {
			// room for three lines of a four-line paragraph: two stay, two go on
			fill(fonts, tagging, flow, 3 * 21 + 4);
			flow.add(paragraph(fonts, 14, "Alpha one\nAlpha two\nAlpha three\nAlpha four"), p(tagging));
			// room for two lines of a three-line paragraph: it moves whole
			fill(fonts, tagging, flow, 2 * 21 + 4);
			flow.add(paragraph(fonts, 14, "Beta one\nBeta two\nBeta three"), p(tagging));
		});

		List<String> pages = pages(pdf);
		assertThat(pages.get(0)).contains("Alpha one", "Alpha two").doesNotContain("Alpha three");
		assertThat(pages.get(1).strip()).startsWith("Alpha three\nAlpha four");
		int beta = pages.size() - 1;
		assertThat(pages.get(beta - 1)).doesNotContain("Beta");
		assertThat(pages.get(beta).strip()).startsWith("Beta one\nBeta two\nBeta three");
		assertThat(PageBreaks.problems(pdf)).isEmpty();
	}

	@Test
	void aTableSplitsLeavingTwoBodyRowsOnEachSideAndASmallOneMovesWhole() throws IOException {
		Path pdf = write((fonts, tagging, flow, writer) -> {
			// room for the caption, the header and four of five rows: three stay
			fill(fonts, tagging, flow, 150);
			flow.add(table(fonts, tagging, "A", 5));
			// room for two of three rows: the table moves whole
			fill(fonts, tagging, flow, 100);
			flow.add(table(fonts, tagging, "B", 3));
		});

		List<String> pages = pages(pdf);
		assertThat(pages.get(0)).contains("Table A", "A1", "A2", "A3").doesNotContain("A4", "Table B");
		assertThat(pages.get(1)).contains("Table A (continued)", "A4", "A5");
		int b = pages.size() - 1;
		assertThat(pages.get(b)).contains("Table B", "B1", "B2", "B3").doesNotContain("(continued)");
		assertThat(PageBreaks.problems(pdf)).isEmpty();
	}

	@Test
	void theSentenceThatIntroducesATableGoesWithItsFirstRows() throws IOException {
		Path pdf = write((fonts, tagging, flow, writer) -> {
			// room for the sentence, not for it, the caption, the header and two rows
			fill(fonts, tagging, flow, 80);
			assertThat(flow.y() - BOTTOM).isGreaterThan(50);
			flow.keepWithNext(paragraph(fonts, 10.5f, "Table C shows the rows."), p(tagging), () -> {
			});
			flow.add(table(fonts, tagging, "C", 4));
		});

		List<String> pages = pages(pdf);
		assertThat(pages).hasSize(2);
		assertThat(pages.get(0)).doesNotContain("Table C");
		assertThat(pages.get(1).strip()).startsWith("Table C shows the rows.\nTable C\n");
		assertThat(PageBreaks.problems(pdf)).isEmpty();
	}

	@Test
	void aFigureThatDoesNotFitFloatsToTheNextPageWhileTheTextFillsThisOne() throws IOException {
		Path pdf = write((fonts, tagging, flow, writer) -> {
			fill(fonts, tagging, flow, 200);
			flow.add(paragraph(fonts, 10.5f, "Figure 1 shows the chart."), p(tagging));
			flow.figure(paragraph(fonts, 10, "Figure 1\nThe chart"), p(tagging), List.of(chart(writer, 300)),
					Tagging.figure(tagging.document(), "A chart"), null);
			flow.add(paragraph(fonts, 10.5f, "Gamma one\nGamma two\nGamma three"), p(tagging));
			flow.add(paragraph(fonts, 10.5f, "Delta one\nDelta two\nDelta three"), p(tagging));
		});

		List<String> pages = pages(pdf);
		assertThat(pages).hasSize(2);
		assertThat(pages.get(0)).contains("Figure 1 shows the chart.", "Gamma one", "Delta three")
			.doesNotContain("The chart\n");
		assertThat(pages.get(1).strip()).startsWith("Figure 1\nThe chart");
		assertThat(PageBreaks.problems(pdf)).isEmpty();
	}

	@Test
	void aLongFigureStartsWhereItsFirstPartFitsAndGoesOnUnderACaptionThatSaysSo() throws IOException {
		Path pdf = write((fonts, tagging, flow, writer) -> {
			fill(fonts, tagging, flow, 260);
			flow.add(paragraph(fonts, 10.5f, "Figure 2 shows the budget."), p(tagging));
			flow.figure(paragraph(fonts, 10, "Figure 2\nThe budget"), p(tagging),
					List.of(chart(writer, 120), chart(writer, 120), chart(writer, 120)),
					Tagging.figure(tagging.document(), "A chart"), paragraph(fonts, 10, "Figure 2 (continued)"));
			flow.add(heading(fonts, "IV. Key findings"), Tagging.child(tagging.document(), Tagging.H2));
		});

		List<String> pages = pages(pdf);
		assertThat(pages).hasSize(2);
		// the caption and the first part on the page of the paragraph that refers to it
		assertThat(pages.get(0)).contains("Figure 2 shows the budget.", "Figure 2\nThe budget")
			.doesNotContain("continued");
		assertThat(pages.get(1).strip()).startsWith("Figure 2 (continued)");
		assertThat(pages.get(1)).contains("IV. Key findings");
		assertThat(PageBreaks.problems(pdf)).isEmpty();
	}

	@Test
	void aFloatedFigureNeverPassesAHeading() throws IOException {
		Path pdf = write((fonts, tagging, flow, writer) -> {
			fill(fonts, tagging, flow, 200);
			flow.add(paragraph(fonts, 10.5f, "Figure 1 shows the chart."), p(tagging));
			flow.figure(paragraph(fonts, 10, "Figure 1\nThe chart"), p(tagging), List.of(chart(writer, 300)),
					Tagging.figure(tagging.document(), "A chart"), null);
			flow.add(paragraph(fonts, 10.5f, "Gamma one\nGamma two\nGamma three"), p(tagging));
			flow.heading(heading(fonts, "III. The next section"), Tagging.child(tagging.document(), Tagging.H2), () -> {
			});
			flow.add(paragraph(fonts, 10.5f, "Delta one\nDelta two\nDelta three"), p(tagging));
		});

		List<String> pages = pages(pdf);
		assertThat(pages).hasSize(2);
		// the text of the figure's section fills the page, the next section's waits
		assertThat(pages.get(0)).contains("Figure 1 shows the chart.", "Gamma three")
			.doesNotContain("The chart\n", "III. The next section", "Delta one");
		assertThat(pages.get(1).strip()).startsWith("Figure 1\nThe chart");
		assertThat(pages.get(1)).contains("III. The next section\nDelta one");
		assertThat(PageBreaks.problems(pdf)).isEmpty();
	}

	@Test
	void pageBreaksSeesAFigureThatPassedTheNextHeading() throws IOException {
		Path pdf = write((fonts, tagging, flow, writer) -> {
			fill(fonts, tagging, flow, 200);
			flow.add(paragraph(fonts, 10.5f, "Figure 1 shows the chart."), p(tagging));
			PdfStructureElement caption = p(tagging);
			PdfStructureElement figure = Tagging.figure(tagging.document(), "A chart");
			// the old layout: the next section's heading and text fill the page before
			// the
			// figure
			flow.add(heading(fonts, "III. The next section"), Tagging.child(tagging.document(), Tagging.H2));
			flow.add(paragraph(fonts, 10.5f, "Delta one\nDelta two\nDelta three"), p(tagging));
			flow.newPage();
			flow.add(paragraph(fonts, 10, "Figure 1\nThe chart"), caption);
			flow.add(chart(writer, 300), figure);
		});

		assertThat(PageBreaks.problems(pdf))
			.anyMatch((p) -> p.contains("page 2: a figure stands after the heading of the next section (page 1)"));
	}

	@Test
	void aFigureWaitingAtTheEndGetsAPageOfItsOwn() throws IOException {
		Path pdf = write((fonts, tagging, flow, writer) -> {
			fill(fonts, tagging, flow, 200);
			flow.figure(paragraph(fonts, 10, "Figure 2\nThe last chart"), p(tagging), List.of(chart(writer, 300)),
					Tagging.figure(tagging.document(), "A chart"), null);
		});

		List<String> pages = pages(pdf);
		assertThat(pages).hasSize(2);
		assertThat(pages.get(1)).contains("The last chart");
	}

	@Test
	void pageBreaksSeesAHeadingAtTheFootOfAPage() throws IOException {
		Path pdf = write((fonts, tagging, flow, writer) -> {
			fill(fonts, tagging, flow, 64);
			flow.add(heading(fonts, "II. The heading"), Tagging.child(tagging.document(), Tagging.H2));
			flow.newPage();
			flow.add(paragraph(fonts, 14, "First line\nSecond line"), p(tagging));
		});

		assertThat(PageBreaks.problems(pdf)).anyMatch((p) -> p.contains("page 1: a heading ends the page"));
	}

	@Test
	void pageBreaksSeesATableSplitLeavingOneRow() throws IOException {
		Path pdf = write((fonts, tagging, flow, writer) -> {
			GridTable table = table(fonts, tagging, "A", 5);
			PdfContentByte canvas = writer.getDirectContent();
			float y = flow.y();
			for (GridRow row : table.bodyRows()) {
				y = table.draw(canvas, row, false, false, 72, 523, y, PdfWriter.RUN_DIRECTION_LTR);
				if (row == table.bodyRows().get(0)) {
					flow.newPage();
					y = flow.y();
				}
			}
		});

		assertThat(PageBreaks.problems(pdf)).anyMatch((p) -> p.contains("a single body row of a table"));
	}

	@Test
	void pageBreaksSeesAPageLeftMostlyEmptyBeforeText() throws IOException {
		Path pdf = write((fonts, tagging, flow, writer) -> {
			flow.add(paragraph(fonts, 10.5f, "Cover"), p(tagging));
			flow.newPage();
			flow.add(paragraph(fonts, 10.5f, "Contents"), p(tagging));
			flow.newPage();
			flow.add(paragraph(fonts, 10.5f, "A short page"), p(tagging));
			flow.newPage();
			flow.add(paragraph(fonts, 10.5f, "Text that could have stood on the page before"), p(tagging));
		});

		assertThat(PageBreaks.problems(pdf)).anyMatch((p) -> p.contains("page 3: ") && p.contains("left empty"));
	}

	@Test
	void pageBreaksAllowsSpaceAtASectionsEndOnlyBeforeAFigureThatAHeadingFollows() throws IOException {
		for (boolean heading : new boolean[] { true, false }) {
			Path pdf = write((fonts, tagging, flow, writer) -> {
				flow.add(paragraph(fonts, 10.5f, "Cover"), p(tagging));
				flow.newPage();
				flow.add(paragraph(fonts, 10.5f, "Contents"), p(tagging));
				flow.newPage();
				flow.add(paragraph(fonts, 10.5f, "Figure 1 shows the chart."), p(tagging));
				flow.newPage();
				flow.add(paragraph(fonts, 10, "Figure 1\nThe chart"), p(tagging));
				flow.add(chart(writer, 300), Tagging.figure(tagging.document(), "A chart"));
				if (heading) {
					flow.add(heading(fonts, "III. The next section"), Tagging.child(tagging.document(), Tagging.H2));
				}
				flow.add(paragraph(fonts, 10.5f, "Text that could have stood on the page before"), p(tagging));
			});

			if (heading) {
				assertThat(PageBreaks.problems(pdf)).isEmpty();
			}
			else {
				assertThat(PageBreaks.problems(pdf))
					.anyMatch((p) -> p.contains("page 3: ") && p.contains("left empty"));
			}
		}
	}

	/** The text of each page, its lines one below the other. */
	private static List<String> pages(Path pdf) throws IOException {
		return ReportFiles.popplerPages(pdf).stream().map((page) -> page.replaceAll("\n+", "\n")).toList();
	}

	private interface Content {

		void write(PdfFonts fonts, Tagging tagging, PageFlow flow, PdfWriter writer);

	}

	private Path write(Content content) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		Document document = new Document(PageSize.A4, 72, 72, 80, BOTTOM);
		PdfWriter writer = PdfWriter.getInstance(document, out);
		Tagging tagging = new Tagging(writer);
		PdfFonts fonts = new PdfFonts("flow", false, "en");
		writer.setPageEvent(new org.openpdf.text.pdf.PdfPageEventHelper());
		document.open();
		PageFlow flow = new PageFlow(document, writer, false);
		content.write(fonts, tagging, flow, writer);
		flow.finish();
		tagging.finish();
		document.close();
		Path file = this.dir.resolve("flow.pdf");
		Files.write(file, out.toByteArray());
		return file;
	}

	/**
	 * One-line paragraphs until no more than {@code room} points are left on the page.
	 */
	private static void fill(PdfFonts fonts, Tagging tagging, PageFlow flow, float room) {
		int page = flow.page();
		while (flow.y() - BOTTOM > room) {
			flow.add(paragraph(fonts, 10.5f, "Filler"), p(tagging));
		}
		assertThat(flow.page()).isEqualTo(page);
	}

	private static Paragraph paragraph(PdfFonts fonts, float size, String text) {
		Paragraph paragraph = ReportLayout.spaced(fonts.phrase(text, size), 0, 4);
		paragraph.setLeading(size * 1.5f);
		return paragraph;
	}

	private static Paragraph heading(PdfFonts fonts, String text) {
		return ReportLayout.spaced(fonts.phrase(text, 12, true), 16, 8);
	}

	private static org.openpdf.text.pdf.PdfStructureElement p(Tagging tagging) {
		return Tagging.child(tagging.document(), Tagging.P);
	}

	private static GridTable table(PdfFonts fonts, Tagging tagging, String name, int rows) {
		GridTable table = GridTable.data(new float[] { 1, 3 }, tagging.document());
		table.caption(fonts.phrase("Table " + name, 10, true),
				fonts.phrase("Table " + name + " (continued)", 10, true));
		table.header(new GridRow(List.of(GridCell.of(fonts.phrase("Code", 9, true), Element.ALIGN_LEFT),
				GridCell.of(fonts.phrase("Title", 9, true), Element.ALIGN_LEFT)), 0.5f, 0.5f));
		for (int i = 1; i <= rows; i++) {
			table.row(new GridRow(
					List.of(GridCell.of(fonts.phrase(name + i, 9), Element.ALIGN_LEFT),
							GridCell.of(fonts.phrase("Row " + i + "\nof table " + name, 9), Element.ALIGN_LEFT)),
					0, 0.3f));
		}
		return table;
	}

	private static Image chart(PdfWriter writer, float height) {
		PdfTemplate template = writer.getDirectContent().createTemplate(400, height);
		template.rectangle(0, 0, 400, height);
		template.stroke();
		try {
			return Image.getInstance(template);
		}
		catch (BadElementException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
