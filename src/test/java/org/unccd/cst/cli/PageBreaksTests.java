package org.unccd.cst.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.unccd.cst.PageBreaks;
import org.unccd.cst.model.Messages;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The page breaks of every report, in the six languages, as an editor would check them
 * ({@link PageBreaks}): no heading or caption alone at the foot of a page, no single line
 * of a paragraph or item on either side of a break, no table split leaving fewer than two
 * body rows on a page, no page left mostly empty before text that could have filled it.
 * Over the embedded input at three cut-off dates, the public example and generated long
 * programmes of several sizes.
 */
class PageBreaksTests {

	private static final String LANGUAGES = String.join(",", Messages.LANGUAGES);

	@ParameterizedTest(name = "as of {0}")
	@ValueSource(strings = { "2019-03-31", "2019-06-30", "2019-12-31" })
	void theEmbeddedInputBreaksItsPagesAsAnEditorWould(String asOf, @TempDir Path dir) throws IOException {
		CommandLineRun run = CommandLineRun.of("--input=input", "--output=" + dir, "--as-of=" + asOf,
				"--lang=" + LANGUAGES);
		// some rows of the embedded input are rejected, on purpose
		assertThat(run.exitCode()).as(run.err()).isEqualTo(3);
		assertThat(problems(dir.resolve("CST14"), 24)).isEmpty();
	}

	@ParameterizedTest(name = "as of {0}")
	@ValueSource(strings = { "2020-06-30", "2021-03-31" })
	void thePublicExampleBreaksItsPagesAsAnEditorWould(String asOf, @TempDir Path dir) throws IOException {
		CommandLineRun run = CommandLineRun.of("--input=src/test/resources/examples/sample", "--output=" + dir,
				"--as-of=" + asOf, "--lang=" + LANGUAGES);
		assertThat(run.exitCode()).as(run.err()).isIn(0, 3);
		assertThat(problems(dir.resolve("DEMO"), 12)).isEmpty();
	}

	@ParameterizedTest(name = "seed {0}")
	@ValueSource(longs = { 3, 11, 12, 31 })
	void generatedProgrammesBreakTheirPagesAsAnEditorWould(long seed, @TempDir Path dir) throws IOException {
		GeneratedProgramme.write(seed, dir.resolve("input"));
		CommandLineRun run = CommandLineRun.of("--input=" + dir.resolve("input"), "--output=" + dir.resolve("out"),
				"--as-of=2029-06-30", "--lang=" + LANGUAGES);
		assertThat(run.exitCode()).as(run.err()).isZero();
		assertThat(problems(dir.resolve("out/GEN" + seed), 12)).isEmpty();
	}

	/**
	 * The page-break problems of every report in {@code published}, at least
	 * {@code reports}.
	 */
	private static List<String> problems(Path published, int reports) throws IOException {
		List<Path> pdfs;
		try (var files = Files.list(published)) {
			pdfs = files.filter((f) -> f.toString().endsWith(".pdf")).sorted().toList();
		}
		assertThat(pdfs).hasSizeGreaterThanOrEqualTo(reports);
		List<String> problems = new ArrayList<>();
		for (Path pdf : pdfs) {
			problems.addAll(PageBreaks.problems(pdf));
		}
		return problems;
	}

}
