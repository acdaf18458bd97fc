package org.unccd.cst.reliability;

import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.FileSystemUtils;
import org.unccd.cst.ChildJvm;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A resume trusts nothing it has not checked: a run killed while it writes its reports,
 * whose staging folder is then deleted or whose staged workbook is truncated (as a power
 * cut can leave it), or whose ledger's staged rows are deleted or truncated, is run again
 * from the start by the next command and publishes the same bytes as a run that was never
 * interrupted; it never publishes the damaged file and never gets stuck.
 */
class StagingDamageTests {

	private static final String[] COMMON = { "--input=input", "--as-of=2019-06-30", "--lang=ar,en" };

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "deleted", "truncated", "ledger deleted", "ledger truncated" })
	void aDamagedStagingFolderCostsARerunNeverAStuckFolder(String damage, @TempDir Path dir) throws Exception {
		Path out = dir.resolve("out");
		ChildJvm first = ChildJvm.start(List.of("-Xmx512m"), dir.resolve("first.log"), with("--output=" + out));
		assertThat(first.awaitLog("Step writeReports started", Duration.ofMinutes(2))).as("reports started").isTrue();
		first.kill();
		assertThat(out.resolve("CST14")).doesNotExist();
		Path staging = out.resolve(".cst-reports/staging");
		Path ledger = out.resolve(".cst-reports/ledger");
		if (damage.equals("deleted")) {
			FileSystemUtils.deleteRecursively(staging);
		}
		else if (damage.startsWith("ledger")) {
			// the expenditures the ingest step committed, which the workbook lists
			try (Stream<Path> files = Files.list(ledger)) {
				Path part = files.sorted().findFirst().orElseThrow();
				assertThat(Files.size(part)).isPositive();
				if (damage.equals("ledger deleted")) {
					FileSystemUtils.deleteRecursively(ledger);
				}
				else {
					try (FileChannel channel = FileChannel.open(part, StandardOpenOption.WRITE)) {
						channel.truncate(Files.size(part) / 2);
					}
				}
			}
		}
		else {
			try (Stream<Path> files = Files.walk(staging)) {
				Path workbook = files.filter((f) -> f.toString().endsWith(".en.xlsx")).findFirst().orElseThrow();
				Files.write(workbook, new byte[0]);
			}
		}

		int rerun = ChildJvm.run(List.of("-Xmx512m"), dir.resolve("second.log"), with("--output=" + out));
		String log = Files.readString(dir.resolve("second.log"));
		assertThat(rerun).as(log).isEqualTo(3);
		// the damage is found, or the step that staged the file runs again: never
		// published
		if (damage.startsWith("ledger")) {
			assertThat(log).contains("cannot be resumed: the ledger's staged rows part-");
		}
		else {
			assertThat(log).containsAnyOf("cannot be resumed: the staged file", "resuming at writeWorkbooks",
					"cannot be resumed: the record");
		}

		// the history says what became of the killed run, and numbers the runs 1, 2
		assertThat(ChildJvm.run(List.of("-Xmx512m"), dir.resolve("history.log"), "--history", "--output=" + out))
			.isZero();
		String history = Files.readString(dir.resolve("history.log"));
		if (damage.equals("deleted")) {
			assertThat(history).contains("interrupted (killed), abandoned")
				.containsAnyOf("not resumed: the staged file", "not resumed: the record");
		}
		if (damage.startsWith("ledger")) {
			assertThat(history).contains("interrupted (killed), abandoned")
				.contains("not resumed: the ledger's staged rows part-");
		}
		assertThat(history).containsPattern("(?m)^\\s*2\\s")
			.containsPattern("(?m)^\\s*1\\s")
			.doesNotContainPattern("(?m)^\\s*3\\s");

		Path clean = dir.resolve("clean");
		assertThat(ChildJvm.run(List.of("-Xmx512m"), dir.resolve("clean.log"), with("--output=" + clean))).isEqualTo(3);
		List<String> published = files(out.resolve("CST14"));
		assertThat(published).isEqualTo(files(clean.resolve("CST14")));
		for (String file : published) {
			if (!file.equals("manifest.json")) {
				assertThat(Files.readAllBytes(out.resolve("CST14").resolve(file))).as(file)
					.isEqualTo(Files.readAllBytes(clean.resolve("CST14").resolve(file)));
			}
		}
	}

	private static List<String> files(Path dir) throws Exception {
		try (Stream<Path> list = Files.list(dir)) {
			return list.map((path) -> path.getFileName().toString()).sorted().toList();
		}
	}

	private static String[] with(String extra) {
		String[] all = java.util.Arrays.copyOf(COMMON, COMMON.length + 1);
		all[COMMON.length] = extra;
		return all;
	}

}
