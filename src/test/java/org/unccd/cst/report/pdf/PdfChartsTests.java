package org.unccd.cst.report.pdf;

import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;
import org.openpdf.text.Document;
import org.openpdf.text.Image;
import org.openpdf.text.PageSize;
import org.openpdf.text.pdf.PdfWriter;
import org.unccd.cst.model.Messages;

import static org.assertj.core.api.Assertions.assertThat;

/** Tests for {@link PdfCharts}: the figures as a reader sees them on the page. */
class PdfChartsTests {

	/** The grid lines' grey. */
	private static final int GRID = 0xBEBEBE;

	@TempDir
	Path dir;

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "en", "ar" })
	void noGridLineStrikesThroughABarsValue(String lang) throws IOException {
		// 70 per cent ends its bar just before the grid line at 75: the value stands on
		// it
		Path pdf = progress(lang,
				List.of(new PdfCharts.Bar("O1.1-a", new BigDecimal("100.0"), "completed"),
						new PdfCharts.Bar("O1.1-b", new BigDecimal("70.0"), "in_progress"),
						new PdfCharts.Bar("O1.1-c", new BigDecimal("47.5"), "delayed")));
		try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
			PDFRenderer renderer = new PDFRenderer(document);
			// without smoothing, a grid line keeps its grey and text is black
			renderer.setRenderingHints(
					new RenderingHints(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF));
			float scale = 4;
			BufferedImage page = renderer.renderImage(0, scale);
			assertThat(greyColumns(page)).as("the grid is drawn").isNotEmpty();
			for (String value : List.of("70.0", "47.5")) {
				float[] box = box(document, value);
				int grey = 0;
				for (int x = (int) (box[0] * scale); x <= (int) (box[2] * scale); x++) {
					for (int y = (int) (box[1] * scale); y <= (int) (box[3] * scale); y++) {
						if ((page.getRGB(x, y) & 0xFFFFFF) == GRID) {
							grey++;
						}
					}
				}
				assertThat(grey).as(value + ": grid pixels inside the value").isZero();
			}
		}
	}

	/** The columns of pixels that hold the grid's grey. */
	private static List<Integer> greyColumns(BufferedImage page) {
		List<Integer> columns = new ArrayList<>();
		for (int x = 0; x < page.getWidth(); x++) {
			for (int y = 0; y < page.getHeight(); y++) {
				if ((page.getRGB(x, y) & 0xFFFFFF) == GRID) {
					columns.add(x);
					break;
				}
			}
		}
		return columns;
	}

	/** Where the glyphs of {@code text} stand: left, top, right, bottom, in points. */
	private static float[] box(PDDocument document, String text) throws IOException {
		List<TextPosition> glyphs = new ArrayList<>();
		new PDFTextStripper() {
			@Override
			protected void processTextPosition(TextPosition position) {
				glyphs.add(position);
			}
		}.getText(document);
		StringBuilder all = new StringBuilder();
		glyphs.forEach((g) -> all.append(g.getUnicode()));
		int at = all.indexOf(text);
		if (at < 0) {
			// read right to left
			at = all.indexOf(new StringBuilder(text).reverse().toString());
		}
		assertThat(at).as(text + " in " + all).isNotNegative();
		float[] box = { Float.MAX_VALUE, Float.MAX_VALUE, 0, 0 };
		for (TextPosition glyph : glyphs.subList(at, at + text.length())) {
			box[0] = Math.min(box[0], glyph.getXDirAdj());
			box[1] = Math.min(box[1], glyph.getYDirAdj() - glyph.getHeightDir());
			box[2] = Math.max(box[2], glyph.getXDirAdj() + glyph.getWidthDirAdj());
			box[3] = Math.max(box[3], glyph.getYDirAdj());
		}
		return box;
	}

	private Path progress(String lang, List<PdfCharts.Bar> bars) throws IOException {
		Path pdf = this.dir.resolve("chart." + lang + ".pdf");
		Messages messages = Messages.of(lang);
		Document document = new Document(PageSize.A4, 72, 72, 80, 72);
		try (OutputStream out = Files.newOutputStream(pdf)) {
			PdfWriter writer = PdfWriter.getInstance(document, out);
			document.open();
			PdfFonts fonts = new PdfFonts("chart", messages.rightToLeft(), lang);
			PdfCharts charts = new PdfCharts(writer, fonts, messages, document.right() - document.left());
			for (Image image : charts.progress(bars)) {
				document.add(image);
			}
			document.close();
		}
		return pdf;
	}

}
