package org.unccd.cst.report.pdf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openpdf.text.Document;
import org.openpdf.text.Element;
import org.openpdf.text.PageSize;
import org.openpdf.text.pdf.PdfWriter;
import org.unccd.cst.ReportFiles;
import org.unccd.cst.TaggedPdf;
import org.unccd.cst.TaggedPdf.Node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Tables as the page flow lays them out: a long table runs onto further pages with every
 * row once in the structure and its caption and header rows repeated as artifacts; a row
 * that no page can hold stops the document instead of being dropped.
 */
class GridTableTests {

	@Test
	void figuresAreToldFromWordsDatesAndCodesInEveryLanguage() {
		// amounts, percentages and counts as the six languages write them
		assertThat(List.of("94,389.98", "EUR 515,000.00", "EUR\u00A0119,600.00", "70.0", "70,0", "100",
				"515\u00A0000,00", "515\u202F000,00 %", "-1,250.00", "\u2066EUR 94,389.98\u2069", "0"))
			.allSatisfy((text) -> assertThat(ReportGrids.figure(text)).as(text).isTrue());
		// dates, codes, statuses and blanks are not
		assertThat(List.of("2019-06-30", "30 June 2019", "O1.1-a", "B1", "completed", "EUR", "", "—",
				"in progress 40.0", "2019年6月30日"))
			.allSatisfy((text) -> assertThat(ReportGrids.figure(text)).as(text).isFalse());
	}

	@Test
	void aLongTableSplitsBetweenRowsWithItsHeaderRepeatedOutsideTheText(@TempDir Path dir) throws IOException {
		Path file = dir.resolve("table.pdf");
		Files.write(file, document((fonts, tagging, flow) -> {
			GridTable table = GridTable.data(new float[] { 1, 3 }, tagging.document());
			table.caption(fonts.phrase("Table 7", 10, true), fonts.phrase("Table 7 (continued)", 10, true));
			table.header(new GridRow(List.of(GridCell.of(fonts.phrase("Code", 9, true), Element.ALIGN_LEFT),
					GridCell.of(fonts.phrase("Title", 9, true), Element.ALIGN_LEFT)), 0.5f, 0.5f));
			for (int i = 1; i <= 120; i++) {
				table.row(new GridRow(List.of(GridCell.of(fonts.phrase("R" + i, 9), Element.ALIGN_LEFT),
						GridCell.of(fonts.phrase("Row number " + i, 9), Element.ALIGN_LEFT)), 0, 0.3f));
			}
			flow.add(table);
		}));
		TaggedPdf pdf = TaggedPdf.read(file);
		assertThat(pdf.artifacts().size()).isGreaterThan(2);
		Node table = pdf.root().children().get(0).find("Table").get(0);
		assertThat(table.children("Caption")).hasSize(1);
		List<Node> rows = table.children("TR");
		assertThat(rows).hasSize(121);
		List<String> codes = new ArrayList<>();
		rows.subList(1, rows.size()).forEach((row) -> codes.add(row.children().get(0).text()));
		for (int i = 1; i <= 120; i++) {
			assertThat(codes.get(i - 1)).isEqualTo("R" + i);
		}
		assertThat(table.children("Caption").get(0).text()).isEqualTo("Table 7");
		// from the second page on, the caption, saying the table is continued, and the
		// header stand again, for the eye only
		for (int page = 1; page < pdf.artifacts().size(); page++) {
			assertThat(pdf.artifacts().get(page)).contains("Table 7 (continued)", "Code", "Title");
		}
		assertThat(pdf.artifacts().get(0)).doesNotContain("Table 7");
		assertThat(ReportFiles.pdfText(file).lines().filter((line) -> line.startsWith("Table 7")))
			.hasSize(pdf.artifacts().size())
			.first()
			.isEqualTo("Table 7");
	}

	@Test
	void aRowTallerThanAPageStopsTheDocument() {
		assertThatThrownBy(() -> document((fonts, tagging, flow) -> {
			GridTable table = GridTable.data(new float[] { 1, 1 }, tagging.document());
			String tall = "A line of a cell.\n".repeat(120);
			table.row(new GridRow(List.of(GridCell.of(fonts.phrase("X", 9), Element.ALIGN_LEFT),
					GridCell.of(fonts.phrase(tall, 9), Element.ALIGN_LEFT)), 0, 0));
			flow.add(table);
		})).isInstanceOf(IllegalStateException.class).hasMessageContaining("larger than a page");
	}

	private interface Content {

		void write(PdfFonts fonts, Tagging tagging, PageFlow flow);

	}

	private static byte[] document(Content content) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		Document document = new Document(PageSize.A4, 72, 72, 80, 72);
		PdfWriter writer = PdfWriter.getInstance(document, out);
		Tagging tagging = new Tagging(writer);
		PdfFonts fonts = new PdfFonts("grid", false, "en");
		writer.setPageEvent(new org.openpdf.text.pdf.PdfPageEventHelper());
		document.open();
		PageFlow flow = new PageFlow(document, writer, false);
		content.write(fonts, tagging, flow);
		flow.finish();
		tagging.finish();
		document.close();
		return out.toByteArray();
	}

}
