package org.unccd.cst.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.unccd.cst.ReportFiles;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded input in the six official languages of the UN: 24 reports and 6 workbooks,
 * each report titled, dated and laid out in its language, with its fonts embedded, a
 * table of contents that points at the right pages, footnotes on the page of their mark,
 * and its figures drawn as vectors.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SixLanguagesTests {

	static final List<String> LANGUAGES = List.of("ar", "en", "es", "fr", "ru", "zh");

	Path output;

	Path published;

	Map<String, Object> programme;

	@BeforeAll
	void runInSixLanguages(@TempDir Path output) throws IOException {
		this.output = output;
		CommandLineRun run = CommandLineRun.of("--input=input", "--output=" + this.output, "--as-of=2019-06-30",
				"--lang=ar,en,es,fr,ru,zh");
		assertThat(run.exitCode()).as(run.err()).isEqualTo(3);
		this.published = this.output.resolve("CST14");
		try (InputStream in = Files.newInputStream(Path.of("input/programme.yaml"))) {
			this.programme = new Yaml().load(in);
		}
	}

	@Test
	void publishesTwentyFourReportsAndSixWorkbooks() throws IOException {
		try (Stream<Path> files = Files.list(this.published)) {
			List<String> names = files.map((f) -> f.getFileName().toString()).toList();
			assertThat(names.stream().filter((n) -> n.endsWith(".pdf"))).hasSize(24);
			assertThat(names.stream().filter((n) -> n.endsWith(".xlsx")))
				.containsExactlyInAnyOrderElementsOf(LANGUAGES.stream().map((l) -> "CST14." + l + ".xlsx").toList());
			for (String report : reportIds()) {
				for (String lang : LANGUAGES) {
					assertThat(names).contains(report + "." + lang + ".pdf");
				}
			}
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "ar", "en", "es", "fr", "ru", "zh" })
	void eachReportShowsItsTitleInItsLanguage(String lang) throws IOException {
		for (Map<String, Object> report : reports()) {
			String title = title(report, lang);
			Path pdf = this.published.resolve(report.get("id") + "." + lang + ".pdf");
			// right-to-left text extracts with the spaces around its punctuation moved
			assertThat(spaceless(text(pdf))).as(pdf.toString())
				.containsAnyOf(spaceless(title), rangesSwapped(spaceless(title)));
			try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
				assertThat(document.getDocumentInformation().getTitle()).isEqualTo(title);
				assertThat(document.getDocumentInformation().getSubject()).isEqualTo(report.get("symbol"));
				assertThat(document.getDocumentCatalog().getLanguage()).isEqualTo(lang);
			}
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "ar", "en", "es", "fr", "ru", "zh" })
	void eachWorkbookHasItsLanguagesLabelsAndDirection(String lang) throws IOException {
		try (org.apache.poi.ss.usermodel.Workbook workbook = ReportFiles
			.workbook(this.published.resolve("CST14." + lang + ".xlsx"))) {
			String title = workbook.getSheet("Summary").getRow(0).getCell(0).getStringCellValue();
			assertThat(title).contains(title(this.programme, lang));
			for (org.apache.poi.ss.usermodel.Sheet sheet : workbook) {
				assertThat(sheet.isRightToLeft()).as(lang + " " + sheet.getSheetName()).isEqualTo("ar".equals(lang));
			}
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "ar", "en", "es", "fr", "ru", "zh" })
	void everyFontIsEmbeddedAndNoCharacterIsMissing(String lang) throws IOException {
		for (String report : reportIds()) {
			Path pdf = this.published.resolve(report + "." + lang + ".pdf");
			assertThat(ReportFiles.fontsNotEmbedded(pdf)).as(pdf.toString()).isEmpty();
			assertThat(ReportFiles.pdfText(pdf)).as(pdf.toString()).doesNotContain("\uFFFD");
		}
	}

	@Test
	void theCoverSaysDistributionAndDateInEachLanguage() throws IOException {
		Map<String, List<String>> expected = Map.of("en", List.of("Distr.: General", "30 June 2019"), "fr",
				List.of("Distr. générale", "30 juin 2019", "Français", "Original : anglais"), "es",
				List.of("Distr. general", "30 de junio de 2019", "Español", "Original: inglés"), "ru",
				List.of("Distr.: General", "30 June 2019", "Russian", "Original: English"), "zh",
				List.of("Distr.: General", "30 June 2019", "Chinese", "Original: English"), "ar",
				List.of("Distr.: General", "30 June 2019", "Arabic", "Original: English"));
		for (String lang : LANGUAGES) {
			String cover = spaceless(pageText(this.published.resolve("obj-1.1." + lang + ".pdf"), 1));
			for (String text : expected.get(lang)) {
				assertThat(cover).as(lang).contains(spaceless(text));
			}
		}
	}

	@Test
	void theFirstDayOfAMonthIsWrittenTheFrenchWay() throws IOException {
		Path other = this.output.resolve("first-of-month");
		CommandLineRun run = CommandLineRun.of("--input=input", "--output=" + other, "--as-of=2019-09-01", "--lang=fr");
		assertThat(run.exitCode()).as(run.err()).isEqualTo(3);
		assertThat(pageText(other.resolve("CST14/obj-2.fr.pdf"), 1)).contains("1er septembre 2019");
	}

	@ParameterizedTest
	@ValueSource(strings = { "ar", "en", "zh" })
	void theContentsGiveThePageEachChapterStartsOn(String lang) throws IOException {
		Path pdf = this.published.resolve("obj-1.1." + lang + ".pdf");
		List<String> pages = pages(pdf);
		String contents = normalized(pages.get(1));
		for (String key : List.of("section.introduction", "section.progress", "section.budget", "section.findings",
				"section.recommendations")) {
			String title = normalized(label(lang, key));
			int page = -1;
			for (int i = 2; i < pages.size() && page < 0; i++) {
				if (normalized(pages.get(i)).contains(title)) {
					page = i + 1;
				}
			}
			assertThat(page).as(title).isGreaterThan(2);
			// the contents line: the title, its paragraphs and its page, in reading order
			// (Arabic is read back in the order it was typed)
			String quoted = java.util.regex.Pattern.quote(title);
			String line = quoted + "\\s*\\d+(\u2013\\d+)?\\s+" + page + "(\\s|$)";
			if ("ar".equals(lang)) {
				// poppler may give a right-to-left row's figures before its title
				line = "(" + line + ")|((^|\\s)\\d+(\u2013\\d+)?\\s+" + page + "\\s+\\S+\\s*-?\\s*" + quoted + ")";
			}
			assertThat(contents).as(lang + " " + title).containsPattern(line);
		}
	}

	@Test
	void sourcesStandAsFootnotesOnThePageOfTheirFinding() throws IOException {
		Path pdf = this.published.resolve("obj-1.1.en.pdf");
		List<String> pages = pages(pdf);
		int notes = 0;
		for (String page : pages) {
			String text = normalized(page);
			int at = text.indexOf("Source: ");
			while (at >= 0) {
				notes++;
				// the note's number is raised in the text just before it
				String before = text.substring(Math.max(0, at - 4), at);
				assertThat(before).containsPattern("\\d");
				String number = before.replaceAll("\\D", "");
				assertThat(text.substring(0, at)).as("mark " + number + " on the same page")
					.containsPattern("[\\p{L}.)]" + number + "\\b");
				at = text.indexOf("Source: ", at + 1);
			}
		}
		assertThat(notes).isGreaterThan(0);
	}

	@ParameterizedTest
	@ValueSource(strings = { "ar", "en" })
	void theFiguresAreVectorDrawings(String lang) throws IOException {
		Path pdf = this.published.resolve("obj-1.1." + lang + ".pdf");
		try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
			int forms = 0;
			for (PDPage page : document.getPages()) {
				for (PDXObject object : xObjects(page.getResources())) {
					assertThat(object).isNotInstanceOf(PDImageXObject.class);
					if (object instanceof PDFormXObject form) {
						String content = new String(form.getContents().readAllBytes(),
								java.nio.charset.StandardCharsets.ISO_8859_1);
						if (content.contains(" re") && content.contains(" rg")) {
							forms++;
						}
					}
				}
			}
			// the progress figure and the budget figure: filled rectangles in colour
			assertThat(forms).isGreaterThanOrEqualTo(2);
		}
		String text = normalized(ReportFiles.pdfText(pdf));
		assertThat(text).contains(normalized(label(lang, "chart.secured")), normalized(label(lang, "chart.gap")),
				"O1.1-a", "O1.1-b");
	}

	private static List<PDXObject> xObjects(PDResources resources) throws IOException {
		List<PDXObject> objects = new ArrayList<>();
		if (resources == null) {
			return objects;
		}
		for (COSName name : resources.getXObjectNames()) {
			PDXObject object = resources.getXObject(name);
			objects.add(object);
			if (object instanceof PDFormXObject form) {
				objects.addAll(xObjects(form.getResources()));
			}
		}
		return objects;
	}

	/**
	 * The text without spaces and the punctuation that extraction moves around numbers in
	 * right-to-left text.
	 */
	static String spaceless(String text) {
		return normalized(text).replaceAll("[ ,،:]", "");
	}

	/**
	 * Text as compared: Unicode NFKC, so that Arabic presentation forms become letters;
	 * every run of white space one space; no break where a line ended between two Chinese
	 * characters or after a hyphen.
	 */
	static String normalized(String text) {
		return Normalizer.normalize(text, Normalizer.Form.NFKC)
			.replaceAll("\\s+", " ")
			.replaceAll("(?<=\\p{IsHan}) (?=\\p{IsHan})", "")
			.replaceAll("(?<=\\d-) (?=\\d)", "")
			.strip();
	}

	/**
	 * A range of numbers such as {@code 2018-2019} inside Arabic text, as the Unicode
	 * bidirectional algorithm shows it and text extraction gives it back: the later
	 * number first, so that a right-to-left reader meets 2018 first.
	 */
	static String rangesSwapped(String text) {
		return text.replaceAll("(\\d+)-(\\d+)", "$2-$1");
	}

	private static String label(String lang, String key) {
		return org.unccd.cst.model.Messages.of(lang).get(key);
	}

	private static String pageText(Path pdf, int page) throws IOException {
		return pages(pdf).get(page - 1);
	}

	/** Arabic as a viewer's search reads it (poppler), other languages with PDFBox. */
	private static String text(Path pdf) throws IOException {
		return pdf.getFileName().toString().contains(".ar.") ? ReportFiles.popplerText(pdf) : ReportFiles.pdfText(pdf);
	}

	private static List<String> pages(Path pdf) throws IOException {
		if (pdf.getFileName().toString().contains(".ar.")) {
			return ReportFiles.popplerPages(pdf);
		}
		List<String> pages = new ArrayList<>();
		try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
			for (int i = 1; i <= document.getNumberOfPages(); i++) {
				PDFTextStripper stripper = new PDFTextStripper();
				stripper.setStartPage(i);
				stripper.setEndPage(i);
				pages.add(stripper.getText(document));
			}
		}
		return pages;
	}

	@SuppressWarnings("unchecked")
	private List<Map<String, Object>> reports() {
		return (List<Map<String, Object>>) this.programme.get("reports");
	}

	private List<String> reportIds() {
		return reports().stream().map((r) -> (String) r.get("id")).toList();
	}

	@SuppressWarnings("unchecked")
	private static String title(Map<String, ?> report, String lang) {
		Map<String, String> titles = (Map<String, String>) report.get("title");
		return titles.getOrDefault(lang, titles.get("en"));
	}

}
