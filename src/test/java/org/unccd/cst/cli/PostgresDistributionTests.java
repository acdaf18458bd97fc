package org.unccd.cst.cli;

import java.sql.Connection;

import org.junit.jupiter.api.extension.ExtendWith;
import org.unccd.cst.PostgresTestDatabase;
import org.unccd.cst.job.PostgresSchema;

/**
 * Distribution with the job repository, and so the delivery log, in PostgreSQL (the
 * {@code postgres} profile): the same deliveries, never twice, failures kept and retried.
 */
@ExtendWith(PostgresTestDatabase.class)
class PostgresDistributionTests extends DistributionTests {

	@Override
	Connection deliveryLogDatabase() throws Exception {
		return PostgresTestDatabase.connect();
	}

	@Override
	String deliveryLogTable() {
		return PostgresSchema.schemaFor(this.output) + ".delivery_log";
	}

}
