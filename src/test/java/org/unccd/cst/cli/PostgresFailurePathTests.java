package org.unccd.cst.cli;

import java.nio.file.Path;
import java.sql.Connection;

import org.junit.jupiter.api.extension.ExtendWith;
import org.unccd.cst.PostgresTestDatabase;
import org.unccd.cst.job.PostgresSchema;

/**
 * The failure paths with the job repository and the staging tables in PostgreSQL: a
 * failed run leaves the previous set, is not resumed on staging rows another run rebuilt,
 * and a busy output folder still exits 4.
 */
@ExtendWith(PostgresTestDatabase.class)
class PostgresFailurePathTests extends FailurePathTests {

	@Override
	Connection jobDatabase(Path output) throws Exception {
		Connection connection = PostgresTestDatabase.connect();
		connection.setSchema(PostgresSchema.schemaFor(output));
		return connection;
	}

}
