package org.unccd.cst;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
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

	public static JsonNode jsonText(String json) {
		return JsonMapper.builder().build().readTree(json);
	}

	public static JsonNode json(Path file) {
		return JsonMapper.builder().build().readTree(file.toFile());
	}

	/**
	 * The text of each page as poppler's {@code pdftotext} gives it, as a search in a
	 * viewer finds it, with the marks it puts around right-to-left runs left out. Arabic
	 * is read this way: poppler puts the letters of a right-to-left line, ligatures
	 * included, back in the order they were typed.
	 */
	public static List<String> popplerPages(Path file) throws IOException {
		return popplerPages(file, false);
	}

	/**
	 * The text of each page as {@code pdftotext} gives it; with {@code layout}, each line
	 * of the page as one line of text, as its {@code -layout} option keeps the columns of
	 * a table on their row.
	 */
	public static List<String> popplerPages(Path file, boolean layout) throws IOException {
		List<String> command = new ArrayList<>(List.of("pdftotext", "-enc", "UTF-8"));
		if (layout) {
			command.add("-layout");
		}
		command.addAll(List.of(file.toString(), "-"));
		Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
		String text = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
		try {
			if (process.waitFor() != 0) {
				throw new IOException("pdftotext could not read " + file);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException(ex);
		}
		List<String> pages = new ArrayList<>();
		for (String page : text.replaceAll("[\u202A-\u202E\u2066-\u2069]", "").split("\f")) {
			pages.add(page);
		}
		if (!pages.isEmpty() && pages.get(pages.size() - 1).isBlank()) {
			pages.remove(pages.size() - 1);
		}
		return pages;
	}

	/** The whole text as {@link #popplerPages(Path)} gives it. */
	public static String popplerText(Path file) throws IOException {
		return String.join("\f", popplerPages(file));
	}

	/** The whole text as {@code pdftotext -layout} gives it. */
	public static String popplerLayout(Path file) throws IOException {
		return String.join("\f", popplerPages(file, true));
	}

	public static String pdfText(Path file) throws IOException {
		try (PDDocument document = Loader.loadPDF(file.toFile())) {
			return new PDFTextStripper().getText(document);
		}
	}

	/**
	 * The text as the pages show it, line by line: a hyphen added where a word breaks at
	 * the end of a line is there, though what the text says in its place
	 * ({@code ActualText}), which {@link #pdfText} gives, is nothing.
	 */
	public static String shownText(Path file) throws IOException {
		try (PDDocument document = Loader.loadPDF(file.toFile())) {
			return shownText(document);
		}
	}

	public static String shownText(PDDocument document) throws IOException {
		PDFTextStripper stripper = new PDFTextStripper() {

			@Override
			public void beginMarkedContentSequence(COSName tag, COSDictionary properties) {
				COSDictionary shown = (properties != null) ? new COSDictionary(properties) : null;
				if (shown != null) {
					shown.removeItem(COSName.ACTUAL_TEXT);
				}
				super.beginMarkedContentSequence(tag, shown);
			}

		};
		return stripper.getText(document);
	}

	/** The names of the fonts the pages use, without their subset prefix (ABCDEF+). */
	public static java.util.Set<String> fontNames(Path file) throws IOException {
		java.util.Set<String> names = new java.util.TreeSet<>();
		try (PDDocument document = Loader.loadPDF(file.toFile())) {
			for (PDPage page : document.getPages()) {
				for (var name : page.getResources().getFontNames()) {
					names.add(page.getResources().getFont(name).getName().replaceFirst("^[A-Z]{6}\\+", ""));
				}
			}
		}
		return names;
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
