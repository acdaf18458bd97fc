package org.unccd.cst.report.pdf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;
import org.unccd.cst.ReportFiles;
import org.openpdf.text.Document;
import org.openpdf.text.Element;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.pdf.ColumnText;
import org.openpdf.text.pdf.PdfWriter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link WordBreaks}: text set by OpenPDF in a column and read back line by
 * line breaks a word only when the word is wider than the column, then at a hyphenation
 * point of its language and with a hyphen.
 */
class WordBreaksTests {

	private static final String ORDINARY = "The Committee on Science and Technology recommends that the Parties "
			+ "strengthen the implementation of land degradation neutrality and desertification programmes";

	@Test
	void wordsThatFitTheColumnAreNeverHyphenated() throws IOException {
		for (float width : new float[] { 90, 120, 160, 250 }) {
			List<String> lines = lines("en", ORDINARY, width);
			assertThat(lines).as("width %s", width).hasSizeGreaterThan(1);
			assertThat(lines).as("width %s", width).noneMatch((line) -> line.endsWith("-"));
			assertThat(String.join(" ", lines)).isEqualTo(ORDINARY);
		}
	}

	@Test
	void aWordThatJustFitsIsNotHyphenatedWhenTheSpaceAfterItDoesNot() throws IOException {
		float march = new PdfFonts("test", false, "en").regular().getWidthPoint("March", 10);
		assertThat(lines("en", "31 March 2021", march + 0.5f)).containsExactly("31", "March", "2021");
	}

	@Test
	void aWordWiderThanTheColumnBreaksAtItsHyphenationPointsWithAHyphen() throws IOException {
		assertBrokenAtPoints("en", "internationalization", 50);
		assertBrokenAtPoints("fr", "anticonstitutionnellement", 60);
		assertBrokenAtPoints("es", "electroencefalografista", 55);
		assertBrokenAtPoints("ru", "человеконенавистничество", 60);
	}

	@Test
	void aLongWordAfterOrdinaryWordsStartsItsOwnLineBeforeItBreaks() throws IOException {
		List<String> lines = lines("en", "See internationalization", 60);
		assertThat(lines.get(0)).isEqualTo("See");
		assertThat(lines.get(1)).endsWith("-");
		assertThat(String.join("", lines).replace("-", "")).isEqualTo("Seeinternationalization");
	}

	@Test
	void whereNoHyphenationPointFitsAsManyLettersAsFitTakeTheHyphen() throws IOException {
		// "strengths" has no hyphenation point in English
		assertThat(Hyphenator.of("en").points("strengths")).isEmpty();
		List<String> lines = lines("en", "strengths", 25);
		assertThat(lines).hasSizeGreaterThan(1);
		for (String line : lines.subList(0, lines.size() - 1)) {
			assertThat(line).endsWith("-").hasSizeGreaterThan(1);
		}
		assertThat(String.join("", lines).replace("-", "")).isEqualTo("strengths");
	}

	@Test
	void aWordOfTwoThousandLettersBreaksOnEveryLineWithAHyphen() throws IOException {
		String word = "desertification".repeat(150);
		List<String> lines = lines("en", word, 300);
		assertThat(lines).hasSizeGreaterThan(20);
		assertLegalBreaks("en", word, lines);
	}

	@Test
	void aLatinWordInAReportOfAnotherScriptTakesEnglishPatterns() throws IOException {
		List<String> lines = lines("zh", "internationalization", 50);
		assertThat(lines).hasSizeGreaterThan(1);
		assertThat(lines.get(0)).endsWith("-");
		assertThat(String.join("", lines).replace("-", "")).isEqualTo("internationalization");
	}

	@Test
	void chineseAndArabicAreNeverHyphenated() throws IOException {
		List<String> chinese = lines("zh", "防治荒漠化公约科学技术委员会关于土地退化零增长的变革性举措的评估", 50);
		assertThat(chinese).hasSizeGreaterThan(1).noneMatch((line) -> line.contains("-"));
		List<String> arabic = lines("ar", "والاستراتيجيات والاستراتيجيات", 30);
		assertThat(arabic).hasSizeGreaterThan(1).noneMatch((line) -> line.contains("-"));
	}

	@Test
	void aWordWiderThanItsTableCellBreaksInTheCell() throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		Document document = new Document(PageSize.A4);
		PdfWriter writer = PdfWriter.getInstance(document, out);
		Tagging tagging = new Tagging(writer);
		PdfFonts fonts = new PdfFonts("test", false, "en");
		document.open();
		PageFlow flow = new PageFlow(document, writer, false);
		GridTable table = GridTable.data(new float[] { 1, 6 }, tagging.document());
		table.row(new GridRow(List.of(GridCell.of(fonts.phrase("internationalization", 9), Element.ALIGN_LEFT),
				GridCell.of(fonts.phrase("", 9), Element.ALIGN_LEFT)), 0, 0));
		flow.add(table);
		flow.finish();
		document.close();
		List<String> lines = text(out.toByteArray());
		assertThat(lines).hasSizeGreaterThan(1);
		assertLegalBreaks("en", "internationalization", lines);
	}

	@Test
	void theSameTextIsSetTheSameWayEveryTime() throws IOException {
		String text = ORDINARY + " internationalization";
		assertThat(lines("en", text, 55)).isEqualTo(lines("en", text, 55));
	}

	private static void assertBrokenAtPoints(String lang, String word, float width) throws IOException {
		List<String> lines = lines(lang, word, width);
		assertThat(lines).as(word).hasSizeGreaterThan(1);
		assertLegalBreaks(lang, word, lines);
	}

	/**
	 * Every line but the last ends with a hyphen after a hyphenation point of the word,
	 * and the lines give the word back.
	 */
	private static void assertLegalBreaks(String lang, String word, List<String> lines) {
		int[] points = Hyphenator.of(lang).points(word);
		int at = 0;
		for (String line : lines.subList(0, lines.size() - 1)) {
			assertThat(line).as(word + " in " + lines).endsWith("-");
			at += line.length() - 1;
			int point = at;
			assertThat(Arrays.stream(points).anyMatch((p) -> p == point)).as(word + " broken after " + point).isTrue();
		}
		assertThat(String.join("", lines).replace("-", "")).isEqualTo(word);
	}

	/** The lines of {@code text} set in a column {@code width} points wide. */
	private static List<String> lines(String lang, String text, float width) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		Document document = new Document(PageSize.A4);
		PdfWriter writer = PdfWriter.getInstance(document, out);
		document.open();
		PdfFonts fonts = new PdfFonts("test", "ar".equals(lang), lang);
		ColumnText column = new ColumnText(writer.getDirectContent());
		if ("ar".equals(lang)) {
			column.setRunDirection(PdfWriter.RUN_DIRECTION_RTL);
		}
		column.setSimpleColumn(72, 72, 72 + width, 770);
		column.addElement(new Paragraph(fonts.phrase(text, 10)));
		// as the report sets it, on a canvas that draws the added hyphen
		MarkedText canvas = MarkedText.plain(writer);
		column.setCanvas(canvas);
		column.go();
		writer.getDirectContent().add(canvas);
		document.close();
		return text(out.toByteArray());
	}

	private static List<String> text(byte[] pdf) throws IOException {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			List<String> lines = new ArrayList<>();
			for (String line : ReportFiles.shownText(document).split("\\R")) {
				if (!line.isBlank()) {
					lines.add(line.strip());
				}
			}
			return lines;
		}
	}

}
