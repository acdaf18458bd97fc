package org.unccd.cst.reliability;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.unccd.cst.PostgresTestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A run killed during ingestion resumes to the same bytes with the job repository and the
 * staging tables in PostgreSQL: the killed process's session, its open chunk and its lock
 * on the schema end with it.
 */
@ExtendWith(PostgresTestDatabase.class)
class PostgresResumeAfterKillTests extends ResumeAfterKillTests {

	@Override
	List<String> jvmOptions() {
		List<String> options = new ArrayList<>(super.jvmOptions());
		options.addAll(PostgresTestDatabase.jvmOptions());
		return options;
	}

	@AfterEach
	void ranInTheOutputFoldersSchemas() throws Exception {
		assertThat(PostgresTestDatabase.schemas()).anyMatch((schema) -> schema.startsWith("cst_killed_"))
			.anyMatch((schema) -> schema.startsWith("cst_clean_"));
	}

}
