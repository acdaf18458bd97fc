package org.unccd.cst.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unccd.cst.ReportFiles;
import org.unccd.cst.TaggedPdf;
import org.unccd.cst.TestInputs;
import org.unccd.cst.report.pdf.HyphenationPoints;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Published reports whose outcome title holds a word wider than its table column and a
 * word wider than the page: each breaks only at hyphenation points of its language with a
 * hyphen at the end of the line, and no other word of the report is hyphenated.
 */
class LongWordsTests {

	/**
	 * Per language: a word wider than the outcome column, and one wider than the page.
	 */
	private static final Map<String, List<String>> WORDS = Map.of("en", List.of(
			"Landdegradationneutralitytransformativeprojectsimplementation",
			"Desertificationlanddegradationanddroughtmitigationandadaptationstrategiesforsustainablelandmanagementprogrammes"),
			"fr",
			List.of("Neutralitédeladégradationdesterresetmiseenœuvredesprojets",
					"Désertificationdégradationdesterresetsécheresseatténuationetadaptationstratégiesdegestiondurabledesterres"),
			"es",
			List.of("Neutralizacióndeladegradacióndelastierrasyejecucióndeproyectos",
					"Desertificacióndegradacióndelastierrasysequíamitigaciónyadaptaciónestrategiasdeordenaciónsostenibledelastierras"),
			"ru", List.of("Нейтральностьдеградацииземельиосуществлениепроектов",
					"Опустыниваниедеградацияземельизасухасмягчениепоследствийиадаптациястратегииустойчивогоуправленияземельнымиресурсами"));

	@Test
	void aWordWiderThanItsColumnOrThePageBreaksWithAHyphenAndNoOtherWordIs(@TempDir Path dir) throws IOException {
		Path input = TestInputs.write(dir.resolve("in"));
		Path programme = input.resolve("programme.yaml");
		StringBuilder title = new StringBuilder("{");
		for (String lang : List.of("en", "fr", "es", "ru")) {
			List<String> words = WORDS.get(lang);
			title.append(lang).append(": \"").append(words.get(0)).append(" (").append(words.get(1)).append(")\", ");
		}
		title.append("zh: 第一项成果}");
		String yaml = Files.readString(programme);
		assertThat(yaml).contains("title: First deliverable,");
		Files.writeString(programme, yaml.replace("title: First deliverable,", "title: " + title + ","));
		Path output = dir.resolve("out");
		CommandLineRun run = CommandLineRun.of("--input=" + input, "--output=" + output, "--as-of=" + TestInputs.AS_OF,
				"--lang=en,fr,es,ru");
		assertThat(run.exitCode()).as(run.err()).isIn(0, 3);
		for (String lang : List.of("en", "fr", "es", "ru")) {
			Path pdf = output.resolve("T1/alpha." + lang + ".pdf");
			String text = ReportFiles.shownText(pdf).replaceAll("[\\u00A0\\u202F]", " ");
			List<String> tokens = List.of(text.strip().split("\\s+"));
			boolean[] inLongWord = new boolean[tokens.size()];
			List<String> words = WORDS.get(lang);
			// the first word fits on a line of the page: it is whole in the paragraph
			// that names the outcome, and broken only in the table
			assertThat(text).as(lang + ": whole where it fits").contains(words.get(0));
			for (String word : words) {
				int found = 0;
				for (int i = 0; i < tokens.size(); i++) {
					List<Integer> pieces = brokenAt(word, tokens, i, lang);
					if (!pieces.isEmpty()) {
						pieces.forEach((p) -> inLongWord[p] = true);
						found++;
					}
				}
				assertThat(found).as(lang + ": " + word + " broken with hyphens in\n" + text).isPositive();
			}
			assertThat(text).as(lang + ": never whole").doesNotContain(words.get(1));
			// read back, the text gives each word whole: the added hyphens read as
			// nothing
			String read = TaggedPdf.read(pdf).root().allText();
			assertThat(read).as(lang + ": whole when read").contains(words);
			String source = source(input, lang);
			for (int i = 0; i < tokens.size(); i++) {
				String token = tokens.get(i);
				if (!inLongWord[i] && token.length() > 1 && token.endsWith("-")
						&& Character.isLetter(token.charAt(token.length() - 2))) {
					// a hyphen that is not the long words' is one of the text's own
					assertThat(source).as(lang + ": \"" + token + "\" is hyphenated").contains(token);
				}
			}
		}
	}

	/**
	 * The indexes of the tokens that give {@code word} back from token {@code start} on,
	 * each but the last ending with a hyphen at a hyphenation point of the language; none
	 * when the word does not start there. Tokens of the cells beside it may come between.
	 */
	private static List<Integer> brokenAt(String word, List<String> tokens, int start, String lang) {
		String first = core(tokens.get(start));
		if (!tokens.get(start).endsWith("-") || first.isEmpty() || !word.startsWith(first)
				|| first.length() == word.length()) {
			return List.of();
		}
		List<Integer> pieces = new ArrayList<>(List.of(start));
		int at = first.length();
		assertLegal(word, at, lang);
		for (int j = start + 1; j < tokens.size() && at < word.length(); j++) {
			String token = tokens.get(j);
			String piece = core(token);
			if (piece.isEmpty() || !word.startsWith(piece, at)) {
				continue;
			}
			pieces.add(j);
			at += piece.length();
			if (at < word.length()) {
				assertThat(token).as(word + ": a line that breaks inside it ends with a hyphen").endsWith("-");
				assertLegal(word, at, lang);
			}
		}
		assertThat(at).as(word + " given back whole").isEqualTo(word.length());
		return pieces;
	}

	private static void assertLegal(String word, int point, String lang) {
		String lower = word.toLowerCase(java.util.Locale.forLanguageTag(lang));
		assertThat(HyphenationPoints.of(lang, lower)).as(word + " broken after " + word.substring(0, point))
			.contains(point);
	}

	/** A token without the quote or bracket before it and the hyphen or bracket after. */
	private static String core(String token) {
		return token.replaceAll("^[\\p{Ps}\\p{Pi}\"«“]+", "").replaceAll("[-\\p{Pe}\\p{Pf}\"»”.,;:]+$", "");
	}

	/**
	 * Every text the report is made of: the input files and the labels of the language.
	 */
	private static String source(Path input, String lang) throws IOException {
		StringBuilder source = new StringBuilder();
		try (Stream<Path> files = Files.walk(input)) {
			for (Path file : files.filter((f) -> f.toString().endsWith(".yaml") || f.toString().endsWith(".csv"))
				.toList()) {
				source.append(Files.readString(file)).append('\n');
			}
		}
		try (InputStream in = LongWordsTests.class.getClassLoader()
			.getResourceAsStream("messages/labels_" + lang + ".properties")) {
			source.append(new String(in.readAllBytes(), StandardCharsets.UTF_8));
		}
		return source.toString();
	}

}
