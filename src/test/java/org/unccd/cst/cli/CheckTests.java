package org.unccd.cst.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code --check}: the rows a run would reject, with the run's own reasons, without
 * running it; exit 0, 3, 1 or 2.
 */
class CheckTests {

	@Test
	void theEmbeddedFilesGiveTheRejectsOfARun(@TempDir Path dir) throws Exception {
		CommandLineRun run = CommandLineRun.of("--input=input", "--output=" + dir, "--as-of=2019-06-30");
		assertThat(run.exitCode()).as(run.err()).isEqualTo(3);
		List<String> rejects = Files.readAllLines(dir.resolve("CST14/rejects.csv"));
		assertThat(rejects).hasSize(6);
		List<String> args = new ArrayList<>(List.of("--check", "--input=input"));
		try (Stream<Path> files = Files.list(Path.of("input/progress"))) {
			files.filter((file) -> file.toString().endsWith(".csv"))
				.sorted()
				.forEach((file) -> args.add(file.toString()));
		}
		CommandLineRun check = CommandLineRun.of(args.toArray(String[]::new));
		assertThat(check.exitCode()).as(check.err()).isEqualTo(3);
		List<String> lines = check.out().lines().toList();
		assertThat(lines.subList(0, lines.size() - 1)).isEqualTo(rejects);
		assertThat(lines.get(lines.size() - 1)).isEqualTo("157 rows read, 152 accepted, 5 rejected");
		assertThat(check.out()).contains(
				"progress/expenditures-2019.csv,2,reference,EXP-2018-017,\"duplicate reference \"\"EXP-2018-017\"\" "
						+ "(first at progress/expenditures-2018.csv:18)\"");
	}

	@Test
	void aFileOfTheInputIsReadInItsPlaceAmongTheOthers() {
		CommandLineRun earlier = CommandLineRun.of("--check", "--input=input", "input/progress/expenditures-2018.csv");
		assertThat(earlier.exitCode()).as(earlier.out()).isZero();
		assertThat(earlier.out()).isEqualTo("20 rows read, 20 accepted, 0 rejected\n");
		CommandLineRun later = CommandLineRun.of("--check", "--input=input", "input/progress/expenditures-2019.csv");
		assertThat(later.exitCode()).isEqualTo(3);
		assertThat(later.out()).contains("(first at progress/expenditures-2018.csv:18)",
				"21 rows read, 19 accepted, 2 rejected");
	}

	@Test
	void aFileWithMistakesGivesThreeWithItsLines(@TempDir Path dir) throws Exception {
		Path file = dir.resolve("expenditures-new.csv");
		Files.writeString(file, """
				date,budget_line,amount,reference,currency
				2019-05-01,B1,100,NEW-1,
				2019-05-02,B9,100,NEW-2,
				2019-05-03,B1,-5,NEW-3,
				2019-05-04,B1,100,EXP-2018-017,
				2019-05-05,B1,100,NEW-1,
				2019-05-06,B1,100,NEW-6,JPY
				""");
		CommandLineRun check = CommandLineRun.of("--check", "--input=input", file.toString());
		assertThat(check.exitCode()).as(check.err()).isEqualTo(3);
		assertThat(check.out().lines().toList()).containsExactly("file,line,column,value,reason",
				file + ",3,budget_line,B9,\"unknown budget line \"\"B9\"\" (the programme has B1, B2)\"",
				file + ",4,amount,'-5,\"amount \"\"-5\"\" is not greater than 0\"",
				file + ",5,reference,EXP-2018-017,\"duplicate reference \"\"EXP-2018-017\"\" "
						+ "(first at progress/expenditures-2018.csv:18)\"",
				file + ",6,reference,NEW-1,\"duplicate reference \"\"NEW-1\"\" (first at " + file + ":2)\"",
				file + ",7,currency,JPY,no JPY rate on or before 2019-05-06", "6 rows read, 1 accepted, 5 rejected");
	}

	@Test
	void aCleanFileGivesZero(@TempDir Path dir) throws Exception {
		Path file = dir.resolve("progress-new.csv");
		Files.writeString(file, "date,outcome,status,percent\n2019-05-01,C2-a,in progress,80\n");
		CommandLineRun check = CommandLineRun.of("--check", file.toString());
		assertThat(check.exitCode()).as(check.err()).isZero();
		assertThat(check.out()).isEqualTo("1 rows read, 1 accepted, 0 rejected\n");
	}

	@Test
	void aFileThatCannotBeReadGivesOne(@TempDir Path dir) throws Exception {
		Path corrupt = dir.resolve("progress-corrupt.xlsx");
		Files.write(corrupt, new byte[] { 'P', 'K', 3, 4, 0, 0, 1, 2, 3 });
		CommandLineRun check = CommandLineRun.of("--check", corrupt.toString());
		assertThat(check.exitCode()).isEqualTo(1);
		assertThat(check.out()).contains(corrupt + ",0,,,\"the workbook cannot be read: ");
		CommandLineRun missing = CommandLineRun.of("--check", dir.resolve("progress-none.csv").toString());
		assertThat(missing.exitCode()).isEqualTo(1);
		assertThat(missing.out()).contains("progress-none.csv,0,,,no such file", "1 rows read, 0 accepted, 1 rejected");
	}

	@Test
	void aBadCommandLineGivesTwo() {
		assertThat(CommandLineRun.of("--check").exitCode()).isEqualTo(2);
		assertThat(CommandLineRun.of("--check", "--output=out", "x.csv").exitCode()).isEqualTo(2);
		assertThat(CommandLineRun.of("--check", "--input=no-such-folder", "x.csv").exitCode()).isEqualTo(2);
		assertThat(CommandLineRun.of("--check=yes", "x.csv").exitCode()).isEqualTo(2);
	}

}
