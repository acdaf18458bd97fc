package org.unccd.cst.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openpdf.text.Document;
import org.openpdf.text.PageSize;
import org.openpdf.text.pdf.BaseFont;
import org.openpdf.text.pdf.PdfContentByte;
import org.openpdf.text.pdf.PdfWriter;

import static org.assertj.core.api.Assertions.assertThat;

/** Tests for {@link TextLayout}: it sees text that overlaps or leaves the page. */
class TextLayoutTests {

	@TempDir
	Path dir;

	@Test
	void findsTwoLinesSetOverEachOther() throws Exception {
		Path pdf = page((canvas, font) -> {
			text(canvas, font, "Budget line", 100, 500);
			text(canvas, font, "Execution", 100, 496);
		});

		assertThat(TextLayout.problems(pdf)).anyMatch((p) -> p.contains("overlap"));
	}

	@Test
	void findsTextOutsideThePrintableArea() throws Exception {
		Path pdf = page((canvas, font) -> text(canvas, font, "Lost", 10, 500));

		assertThat(TextLayout.problems(pdf)).hasSize(4).allMatch((p) -> p.contains("leaves the page"));
	}

	@Test
	void findsTextInTheSideMargins() throws Exception {
		Path pdf = page((canvas, font) -> text(canvas, font, "Page", 60, 500));

		assertThat(TextLayout.problems(pdf)).hasSize(2)
			.allMatch((p) -> p.contains("\"P\"") || p.contains("\"a\""))
			.allMatch((p) -> p.contains("leaves the text column"));
	}

	@Test
	void acceptsLinesSetOneBelowTheOther() throws Exception {
		Path pdf = page((canvas, font) -> {
			text(canvas, font, "Budget line", 100, 500);
			text(canvas, font, "Execution", 100, 486);
		});

		assertThat(TextLayout.problems(pdf)).isEmpty();
	}

	@Test
	void findsAChineseCharacterAloneOnTheLastLineOfItsParagraph() throws Exception {
		Path pdf = page((canvas, font) -> {
			BaseFont chinese = BaseFont.createFont("fonts/DroidSansFallbackFull.ttf", BaseFont.IDENTITY_H, true);
			text(canvas, chinese, "本报告涵盖的预期成果共有两", 100, 500);
			text(canvas, chinese, "项。", 100, 486);
			// with two characters, the last line is a line
			text(canvas, chinese, "本报告涵盖的预期成果共有", 100, 450);
			text(canvas, chinese, "两项。", 100, 436);
		});

		assertThat(TextLayout.problems(pdf)).containsExactly("page.pdf page 1: \"项。\" stands alone on its line");
	}

	private interface Drawing {

		void draw(PdfContentByte canvas, BaseFont font) throws Exception;

	}

	private Path page(Drawing drawing) throws Exception {
		Path pdf = this.dir.resolve("page.pdf");
		Document document = new Document(PageSize.A4);
		try (OutputStream out = Files.newOutputStream(pdf)) {
			PdfWriter writer = PdfWriter.getInstance(document, out);
			document.open();
			drawing.draw(writer.getDirectContent(), BaseFont.createFont());
			document.close();
		}
		return pdf;
	}

	private static void text(PdfContentByte canvas, BaseFont font, String text, float x, float y) throws IOException {
		canvas.beginText();
		canvas.setFontAndSize(font, 11);
		canvas.setTextMatrix(x, y);
		canvas.showText(text);
		canvas.endText();
	}

}
