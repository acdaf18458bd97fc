package org.unccd.cst.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.core.BaseConnection;
import org.unccd.cst.CstReportsApplication;
import org.unccd.cst.PostgresTestDatabase;
import org.unccd.cst.ReportFiles;
import org.unccd.cst.TestInputs;
import org.unccd.cst.job.PostgresSchema;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the {@code postgres} profile adds: one schema per output folder on a shared
 * server, a schema in use is busy, a schema named by the operator, connection settings,
 * and text that PostgreSQL cannot store.
 */
@ExtendWith(PostgresTestDatabase.class)
class PostgresDatabaseTests {

	@TempDir
	Path dir;

	@Test
	void outputFoldersOnOneServerKeepTheirRunsApart() throws Exception {
		Path input = TestInputs.write(this.dir.resolve("in"));
		Path other = TestInputs.write(this.dir.resolve("other"));
		Files.writeString(other.resolve("progress/findings-extra.csv"), "outcome,text\nZ-1,unknown\nZ-2,unknown\n");
		Path a = this.dir.resolve("a");
		Path b = this.dir.resolve("b");
		String[] first = { "--input=" + input, "--output=" + a, "--as-of=" + TestInputs.AS_OF, "--max-rejects=3" };
		// a fails with its staging tables filled, b runs in between, then a is run again
		assertThat(CommandLineRun.of(first).err()).contains("4 rows were rejected");
		assertThat(CommandLineRun.of("--input=" + other, "--output=" + b, "--as-of=" + TestInputs.AS_OF).exitCode())
			.isEqualTo(3);
		CommandLineRun again = CommandLineRun.of("--input=" + input, "--output=" + a, "--as-of=" + TestInputs.AS_OF);
		assertThat(again.exitCode()).as(again.err()).isEqualTo(3);
		assertThat(ReportFiles.json(a.resolve("T1/summary.json")).get("inputs").get("rejected").asLong()).isEqualTo(4);
		assertThat(ReportFiles.json(b.resolve("T1/summary.json")).get("inputs").get("rejected").asLong()).isEqualTo(6);
		assertThat(PostgresSchema.schemaFor(a)).isNotEqualTo(PostgresSchema.schemaFor(b));
		assertThat(PostgresTestDatabase.schemas()).contains(PostgresSchema.schemaFor(a), PostgresSchema.schemaFor(b));
	}

	@Test
	void aSchemaAnotherRunHoldsIsBusy() throws Exception {
		Path input = TestInputs.write(this.dir.resolve("in"));
		Path output = this.dir.resolve("out");
		Files.createDirectories(output);
		String schema = PostgresSchema.schemaFor(output);
		try (Connection other = PostgresTestDatabase.connect(); Statement statement = other.createStatement()) {
			statement.execute("SELECT pg_advisory_lock(" + PostgresSchema.lockKey(schema) + ")");
			CommandLineRun run = CommandLineRun.of("--input=" + input, "--output=" + output);
			assertThat(run.exitCode()).isEqualTo(4);
			assertThat(run.err()).isEqualTo("cst-reports: the PostgreSQL schema " + schema
					+ " is busy: another run holds it (an output folder of the same path on another machine, "
					+ "or the same CST_DB_SCHEMA). Wait for it to finish.\n");
		}
		assertThat(output.resolve("T1")).doesNotExist();
	}

	@Test
	void anOperatorCanNameTheSchema() throws Exception {
		Path input = TestInputs.write(this.dir.resolve("in"));
		System.setProperty("CST_DB_SCHEMA", "cst_named_by_operator");
		try {
			CommandLineRun run = CommandLineRun.of("--input=" + input, "--output=" + this.dir.resolve("out"),
					"--as-of=" + TestInputs.AS_OF);
			assertThat(run.exitCode()).as(run.err()).isEqualTo(3);
			assertThat(PostgresTestDatabase.schemas()).contains("cst_named_by_operator")
				.doesNotContain(PostgresSchema.schemaFor(this.dir.resolve("out")));
			System.setProperty("CST_DB_SCHEMA", "Bad-Name");
			CommandLineRun bad = CommandLineRun.of("--input=" + input, "--output=" + this.dir.resolve("out2"));
			assertThat(bad.exitCode()).isEqualTo(1);
			assertThat(bad.err()).contains("CST_DB_SCHEMA=Bad-Name is not a schema name");
		}
		finally {
			System.clearProperty("CST_DB_SCHEMA");
		}
	}

	@Test
	void aWrongPasswordFailsWithAHint() throws Exception {
		Path input = TestInputs.write(this.dir.resolve("in"));
		String password = System.getProperty("CST_DB_PASSWORD");
		System.setProperty("CST_DB_PASSWORD", password + "-wrong");
		try {
			CommandLineRun run = CommandLineRun.of("--input=" + input, "--output=" + this.dir.resolve("out"));
			assertThat(run.exitCode()).isEqualTo(1);
			assertThat(run.err()).startsWith("cst-reports: the run failed: ")
				.contains("password authentication failed",
						"(check CST_DB_URL, CST_DB_USERNAME, CST_DB_PASSWORD and the PostgreSQL server)");
		}
		finally {
			System.setProperty("CST_DB_PASSWORD", password);
		}
	}

	@Test
	void connectionsUseTheFoldersSchemaAndBatchedInserts() throws Exception {
		Path output = this.dir.resolve("out");
		Files.createDirectories(output);
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(CstReportsApplication.class)
			.properties("cst.output-folder=" + output.toAbsolutePath())
			.run(); Connection connection = context.getBean(DataSource.class).getConnection()) {
			assertThat(connection.getSchema()).isEqualTo(PostgresSchema.schemaFor(output));
			assertThat(connection.unwrap(BaseConnection.class).getQueryExecutor().isReWriteBatchedInsertsEnabled())
				.isTrue();
		}
	}

	@Test
	void aNulCharacterPostgresqlCannotStoreIsReportedAsAQuestionMark() throws Exception {
		Path input = TestInputs.write(this.dir.resolve("in"));
		Files.writeString(input.resolve("progress/findings-nul.csv"), "outcome,text\nA.1-x,a\0b\n");
		Path output = this.dir.resolve("out");
		CommandLineRun run = CommandLineRun.of("--input=" + input, "--output=" + output, "--as-of=" + TestInputs.AS_OF);
		assertThat(run.exitCode()).as(run.err()).isEqualTo(3);
		assertThat(Files.readString(output.resolve("T1/rejects.csv")))
			.contains("progress/findings-nul.csv,2,text,a?b,\"\"\"text\"\" holds a control character (U+0000)\"");
	}

}
