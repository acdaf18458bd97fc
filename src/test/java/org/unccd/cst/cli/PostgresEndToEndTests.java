package org.unccd.cst.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.unccd.cst.PostgresTestDatabase;
import org.unccd.cst.TestInputs;
import org.unccd.cst.job.PostgresSchema;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The end-to-end tests with the job repository and the staging tables in PostgreSQL (the
 * {@code postgres} profile): the same figures, files and reruns, and the same bytes as
 * with the H2 file.
 */
@ExtendWith(PostgresTestDatabase.class)
class PostgresEndToEndTests extends EndToEndTests {

	@Test
	void keepsTheRunInTheOutputFoldersSchemaNotInAnH2File() throws Exception {
		assertThat(this.output.resolve(".cst-reports/db")).doesNotExist();
		String schema = PostgresSchema.schemaFor(this.output);
		assertThat(schema).startsWith("cst_out_");
		List<String> tables = new ArrayList<>();
		try (Connection connection = PostgresTestDatabase.connect();
				ResultSet rs = connection.createStatement()
					.executeQuery("SELECT table_name FROM information_schema.tables WHERE table_schema = '" + schema
							+ "' ORDER BY table_name")) {
			while (rs.next()) {
				tables.add(rs.getString(1));
			}
		}
		assertThat(tables).contains("batch_job_instance", "batch_step_execution", "expenditure", "reject",
				"source_file", "proposal", "staging_owner");
	}

	@Test
	void publishesTheSameBytesAsWithTheH2File(@TempDir Path dir) throws Exception {
		Path h2 = dir.resolve("out");
		String profile = System.clearProperty("spring.profiles.active");
		CommandLineRun run;
		try {
			run = CommandLineRun.of("--input=" + this.input, "--output=" + h2, "--as-of=" + TestInputs.AS_OF,
					"--lang=en,zh");
		}
		finally {
			System.setProperty("spring.profiles.active", profile);
		}
		assertThat(run.exitCode()).as(run.err()).isEqualTo(3);
		assertThat(h2.resolve(".cst-reports/db")).isDirectory();
		List<String> files = files(this.output.resolve("T1"));
		assertThat(files(h2.resolve("T1"))).isEqualTo(files);
		for (String file : files) {
			assertThat(Files.readAllBytes(h2.resolve("T1").resolve(file))).as(file)
				.isEqualTo(Files.readAllBytes(published(file)));
		}
	}

	private static List<String> files(Path dir) throws Exception {
		try (Stream<Path> list = Files.list(dir)) {
			return list.map((path) -> path.getFileName().toString()).sorted().toList();
		}
	}

}
