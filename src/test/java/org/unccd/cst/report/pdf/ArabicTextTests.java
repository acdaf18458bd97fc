package org.unccd.cst.report.pdf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openpdf.text.Document;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.pdf.PdfWriter;
import org.unccd.cst.ReportFiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Arabic sentences with English and brackets in them, as the page shows them and as their
 * text reads back: an English phrase is isolated, so that the sentence's full stop and a
 * number after it take the Arabic order; a bracket the page shows mirrored reads as the
 * one typed.
 */
class ArabicTextTests {

	private static final String TITLE = "Demonstration objective";

	@TempDir
	Path dir;

	@Test
	void theFullStopAfterAQuotedEnglishPhraseEndsTheArabicSentenceOnTheLeft() throws IOException {
		Path pdf = write("ويتعلق الطلب بما يلي: " + ReportLayout.isolated(TITLE) + ".");
		List<TextPosition> glyphs = glyphs(pdf);
		float stop = xOf(glyphs, ".");
		float englishLeft = glyphs.stream()
			.filter((g) -> g.getUnicode().matches("[A-Za-z]"))
			.map(TextPosition::getXDirAdj)
			.min(Float::compare)
			.orElseThrow();
		float arabicLeft = glyphs.stream()
			.filter((g) -> Character.UnicodeScript.of(g.getUnicode().codePointAt(0)) == Character.UnicodeScript.ARABIC)
			.map(TextPosition::getXDirAdj)
			.min(Float::compare)
			.orElseThrow();
		// read from the right: the Arabic, the English phrase, then the full stop at
		// the left end of the line
		assertThat(stop).isLessThan(englishLeft);
		assertThat(englishLeft).isLessThan(arabicLeft);
		// and the phrase itself reads left to right
		assertThat(xOf(glyphs, "D")).isLessThan(xOf(glyphs, "j"));
	}

	@Test
	void aNumberAfterAQuotedEnglishPhraseComesAfterItInArabicOrder() throws IOException {
		Path pdf = write("بند العمل " + ReportLayout.isolated(TITLE) + " 46.7 في المائة.");
		List<TextPosition> glyphs = glyphs(pdf);
		// Arabic order: the number after the phrase, so on its left
		assertThat(xOf(glyphs, "4")).isLessThan(xOf(glyphs, "D"));
		assertThat(xOf(glyphs, "4")).isLessThan(xOf(glyphs, "7"));
	}

	@Test
	void theIsolatesAreNeitherDrawnNorReadBack() throws IOException {
		Path pdf = write("بند العمل " + ReportLayout.isolated(TITLE) + ".");
		assertThat(ReportFiles.pdfText(pdf)).doesNotContain("\u2066", "\u2069").contains(TITLE);
		assertThat(glyphs(pdf)).noneMatch((g) -> g.getUnicode().matches("[\u2066-\u2069]"));
	}

	@Test
	void aBracketedArabicPhraseReadsBackInLogicalOrder() throws IOException {
		String bracketed = "(التكيف والتخفيف)";
		Path pdf = write("تحقق منافع مشتركة أكثر " + bracketed + " من المشاريع الأخرى.");
		// the page shows the brackets mirrored, ")" on the right of the phrase ...
		List<TextPosition> glyphs = glyphs(pdf);
		assertThat(xOf(glyphs, ")")).isGreaterThan(xOf(glyphs, "("));
		// ... and the text read back gives them as typed, "(" first
		String poppler = ReportFiles.popplerText(pdf);
		assertThat(poppler).contains(bracketed).doesNotContain(")التكيف والتخفيف(");
		assertThat(ReportFiles.popplerLayout(pdf)).contains(bracketed);
	}

	@Test
	void onlyTheBracketsOfRightToLeftTextAreMarked() {
		PdfFonts fonts = new PdfFonts("arabic", true, "ar");
		List<PdfFonts.Run> runs = new ArrayList<>();
		runs.add(new PdfFonts.Run("نص (عربي) ", null, null));
		runs.add(new PdfFonts.Run("\u2066English (LDN)\u2069.", null, null));
		List<PdfFonts.Run> split = PdfFonts.mirrored(runs);
		// the Arabic brackets stand alone, for what they are typed as; the English
		// ones, left to right, are drawn as they are
		assertThat(split).filteredOn((run) -> run.actual() != null)
			.extracting(PdfFonts.Run::actual)
			.containsExactly("(", ")");
		assertThat(split).extracting(PdfFonts.Run::text).contains("\u2066English (LDN)\u2069.");
		assertThat(fonts.phrase("نص", 10).getChunks()).isNotEmpty();
	}

	private Path write(String text) throws IOException {
		return write((fonts) -> new Paragraph(fonts.phrase(text, 10.5f)));
	}

	private Path write(java.util.function.Function<PdfFonts, Paragraph> content) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		Document document = new Document(PageSize.A4, 72, 72, 80, 72);
		PdfWriter writer = PdfWriter.getInstance(document, out);
		Tagging tagging = new Tagging(writer);
		PdfFonts fonts = new PdfFonts("arabic", true, "ar");
		document.open();
		PageFlow flow = new PageFlow(document, writer, true);
		Paragraph paragraph = content.apply(fonts);
		paragraph.setAlignment(ReportLayout.start());
		flow.add(paragraph, Tagging.child(tagging.document(), Tagging.P));
		flow.finish();
		tagging.finish();
		// as the report's page events do: the shaped glyphs read as their letters
		writer.setPageEvent(new org.openpdf.text.pdf.PdfPageEventHelper() {
			@Override
			public void onCloseDocument(PdfWriter closing, Document closed) {
				LogicalUnicode.apply(closing);
			}
		});
		document.close();
		Path file = this.dir.resolve("arabic.pdf");
		Files.write(file, out.toByteArray());
		return file;
	}

	private static float xOf(List<TextPosition> glyphs, String character) {
		return glyphs.stream()
			.filter((g) -> g.getUnicode().equals(character))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no \"" + character + "\" on the page"))
			.getXDirAdj();
	}

	/** The glyphs of the first page, each with the character its font maps it to. */
	private static List<TextPosition> glyphs(Path pdf) throws IOException {
		List<TextPosition> glyphs = new ArrayList<>();
		try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
			PDFTextStripper stripper = new PDFTextStripper() {
				@Override
				protected void processTextPosition(TextPosition text) {
					glyphs.add(text);
				}
			};
			stripper.getText(document);
		}
		return glyphs;
	}

}
