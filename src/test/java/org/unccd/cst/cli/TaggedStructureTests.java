package org.unccd.cst.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

import tools.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.unccd.cst.ReportFiles;
import org.unccd.cst.TaggedPdf;
import org.unccd.cst.TaggedPdf.Node;
import org.unccd.cst.model.Messages;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reports as a screen reader meets them: the structure tree read back from the
 * published PDFs holds the title as the first heading, a section per chapter, every table
 * row with header cells that say what they head, the charts' data as their alternative
 * text, each recommendation as a list item and each footnote as a note; the running heads
 * and page numbers are artifacts, outside the text.
 */
class TaggedStructureTests {

	@TempDir
	static Path output;

	private static JsonNode summary;

	@BeforeAll
	static void publish() {
		CommandLineRun run = CommandLineRun.of("--input=input", "--output=" + output, "--as-of=2019-06-30",
				"--lang=en,ar,zh");
		assertThat(run.exitCode()).as(run.err()).isIn(0, 3);
		summary = ReportFiles.json(output.resolve("CST14/summary.json"));
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "en", "ar", "zh" })
	void theDocumentIsTaggedWithItsTitleFirstAndAChapterPerSection(String lang) throws IOException {
		TaggedPdf pdf = TaggedPdf.read(output.resolve("CST14/obj-1.1." + lang + ".pdf"));
		assertThat(pdf.marked()).isTrue();
		assertThat(pdf.root().children()).extracting(Node::type).containsExactly("Document");
		Node document = pdf.root().children().get(0);
		List<Node> headings = document.find((node) -> node.type().matches("H[1-6]"));
		assertThat(headings.get(0).type()).isEqualTo("H1");
		assertThat(flat(headings.get(0).text())).isNotEmpty();
		// the Summary, the contents and five chapters, each a section with its heading
		List<Node> sections = document.children("Sect");
		assertThat(sections).hasSize(7);
		assertThat(sections).allSatisfy((section) -> assertThat(section.children().get(0).type()).isEqualTo("H2"));
		Messages m = Messages.of(lang);
		if (!"ar".equals(lang)) {
			assertThat(flat(sections.get(2).children().get(0).text())).contains(flat(m.get("section.introduction")));
			assertThat(flat(sections.get(1).children().get(0).text())).isEqualTo(flat(m.get("contents")));
		}
	}

	@Test
	void everyTableRowIsATableRowWithHeaderCellsThatHeadTheirColumn() throws IOException {
		TaggedPdf pdf = TaggedPdf.read(output.resolve("CST14/obj-1.1.en.pdf"));
		Node document = pdf.root().children().get(0);
		// the contents, the outcomes and the budget lines
		List<Node> tables = document.find("Table");
		assertThat(tables).hasSize(3);
		assertThat(flat(document.find("H1").get(0).text())).startsWith("Synthesisreportonobjective1.1");
		// the contents: each chapter's title a link to the chapter
		List<Node> links = tables.get(0).find("Link");
		assertThat(links).extracting((link) -> flat(link.text()))
			.containsExactly("Introduction", "Progressagainsttheexpectedoutcomes", "Resourcesandbudget", "Keyfindings",
					"Conclusionsandpolicy-orientedrecommendations");
		Node outcomes = tables.get(1);
		assertThat(outcomes.children().get(0).type()).isEqualTo("Caption");
		assertThat(flat(outcomes.children().get(0).text())).isEqualTo("Table1");
		List<Node> rows = outcomes.children("TR");
		List<String> covered = new ArrayList<>();
		summary.get("outcomes").forEach((o) -> {
			if (o.get("workItem").asText().equals("O1.1")) {
				covered.add(o.get("code").asText());
			}
		});
		assertThat(rows).hasSize(1 + covered.size());
		assertThat(rows.get(0).children()).hasSize(6).allSatisfy((cell) -> {
			assertThat(cell.type()).isEqualTo("TH");
			assertThat(cell.scope()).isEqualTo("Column");
		});
		assertThat(flat(rows.get(0).allText())).isEqualTo("CodeExpectedoutcomeStatus%DueLatestprogress");
		for (int i = 0; i < covered.size(); i++) {
			List<Node> cells = rows.get(i + 1).children();
			assertThat(cells).extracting(Node::type).containsOnly("TD").hasSize(6);
			assertThat(flat(cells.get(0).text())).isEqualTo(covered.get(i));
		}
		// each budget line is a row of its own, with its figures in their cells
		Node budget = tables.get(2);
		List<Node> lines = budget.children("TR");
		assertThat(lines).hasSize(1 + summary.get("budget").get("lines").size());
		for (int i = 0; i < summary.get("budget").get("lines").size(); i++) {
			JsonNode line = summary.get("budget").get("lines").get(i);
			List<Node> cells = lines.get(i + 1).children();
			assertThat(flat(cells.get(0).text())).isEqualTo(line.get("code").asText());
			assertThat(flat(cells.get(3).text()).replace(",", ""))
				.isEqualTo(line.get("amount").decimalValue().setScale(2).toPlainString());
		}
	}

	@Test
	void theChartsSayTheirDataAndTheRecommendationsAreAListAndTheNotesNotes() throws IOException {
		TaggedPdf pdf = TaggedPdf.read(output.resolve("CST14/obj-1.1.en.pdf"));
		Node document = pdf.root().children().get(0);
		List<Node> figures = document.find("Figure");
		assertThat(figures).hasSize(2);
		summary.get("outcomes").forEach((o) -> {
			if (o.get("workItem").asText().equals("O1.1")) {
				assertThat(figures.get(0).alt()).contains(o.get("code").asText() + ": ");
			}
		});
		assertThat(figures.get(1).alt()).contains("Budget EUR 515,000.00", "B1: amount");
		List<String> expected = new ArrayList<>();
		summary.get("recommendations").forEach((r) -> {
			if (r.get("report").asText().equals("obj-1.1")) {
				expected.add(r.get("text").asText());
			}
		});
		List<Node> lists = document.find("L");
		assertThat(lists).hasSize(1);
		List<Node> items = lists.get(0).children("LI");
		assertThat(items).hasSize(expected.size());
		for (int i = 0; i < items.size(); i++) {
			assertThat(items.get(i).children()).extracting(Node::type).containsExactly("LBody");
			assertThat(flat(items.get(i).allText())).contains(flat(expected.get(i)));
		}
		List<Node> notes = document.find("Note");
		assertThat(notes).isNotEmpty();
		assertThat(notes).extracting(Node::id).doesNotHaveDuplicates().doesNotContainNull();
		assertThat(flat(notes.get(0).text())).startsWith("1");
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "en", "ar", "zh" })
	void eachFootnoteMarkIsAReferenceToItsNoteAtTheEndOfItsParagraph(String lang) throws IOException {
		TaggedPdf pdf = TaggedPdf.read(output.resolve("CST14/obj-1.1." + lang + ".pdf"));
		Node document = pdf.root().children().get(0);
		List<Node> notes = document.find("Note");
		List<Node> references = document.find("Reference");
		assertThat(notes).hasSizeGreaterThan(1);
		assertThat(references).hasSameSizeAs(notes);
		for (int i = 0; i < notes.size(); i++) {
			String number = Integer.toString(i + 1);
			assertThat(references.get(i).text()).isEqualTo(number);
			assertThat(references.get(i).ref()).isEqualTo(notes.get(i).id());
			// the note starts with its own mark (which Arabic text read back in visual
			// order gives last)
			assertThat(flat(notes.get(i).text())).matches("(" + number + "\\D.*|.*\\D" + number + ")");
		}
		List<Node> paragraphs = document.find((node) -> !node.children("Reference").isEmpty());
		assertThat(paragraphs).hasSameSizeAs(notes).allSatisfy((paragraph) -> {
			assertThat(paragraph.type()).isEqualTo("P");
			// the paragraph's text, then its mark: the text does not end with the number
			assertThat(paragraph.children()).extracting(Node::type).containsExactly("Reference");
			assertThat(flat(paragraph.text())).isNotEmpty().doesNotEndWith(paragraph.children().get(0).text());
			assertThat(paragraph.allText()).endsWith(paragraph.children().get(0).text());
		});
	}

	@Test
	void englishTextInTheArabicReportIsMarkedAsEnglishAndArabicTextIsNot() throws IOException {
		TaggedPdf pdf = TaggedPdf.read(output.resolve("CST14/obj-1.1.ar.pdf"));
		Node document = pdf.root().children().get(0);
		List<Node> texts = document.find((node) -> node.type().equals("TD") || node.type().equals("P"));
		int english = 0;
		for (Node node : texts) {
			String text = node.allText();
			long arabic = text.codePoints()
				.filter((c) -> Character.UnicodeScript.of(c) == Character.UnicodeScript.ARABIC)
				.count();
			long latin = text.codePoints()
				.filter((c) -> Character.UnicodeScript.of(c) == Character.UnicodeScript.LATIN)
				.count();
			// a cell mostly in Latin letters, or a paragraph wholly, is English (codes
			// and
			// symbols are short); an English quotation inside an Arabic sentence is not
			// marked apart
			boolean cell = node.type().equals("TD");
			if (latin > 12 && (cell ? latin > arabic : arabic == 0)) {
				assertThat(node.lang()).as(text).isEqualTo("en");
				english++;
			}
			else if (arabic > latin) {
				assertThat(node.lang()).as(text).isNull();
			}
		}
		// the embedded input gives its progress summaries in English only
		assertThat(english).isGreaterThan(0);
	}

	@Test
	void aNoteMarkAfterAnEnglishFindingInTheArabicReportFollowsItsLastWord() throws IOException {
		List<String> wrong = new ArrayList<>();
		int checked = 0;
		for (String report : List.of("obj-1.1", "obj-1.2", "obj-2", "coordination")) {
			try (PDDocument document = Loader.loadPDF(output.resolve("CST14/" + report + ".ar.pdf").toFile())) {
				for (int page = 2; page <= document.getNumberOfPages(); page++) {
					List<TextPosition> glyphs = new ArrayList<>();
					PDFTextStripper stripper = new PDFTextStripper() {

						@Override
						protected void processTextPosition(TextPosition text) {
							glyphs.add(text);
						}

					};
					stripper.setStartPage(page);
					stripper.setEndPage(page);
					stripper.getText(document);
					for (TextPosition mark : glyphs) {
						if (mark.getFontSizeInPt() > 7 || !mark.getUnicode().matches("\\d")) {
							continue;
						}
						// the body text of the mark's line: it is raised 4 points above
						// it
						List<TextPosition> line = glyphs.stream()
							.filter((g) -> g.getFontSizeInPt() > 9 && g.getYDirAdj() >= mark.getYDirAdj()
									&& g.getYDirAdj() <= mark.getYDirAdj() + 6)
							.toList();
						boolean arabic = line.stream()
							.anyMatch((g) -> Character.UnicodeScript
								.of(g.getUnicode().codePointAt(0)) == Character.UnicodeScript.ARABIC);
						List<TextPosition> latin = line.stream()
							.filter((g) -> g.getUnicode().matches("[A-Za-z]"))
							.toList();
						if (arabic || latin.isEmpty()) {
							continue;
						}
						checked++;
						// an English text reads left to right: its note's mark stands at
						// its right end, after its last word, not before its first
						float end = (float) latin.stream().mapToDouble(TextPosition::getXDirAdj).max().orElseThrow();
						if (mark.getXDirAdj() < end) {
							wrong.add(report + " page " + page + ": mark " + mark.getUnicode() + " at x "
									+ mark.getXDirAdj() + ", the English line ends at " + end);
						}
					}
				}
			}
		}
		assertThat(checked).isGreaterThanOrEqualTo(3);
		assertThat(wrong).isEmpty();
	}

	@Test
	void arabicHeadingsAreSetFromTheRightLikeTheText() throws IOException {
		List<String> wrong = new ArrayList<>();
		int headings = 0;
		try (PDDocument document = Loader.loadPDF(output.resolve("CST14/obj-1.1.ar.pdf").toFile())) {
			for (int page = 2; page <= document.getNumberOfPages(); page++) {
				// each line by its baseline: its right end and the size of its largest
				// type
				Map<Integer, float[]> lines = new TreeMap<>();
				PDFTextStripper stripper = new PDFTextStripper() {

					@Override
					protected void processTextPosition(TextPosition text) {
						float[] line = lines.computeIfAbsent(Math.round(text.getYDirAdj()), (y) -> new float[2]);
						line[0] = Math.max(line[0], text.getXDirAdj() + text.getWidthDirAdj());
						line[1] = Math.max(line[1], text.getFontSizeInPt());
					}

				};
				stripper.setStartPage(page);
				stripper.setEndPage(page);
				stripper.getText(document);
				float right = (float) lines.values().stream().mapToDouble((line) -> line[0]).max().orElse(0);
				// nothing, not even a paragraph's number, stands out in the right margin
				float margin = document.getPage(page - 1).getMediaBox().getWidth() - 72;
				assertThat(right).as("page " + page + ": the right end of the text")
					.isBetween(margin - 1, margin + 0.5f);
				for (Map.Entry<Integer, float[]> line : lines.entrySet()) {
					// the headings (12 pt) and the contents' title (13 pt) are the
					// largest type
					if (line.getValue()[1] >= 11.5f) {
						headings++;
						// set from the right, and from the right margin itself, where
						// the paragraphs' numbers stand (set from the left, a heading
						// would end hundreds of points short of it; indented, 28
						// points)
						if (right - line.getValue()[0] > 1) {
							wrong.add("page " + page + ", line at " + line.getKey() + ": ends at " + line.getValue()[0]
									+ ", the text at " + right);
						}
					}
				}
			}
		}
		assertThat(headings).isGreaterThanOrEqualTo(5);
		assertThat(wrong).isEmpty();
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "ar", "zh" })
	void aDraftedRecommendationInEnglishOnlyIsMarkedAsEnglish(String lang) throws IOException {
		// the embedded recommendations are given in English and Chinese
		TaggedPdf pdf = TaggedPdf.read(output.resolve("CST14/obj-1.1." + lang + ".pdf"));
		List<String> english = new ArrayList<>();
		for (String line : Files.readAllLines(Path.of("input/progress/recommendations.csv")).subList(1, 4)) {
			english.add(line.startsWith("obj-1.1,\"") ? line.substring(9, line.indexOf('"', 9))
					: line.substring(8, line.indexOf(',', 8)));
		}
		List<String> passages = pdf.passages()
			.stream()
			.filter((passage) -> "en".equals(passage.lang()))
			.map((passage) -> flat(passage.text()))
			.toList();
		for (String text : english) {
			if (lang.equals("zh")) {
				assertThat(passages).as(text).noneMatch((passage) -> passage.contains(flat(text).substring(0, 30)));
			}
			else {
				assertThat(passages).as(text).anyMatch((passage) -> passage.contains(flat(text).substring(0, 30)));
			}
		}
	}

	@Test
	void anEnglishTitleQuotedInAFrenchOrArabicSentenceIsMarkedAsEnglish(@TempDir Path dir) throws IOException {
		Path input = dir.resolve("input");
		try (var files = Files.walk(Path.of("input"))) {
			for (Path file : files.toList()) {
				Files.copy(file, input.resolve(Path.of("input").relativize(file).toString()));
			}
		}
		// the work item O1.1 has no French or Arabic title: its English one stands in
		// those reports' sentences
		List<String> lines = new ArrayList<>(Files.readAllLines(input.resolve("programme.yaml")));
		int item = lines.indexOf("      - code: O1.1");
		String given = lines.get(item + 2).strip();
		assertThat(given).startsWith("en: \"Advice on designing");
		String english = given.substring(5, given.length() - 1);
		assertThat(lines.get(item + 4).strip()).startsWith("ar:");
		assertThat(lines.get(item + 6).strip()).startsWith("fr:");
		lines.remove(item + 6);
		lines.remove(item + 4);
		Files.write(input.resolve("programme.yaml"), lines);
		CommandLineRun run = CommandLineRun.of("--input=" + input, "--output=" + dir.resolve("out"),
				"--as-of=2019-06-30", "--lang=en,fr,ar");
		assertThat(run.exitCode()).as(run.err()).isIn(0, 3);
		for (String lang : List.of("fr", "ar")) {
			TaggedPdf pdf = TaggedPdf.read(dir.resolve("out/CST14/obj-1.1." + lang + ".pdf"));
			assertThat(pdf.passages()).extracting(TaggedPdf.Passage::lang).as(lang).containsOnly("en");
			// the title, in the introduction's mandate and in the progress paragraph (the
			// drafted recommendations, in English only, are passages of their own)
			String quoted = pdf.passages()
				.stream()
				.map(TaggedPdf.Passage::text)
				.filter((text) -> flat(english).contains(flat(text)))
				.collect(Collectors.joining());
			assertThat(flat(quoted)).as(lang).isEqualTo(flat(english).repeat(2));
			Node document = pdf.root().children().get(0);
			assertThat(document.find((node) -> flat(node.text()).contains(flat(english).substring(0, 6)))).as(lang)
				.hasSize(2)
				.allSatisfy((paragraph) -> assertThat(paragraph.lang()).isNull());
		}
		assertThat(TaggedPdf.read(dir.resolve("out/CST14/obj-1.1.en.pdf")).passages()).isEmpty();
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "en", "zh" })
	void runningHeadsAndPageNumbersAreArtifactsOutsideTheText(String lang) throws IOException {
		TaggedPdf pdf = TaggedPdf.read(output.resolve("CST14/obj-1.1." + lang + ".pdf"));
		Messages m = Messages.of(lang);
		Node document = pdf.root().children().get(0);
		String text = flat(document.allText());
		// the cover carries no page number
		assertThat(flat(pdf.artifacts().get(0))).doesNotContain(flat(m.get("page", 1)));
		for (int page = 2; page <= pdf.artifacts().size(); page++) {
			assertThat(flat(pdf.artifacts().get(page - 1))).contains(flat(m.get("page", page)));
		}
		assertThat(text).doesNotContain(flat(m.get("page", 2)));
		assertThat(flat(pdf.artifacts().get(2))).contains("ICCD/COP(14)/CST/2");
	}

	private static String flat(String text) {
		return text.replaceAll("[\\s\\u00A0\\u202F\\u200E\\u200F]", "");
	}

}
