package org.unccd.cst.cli;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.unccd.cst.ReportFiles;
import org.unccd.cst.TaggedPdf;
import org.unccd.cst.model.Messages;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reports read back as a delegate's tools read them: every table row, finding and
 * recommendation of generated long programmes is in every language's PDF; Arabic text
 * extracts as its letters; Chinese lines never start with closing punctuation; table
 * headers keep their words whole; the cover says what a UN cover says.
 */
class ReportReadBackTests {

	private static final List<String> LANGUAGES = Messages.LANGUAGES;

	private static final Pattern FLAT = Pattern.compile("[\\s\\u00AD\\u2010\\u2011-]");

	@ParameterizedTest(name = "seed {0}")
	@ValueSource(longs = { 11, 12 })
	void everyRowFindingAndRecommendationIsInEveryLanguage(long seed, @TempDir Path dir) throws IOException {
		GeneratedProgramme programme = GeneratedProgramme.write(seed, dir.resolve("input"));
		CommandLineRun run = CommandLineRun.of("--input=" + dir.resolve("input"), "--output=" + dir.resolve("out"),
				"--as-of=2029-06-30", "--lang=" + String.join(",", LANGUAGES));
		assertThat(run.exitCode()).as(run.err()).isZero();
		Path published = dir.resolve("out/GEN" + seed);
		String summary = Files.readString(published.resolve("summary.json"));
		List<String> problems = new ArrayList<>();
		for (String lang : LANGUAGES) {
			Messages messages = Messages.of(lang);
			List<String> reports = new ArrayList<>();
			try (var files = Files.list(published)) {
				files.map((f) -> f.getFileName().toString())
					.filter((n) -> n.startsWith("rep-") && n.endsWith("." + lang + ".pdf"))
					.sorted()
					.forEach(reports::add);
			}
			String all = "";
			for (String report : reports) {
				String item = "W" + report.substring(4, report.indexOf('.'));
				String text = ReportFiles.popplerLayout(published.resolve(report)).replaceAll("[\\u00A0\\u202F]", " ");
				all += text;
				for (String outcome : programme.outcomes()) {
					if (outcome.startsWith(item + "-") && !hasLineWith(text, outcome)) {
						problems.add(report + ": no table row for " + outcome);
					}
				}
				for (String line : programme.budgetLines()) {
					String amount = messages.money(amountOf(summary, line)).replaceAll("[\\u00A0\\u202F]", " ");
					if (!text.lines().anyMatch((l) -> l.contains(line + " ") || l.endsWith(line))
							|| !text.contains(amount)) {
						problems.add(report + ": no table row for budget line " + line + " (" + amount + ")");
					}
				}
			}
			String body = flat(all);
			for (String finding : programme.findings()) {
				if (!"fr".equals(lang) && !body.contains(flat(words(finding)))) {
					problems.add(lang + ": finding not found: " + finding);
				}
			}
			for (String recommendation : programme.recommendations()) {
				if (!body.contains(flat(words(recommendation)))) {
					problems.add(lang + ": recommendation not found: " + recommendation);
				}
			}
		}
		assertThat(problems).isEmpty();
	}

	@Test
	void theCoverSaysWhereAndWhenTheSessionMeetsUnderWhichItemAndByWhom(@TempDir Path dir) throws IOException {
		GeneratedProgramme.write(21, dir.resolve("input"));
		CommandLineRun run = CommandLineRun.of("--input=" + dir.resolve("input"), "--output=" + dir.resolve("out"),
				"--as-of=2029-06-30", "--lang=en,fr");
		assertThat(run.exitCode()).as(run.err()).isZero();
		String en = ReportFiles.pdfText(dir.resolve("out/GEN21/rep-1.en.pdf"));
		String cover = ReportFiles.popplerPages(dir.resolve("out/GEN21/rep-1.en.pdf")).get(0);
		assertThat(cover).doesNotContain("Page 1");
		assertThat(cover).contains("United Nations", "ICCD/GEN/1", "Distr.: General", "30 June 2029",
				"Conference of the Parties", "Bonn, Germany, 1-5 January 2030", "Item 3 (a) of the provisional agenda",
				"Follow-up of the work programme", "Note by the secretariat", "Summary", "GE.30-00001 (E)");
		assertThat(flat(cover)).contains(flat("Expected outcomes covered by this report:"),
				flat("Recommendations put forward in this report:"));
		String fr = ReportFiles.pdfText(dir.resolve("out/GEN21/rep-1.fr.pdf"));
		assertThat(fr).contains("Note du secrétariat", "Point 3 (a) de l’ordre du jour provisoire", "Résumé",
				"Bonn (Allemagne)");
		// some findings have no French text: the report says once that they are in
		// English
		assertThat(flat(fr)).containsOnlyOnce(flat(Messages.of("fr").get("note.english")));
		assertThat(flat(en)).doesNotContain(flat(Messages.of("en").get("note.english")));
	}

	@Test
	void arabicExtractsAsItsLettersAndChineseLinesNeverStartWithClosingPunctuation(@TempDir Path dir)
			throws IOException {
		CommandLineRun run = CommandLineRun.of("--input=input", "--output=" + dir, "--as-of=2019-06-30",
				"--lang=ar,zh,ru,fr,es");
		assertThat(run.exitCode()).as(run.err()).isEqualTo(3);
		Path published = dir.resolve("CST14");
		for (String report : List.of("obj-1.1", "obj-1.2", "obj-2", "coordination")) {
			Path arabic = published.resolve(report + ".ar.pdf");
			String glyphs = glyphUnicode(arabic);
			long forms = glyphs.codePoints().filter(ReportReadBackTests::isPresentationForm).count();
			long letters = glyphs.codePoints().filter((c) -> c >= 0x0621 && c <= 0x064A).count();
			assertThat(forms).as(report + ".ar: presentation forms against %d letters", letters).isZero();
			assertThat(letters).as(report + ".ar letters").isGreaterThan(500);
			assertThat(ReportFiles.popplerText(arabic)).as(report + ".ar")
				.contains("مقدمة", "الأمم المتحدة", "الأطراف");
			String chinese = ReportFiles.pdfText(published.resolve(report + ".zh.pdf"));
			// Chinese in a sans-serif, and its Latin letters and figures too; the other
			// languages in the serif
			assertThat(ReportFiles.fontNames(published.resolve(report + ".zh.pdf"))).as(report + ".zh fonts")
				.contains("DroidSansFallback", "NotoSans-Regular")
				.noneMatch((font) -> font.startsWith("NotoSerif"));
			assertThat(ReportFiles.fontNames(published.resolve(report + ".ru.pdf"))).as(report + ".ru fonts")
				.contains("NotoSerif-Regular")
				.noneMatch((font) -> font.startsWith("NotoSans"));
			// every text of the embedded input is given in Chinese: no note says
			// otherwise
			assertThat(flat(chinese)).doesNotContain(flat(Messages.of("zh").get("note.english")));
			for (String line : chinese.split("\n")) {
				String trimmed = line.strip();
				// the Chinese rules: no closing punctuation or quotation mark starts a
				// line, no opening one ends it
				assertThat(trimmed.isEmpty() || "。，、；：？！）」』】〉》”’｡｣､".indexOf(trimmed.charAt(0)) < 0)
					.as(report + ".zh line: " + trimmed)
					.isTrue();
				assertThat(trimmed.isEmpty() || "（「『【〈《“‘｢".indexOf(trimmed.charAt(trimmed.length() - 1)) < 0)
					.as(report + ".zh line: " + trimmed)
					.isTrue();
			}
			// Chinese typesetting: full-width punctuation after Chinese, no space
			// between Chinese and Latin letters or digits, in every paragraph and note
			String han = "\\p{IsHan}";
			for (TaggedPdf.Node paragraph : TaggedPdf.read(published.resolve(report + ".zh.pdf"))
				.root()
				.find((node) -> node.type().equals("P") || node.type().equals("Note"))) {
				String text = paragraph.allText();
				assertThat(firstMatch(text, ".{0,8}(" + han + "[,;:()]|\\([^()]*" + han + "[^()]*\\)).{0,8}"))
					.as(report + ".zh: half-width punctuation in Chinese")
					.isEmpty();
				assertThat(firstMatch(text, ".{0,8}(" + han + " [A-Za-z0-9]|[A-Za-z0-9] " + han + ").{0,8}"))
					.as(report + ".zh: a space between Chinese and Latin")
					.isEmpty();
			}
			// the sources in the footnotes are given in Chinese in the embedded input
			assertThat(firstMatch(chinese, "来源：[^\\n]*[A-Za-z]{3}[^\\n]*")).as(report + ".zh source in English")
				.isEmpty();
			// a bracketed Arabic phrase reads back in the order it was typed, "(" first
			String arabicText = ReportFiles.popplerText(arabic);
			assertThat(Pattern.compile("\\)[\\u0621-\\u064A][^()\\n]{0,40}[\\u0621-\\u064A]\\(")
				.matcher(arabicText)
				.find())
				.as(report + ".ar: a mirrored bracket read back: "
						+ firstMatch(arabicText, "\\)[\\u0621-\\u064A][^()\\n]{0,40}[\\u0621-\\u064A]\\("))
				.isFalse();
			// the items of a list in an Arabic sentence are parted by the Arabic
			// semicolon, not the Latin one
			assertThat(firstMatch(arabicText, ".{0,12}[\\u0621-\\u064A] ?;.{0,12}"))
				.as(report + ".ar: a Latin semicolon after Arabic")
				.isEmpty();
			if ("coordination".equals(report)) {
				assertThat(arabicText).contains("؛");
			}
			if ("obj-1.1".equals(report)) {
				assertThat(arabicText).contains("(التكيف والتخفيف)");
			}
			for (String lang : List.of("ru", "fr", "es")) {
				String text = ReportFiles.pdfText(published.resolve(report + "." + lang + ".pdf"));
				// the table headers keep their words whole in every language
				for (String key : List.of("col.execution", "col.status", "col.source", "col.summary")) {
					for (String word : Messages.of(lang).typeset(Messages.of(lang).get(key)).split("\\s+")) {
						if (word.length() > 3) {
							assertThat(text).as(report + "." + lang + " header word").contains(word);
						}
					}
				}
			}
		}
	}

	private static String firstMatch(String text, String regex) {
		java.util.regex.Matcher matcher = Pattern.compile(regex).matcher(text);
		return matcher.find() ? matcher.group() : "";
	}

	@Test
	void aTableThatRunsOntoAnotherPageSaysSoAtTheTopOfThatPage(@TempDir Path dir) throws IOException {
		GeneratedProgramme.write(21, dir.resolve("input"));
		CommandLineRun run = CommandLineRun.of("--input=" + dir.resolve("input"), "--output=" + dir.resolve("out"),
				"--as-of=2029-06-30", "--lang=" + String.join(",", LANGUAGES));
		assertThat(run.exitCode()).as(run.err()).isZero();
		for (String lang : LANGUAGES) {
			Messages m = Messages.of(lang);
			List<String> continued = new ArrayList<>();
			try (var files = Files.list(dir.resolve("out/GEN21"))) {
				for (Path pdf : files.filter((f) -> f.toString().endsWith("." + lang + ".pdf")).sorted().toList()) {
					TaggedPdf tagged = TaggedPdf.read(pdf);
					// the caption in the structure is the table's, once
					assertThat(tagged.root().find("Caption")).extracting((caption) -> letters(caption.text()))
						.containsExactly(letters(m.get("table", 1)), letters(m.get("table", 2)));
					// on the pages it runs onto, a line of its own says it is continued
					List<String> lines = ReportFiles.popplerLayout(pdf)
						.lines()
						.map(ReportReadBackTests::letters)
						.toList();
					for (int table = 1; table <= 2; table++) {
						if (lines.contains(letters(m.get("table.continued", table)))) {
							continued.add(pdf.getFileName() + " " + table);
						}
					}
				}
			}
			assertThat(continued).as(lang).isNotEmpty();
		}
	}

	/**
	 * The characters of a text but for spaces and direction marks, in code point order:
	 * the same whichever order a right-to-left line is read back in.
	 */
	private static String letters(String text) {
		int[] sorted = text.codePoints()
			.filter((c) -> !Character.isWhitespace(c) && !Character.isSpaceChar(c) && c != 0x200E && c != 0x200F)
			.sorted()
			.toArray();
		return new String(sorted, 0, sorted.length);
	}

	@Test
	void noTwoLinesOfTextOverlapNoneLeavesThePageAndTheRunningPartsStandAtTheOuterEdge(@TempDir Path dir)
			throws IOException {
		GeneratedProgramme.write(31, dir.resolve("input"));
		CommandLineRun generated = CommandLineRun.of("--input=" + dir.resolve("input"),
				"--output=" + dir.resolve("out"), "--as-of=2029-06-30", "--lang=" + String.join(",", LANGUAGES));
		assertThat(generated.exitCode()).as(generated.err()).isZero();
		CommandLineRun embedded = CommandLineRun.of("--input=input", "--output=" + dir.resolve("out"),
				"--as-of=2019-12-31", "--lang=" + String.join(",", LANGUAGES));
		assertThat(embedded.exitCode()).as(embedded.err()).isEqualTo(3);
		List<String> problems = new ArrayList<>();
		try (var files = Files.walk(dir.resolve("out"))) {
			for (Path pdf : files.filter((f) -> f.toString().endsWith(".pdf")).sorted().toList()) {
				problems.addAll(TextLayout.problems(pdf));
				problems.addAll(TextLayout.notAtTheOuterEdge(pdf, pdf.getFileName().toString().contains(".ar.")));
			}
		}
		assertThat(problems).isEmpty();
	}

	@Test
	void theFiguresOfATableLineUpAtTheEndOfTheirColumn(@TempDir Path dir) throws IOException {
		CommandLineRun run = CommandLineRun.of("--input=input", "--output=" + dir, "--as-of=2019-09-03",
				"--lang=en,ar");
		assertThat(run.exitCode()).as(run.err()).isEqualTo(3);
		String summary = Files.readString(dir.resolve("CST14/summary.json"));
		List<String> amounts = new ArrayList<>();
		for (var line : ReportFiles.jsonText(summary).path("budget").path("lines")) {
			amounts.add(String.format(java.util.Locale.ROOT, "%,.2f", line.path("spent").decimalValue()));
		}
		// what was spent on each line, figures of different lengths
		assertThat(amounts).hasSizeGreaterThan(1).doesNotHaveDuplicates();
		assertThat(amounts.stream().map(String::length).distinct().count()).isGreaterThan(1);
		for (String lang : List.of("en", "ar")) {
			// the spending of the budget lines in the table of the budget (not in a
			// sentence or a chart's label): the end of each, right in English, left in
			// Arabic, at the same place
			List<float[]> spans = new ArrayList<>();
			for (String amount : amounts) {
				spans.add(tableSpan(dir.resolve("CST14/obj-1.1." + lang + ".pdf"), amount));
			}
			int end = lang.equals("ar") ? 0 : 1;
			for (float[] span : spans) {
				assertThat(span[end]).as(lang + " " + amounts + " ends")
					.isCloseTo(spans.get(0)[end], org.assertj.core.data.Offset.offset(0.5f));
			}
			// and, being of different lengths, they start at different places
			assertThat(spans.stream().map((span) -> Math.round(span[1 - end])).distinct().count()).as(lang)
				.isGreaterThan(1);
		}
	}

	/**
	 * Where {@code figure} stands, from left to right, on the first line of a table that
	 * holds it as a word of its own: a line with no "/" (a chart's label) and no more
	 * than 12 words (not a sentence).
	 */
	private static float[] tableSpan(Path pdf, String figure) throws IOException {
		List<float[]> found = new ArrayList<>();
		try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
			PDFTextStripper stripper = new PDFTextStripper() {
				@Override
				protected void writeString(String text, List<TextPosition> positions) {
					if (!found.isEmpty() || text.contains("/") || text.strip().split("\\s+").length > 12) {
						return;
					}
					List<TextPosition> sorted = new ArrayList<>(positions);
					sorted.sort((a, b) -> Float.compare(a.getXDirAdj(), b.getXDirAdj()));
					StringBuilder visual = new StringBuilder();
					sorted.forEach((p) -> visual.append(p.getUnicode()));
					int at = visual.indexOf(figure);
					boolean alone = at >= 0 && (at == 0 || !Character.isDigit(visual.charAt(at - 1)))
							&& (at + figure.length() == visual.length()
									|| !Character.isDigit(visual.charAt(at + figure.length())));
					if (alone) {
						TextPosition last = sorted.get(at + figure.length() - 1);
						found.add(
								new float[] { sorted.get(at).getXDirAdj(), last.getXDirAdj() + last.getWidthDirAdj() });
					}
				}
			};
			stripper.setSortByPosition(true);
			stripper.getText(document);
		}
		assertThat(found).as(figure + " in a table of " + pdf.getFileName()).isNotEmpty();
		return found.get(0);
	}

	private static boolean hasLineWith(String text, String code) {
		return text.lines()
			.anyMatch((l) -> Pattern.compile("(^|[^\\w])" + Pattern.quote(code) + "([^\\w-]|$)").matcher(l).find()
					&& l.replace(code, "").codePoints().filter(Character::isLetter).count() >= 3);
	}

	private static BigDecimal amountOf(String summary, String line) {
		var node = ReportFiles.jsonText(summary).path("budget").path("lines");
		for (var each : node) {
			if (each.path("code").asString().equals(line)) {
				return each.path("amount").decimalValue();
			}
		}
		throw new IllegalArgumentException(line);
	}

	/** The words of a text after its label, which a right-to-left line may reorder. */
	private static String words(String text) {
		String rest = text.substring(text.indexOf(':') + 1).strip();
		return rest.substring(0, Math.min(40, rest.length()));
	}

	private static String flat(String text) {
		return FLAT.matcher(Normalizer.normalize(text, Normalizer.Form.NFKC)).replaceAll("");
	}

	/**
	 * The Unicode each glyph of the document maps to, as the PDF gives it, unreordered.
	 */
	private static String glyphUnicode(Path pdf) throws IOException {
		StringBuilder all = new StringBuilder();
		try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
			PDFTextStripper stripper = new PDFTextStripper() {
				@Override
				protected void processTextPosition(TextPosition text) {
					all.append(text.getUnicode());
				}
			};
			stripper.getText(document);
		}
		return all.toString();
	}

	private static boolean isPresentationForm(int c) {
		return (c >= 0xFB50 && c <= 0xFDFF) || (c >= 0xFE70 && c <= 0xFEFF);
	}

}
