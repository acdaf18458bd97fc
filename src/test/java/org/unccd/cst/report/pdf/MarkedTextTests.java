package org.unccd.cst.report.pdf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openpdf.text.Document;
import org.openpdf.text.Element;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.pdf.PdfWriter;
import org.unccd.cst.ReportFiles;
import org.unccd.cst.TaggedPdf;
import org.unccd.cst.TaggedPdf.Node;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A hyphen added where a word wider than its line breaks: the page shows it, the text
 * read back (the structure's, or copied) gives the word whole.
 */
class MarkedTextTests {

	/** Wider than the page's measure, in a paragraph as in a table cell. */
	private static final String LONG = "Опустыниваниедеградацияземельизасухасмягчениепоследствийиадаптация"
			+ "стратегииустойчивогоуправленияземельнымиресурсами";

	@Test
	void anAddedHyphenIsShownAndReadsAsNothing(@TempDir Path dir) throws IOException {
		Path file = dir.resolve("hyphens.pdf");
		Files.write(file, document((fonts, tagging, flow) -> {
			flow.add(new Paragraph(fonts.phrase("Land: " + LONG + " and more.", 10.5f)),
					Tagging.child(tagging.document(), Tagging.P));
			GridTable table = GridTable.data(new float[] { 1, 6 }, tagging.document());
			table.row(new GridRow(List.of(GridCell.of(fonts.phrase("internationalization", 9), Element.ALIGN_LEFT),
					GridCell.of(fonts.phrase("policy-oriented", 9), Element.ALIGN_LEFT)), 0, 0));
			flow.add(table);
		}));
		// the page: the words broken, each line but the last of a word with its hyphen
		String shown = ReportFiles.shownText(file);
		assertThat(shown).doesNotContain(LONG, "internationalization").contains("policy-oriented");
		List<String> lines = shown.lines().map(String::strip).toList();
		assertThat(lines).anyMatch((line) -> line.startsWith("Опустынивание") && line.endsWith("-"));
		assertThat(lines).anyMatch((line) -> line.matches("inter.*-"));
		// what it says: the words whole, and the hyphen of a compound kept
		Node document = TaggedPdf.read(file).root().children().get(0);
		assertThat(document.find("P").get(0).text()).startsWith("Land:").contains(LONG + " and more.");
		List<Node> cells = document.find("TD");
		assertThat(cells).extracting(Node::text).containsExactly("internationalization", "policy-oriented");
		// and copied from the page, each part of a word is its line's, with no hyphen
		String copied = ReportFiles.pdfText(file);
		assertThat(copied.lines().map(String::strip)).noneMatch((line) -> line.endsWith("-"))
			.anyMatch((line) -> line.startsWith("inter"));
	}

	private interface Content {

		void write(PdfFonts fonts, Tagging tagging, PageFlow flow);

	}

	private static byte[] document(Content content) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		Document document = new Document(PageSize.A4, 72, 72, 80, 72);
		PdfWriter writer = PdfWriter.getInstance(document, out);
		Tagging tagging = new Tagging(writer);
		PdfFonts fonts = new PdfFonts("hyphens", false, "en");
		document.open();
		PageFlow flow = new PageFlow(document, writer, false);
		content.write(fonts, tagging, flow);
		flow.finish();
		tagging.finish();
		document.close();
		return out.toByteArray();
	}

}
