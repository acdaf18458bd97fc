package org.unccd.cst.reliability;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unccd.cst.ChildJvm;
import org.unccd.cst.tools.InputGenerator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ingest step reads each data file in a partition of its own, several at a time when
 * {@code cst.ingest.threads} asks for it (as with PostgreSQL): whichever file is staged
 * first, the published set is byte for byte that of a run that reads one file after the
 * other, its rejects (a reference met again in a later file among them) included.
 */
class PartitionedIngestTests {

	@Test
	void filesReadAtTheSameTimePublishTheSetOfFilesReadInTurn(@TempDir Path dir) throws Exception {
		Path input = dir.resolve("in");
		InputGenerator.generate(Path.of("input"), input, 12_000, 3, 11);
		// the embedded input's data files too (the generated rates stay): a reference of
		// expenditures-2018.csv met again in expenditures-2019.csv, and rows with
		// mistakes
		try (Stream<Path> files = Files.list(Path.of("input/progress"))) {
			for (Path file : files.filter((f) -> f.toString().endsWith(".csv")).toList()) {
				Path copy = input.resolve("progress").resolve(file.getFileName());
				if (!Files.exists(copy)) {
					Files.copy(file, copy);
				}
			}
		}
		String[] args = { "--input=" + input, "--as-of=2019-06-30", "--lang=en,ar", "--progress=off" };

		Path inTurn = dir.resolve("in-turn");
		assertThat(ChildJvm.run(List.of("-Xmx512m", "-Dcst.ingest.threads=1"), dir.resolve("in-turn.log"),
				with(args, "--output=" + inTurn)))
			.isEqualTo(3);
		Path together = dir.resolve("together");
		assertThat(ChildJvm.run(List.of("-Xmx512m", "-Dcst.ingest.threads=4"), dir.resolve("together.log"),
				with(args, "--output=" + together)))
			.isEqualTo(3);

		String rejects = Files.readString(together.resolve("CST14/rejects.csv"));
		assertThat(rejects).contains("progress/expenditures-2019.csv,2,reference,EXP-2018-017,"
				+ "\"duplicate reference \"\"EXP-2018-017\"\" (first at progress/expenditures-2018.csv:18)\"");
		List<String> published = files(inTurn.resolve("CST14"));
		assertThat(files(together.resolve("CST14"))).isEqualTo(published);
		for (String file : published) {
			assertThat(Files.readAllBytes(together.resolve("CST14").resolve(file))).as(file)
				.isEqualTo(Files.readAllBytes(inTurn.resolve("CST14").resolve(file)));
		}
		// one partition per data file, each logged as the step ends
		assertThat(Files.readString(dir.resolve("together.log"))).contains("Step ingest done")
			.doesNotContain("ingestFile");
	}

	private static String[] with(String[] args, String extra) {
		String[] all = java.util.Arrays.copyOf(args, args.length + 1);
		all[args.length] = extra;
		return all;
	}

	private static List<String> files(Path dir) throws Exception {
		try (Stream<Path> list = Files.list(dir)) {
			return list.map((path) -> path.getFileName().toString()).sorted().toList();
		}
	}

}
