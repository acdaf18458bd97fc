package org.unccd.cst.cli;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.unccd.cst.PostgresTestDatabase;
import org.unccd.cst.TestInputs;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code --history} under the {@code postgres} profile reads the runs from the output
 * folder's schema in PostgreSQL, where the runs recorded them.
 */
@ExtendWith(PostgresTestDatabase.class)
class PostgresHistoryTests {

	@TempDir
	Path dir;

	@Test
	void historyListsTheRunsKeptInPostgresql() throws Exception {
		Path output = this.dir.resolve("out");
		CommandLineRun none = CommandLineRun.of("--history", "--output=" + output);
		assertThat(none.exitCode()).as(none.err()).isEqualTo(0);
		assertThat(none.out()).startsWith("No runs recorded in " + output);

		Path input = TestInputs.write(this.dir.resolve("in"));
		String[] common = { "--input=" + input, "--output=" + output, "--as-of=" + TestInputs.AS_OF };
		assertThat(CommandLineRun.of(common).exitCode()).isEqualTo(3);
		String[] failing = Arrays.copyOf(common, common.length + 1);
		failing[common.length] = "--max-rejects=0";
		assertThat(CommandLineRun.of(failing).exitCode()).isEqualTo(1);

		CommandLineRun history = CommandLineRun.of("--history", "--output=" + output);
		assertThat(history.exitCode()).as(history.err()).isEqualTo(0);
		List<String> lines = history.out().lines().toList();
		assertThat(lines.get(0)).isEqualTo("Runs recorded in " + output + ", newest first:");
		assertThat(lines.get(3)).contains("2021-04-30  failed (exit 1)");
		assertThat(lines.get(5)).contains("2021-04-30  published with rejects (exit 3)").endsWith("T1/ (6 files)");
		assertThat(output.resolve(".cst-reports/db")).doesNotExist();
	}

}
