package org.unccd.cst;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads outputs back the way a user's tools would: JSON, PDF text and fonts, workbooks.
 */
public final class ReportFiles {

	private ReportFiles() {
	}

	public static JsonNode json(Path file) {
		return JsonMapper.builder().build().readTree(file.toFile());
	}

	public static String pdfText(Path file) throws IOException {
		try (PDDocument document = Loader.loadPDF(file.toFile())) {
			return new PDFTextStripper().getText(document);
		}
	}

	/** The names of the fonts of every page that are not embedded. */
	public static List<String> fontsNotEmbedded(Path file) throws IOException {
		List<String> missing = new ArrayList<>();
		try (PDDocument document = Loader.loadPDF(file.toFile())) {
			for (PDPage page : document.getPages()) {
				for (var name : page.getResources().getFontNames()) {
					PDFont font = page.getResources().getFont(name);
					if (!font.isEmbedded()) {
						missing.add(font.getName());
					}
				}
			}
		}
		return missing;
	}

	public static int pdfPages(Path file) throws IOException {
		try (PDDocument document = Loader.loadPDF(file.toFile())) {
			return document.getNumberOfPages();
		}
	}

	public static Workbook workbook(Path file) throws IOException {
		return WorkbookFactory.create(file.toFile(), null, true);
	}

}
