package org.unccd.cst.reliability;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.unccd.cst.ChildJvm;
import org.unccd.cst.tools.InputGenerator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A run killed with SIGKILL as each step of the job starts, the command then run again:
 * the killed run never leaves a partial set in {@code OUTPUT/<session>/}, and the run
 * that follows publishes the same bytes, every file, as a run that was never killed.
 */
class KillAtEachStepTests {

	@TempDir
	static Path dir;

	static Path input;

	static Path clean;

	static int cleanCode;

	@BeforeAll
	static void cleanRun() throws Exception {
		input = dir.resolve("in");
		InputGenerator.generate(Path.of("input"), input, 5_000, 3, 11);
		clean = dir.resolve("clean");
		cleanCode = ChildJvm.run(List.of("-Xmx512m"), dir.resolve("clean.log"), args(clean));
		assertThat(cleanCode).as(Files.readString(dir.resolve("clean.log"))).isIn(0, 3);
	}

	@ParameterizedTest(name = "killed as {0} starts")
	@ValueSource(strings = { "loadProgramme", "ingest", "crossCheck", "aggregate", "writeWorkbooks", "writeReports",
			"publish" })
	void aRunKilledAsAStepStartsIsResumedToTheSameBytes(String step) throws Exception {
		Path out = dir.resolve("killed-" + step);
		Path firstLog = dir.resolve(step + "-first.log");
		ChildJvm first = ChildJvm.start(List.of("-Xmx512m"), firstLog, args(out));
		assertThat(first.awaitLog("Step " + step + " started", Duration.ofMinutes(2))).as(first.log()).isTrue();
		first.kill();
		Path published = out.resolve("CST14");
		if (Files.exists(published)) {
			// the kill came after the renames: the whole set, never a part of it
			assertThat(files(published)).isEqualTo(files(clean.resolve("CST14")));
		}

		Path secondLog = dir.resolve(step + "-second.log");
		int again = ChildJvm.run(List.of("-Xmx512m"), secondLog, args(out));

		String log = Files.readString(secondLog);
		assertThat(again).as(log).isIn(0, cleanCode);
		assertThat(log).doesNotContain("nothing was published");
		assertThat(files(published)).isEqualTo(files(clean.resolve("CST14")));
		for (String file : files(published)) {
			assertThat(Files.readAllBytes(published.resolve(file))).as(file + " after a kill at " + step)
				.isEqualTo(Files.readAllBytes(clean.resolve("CST14").resolve(file)));
		}
	}

	private static String[] args(Path output) {
		return new String[] { "--input=" + input, "--output=" + output, "--as-of=2019-06-30", "--lang=en" };
	}

	private static List<String> files(Path folder) throws Exception {
		try (Stream<Path> list = Files.list(folder)) {
			return list.map((path) -> path.getFileName().toString()).sorted().toList();
		}
	}

}
