package org.unccd.cst.job;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import javax.sql.DataSource;

import org.springframework.boot.batch.jdbc.autoconfigure.BatchDataSourceScriptDatabaseInitializer;
import org.springframework.boot.batch.jdbc.autoconfigure.BatchJdbcProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Makes the job repository's tables with Spring Batch's own schema script, once: when
 * they are there already, the script is not run again. Run at every start
 * ({@code spring.batch.jdbc.initialize-schema=always}), each of its statements failed
 * with "already exists", which Spring ignored but the database did not: H2 wrote each
 * error with its stack trace into {@code OUTPUT/.cst-reports/db/jobs.trace.db} (about 28
 * KB a run) and PostgreSQL into its server log.
 */
@Configuration(proxyBeanMethods = false)
class JobTables {

	/** The tables of Spring Batch's script (its sequences come after them). */
	static final Set<String> TABLES = Set.of("BATCH_JOB_INSTANCE", "BATCH_JOB_EXECUTION", "BATCH_JOB_EXECUTION_PARAMS",
			"BATCH_STEP_EXECUTION", "BATCH_STEP_EXECUTION_CONTEXT", "BATCH_JOB_EXECUTION_CONTEXT");

	@Bean
	BatchDataSourceScriptDatabaseInitializer batchDataSourceInitializer(DataSource dataSource,
			BatchJdbcProperties properties) {
		return new BatchDataSourceScriptDatabaseInitializer(dataSource, properties) {

			@Override
			public boolean initializeDatabase() {
				return !exist(dataSource) && super.initializeDatabase();
			}

		};
	}

	/**
	 * Whether all the job repository's tables are in the connection's schema (the H2
	 * file's own, or the output folder's schema in PostgreSQL); when one is missing (a
	 * start killed while it made them) the script runs again and makes the others.
	 */
	static boolean exist(DataSource dataSource) {
		try (Connection connection = dataSource.getConnection();
				ResultSet tables = connection.getMetaData()
					.getTables(connection.getCatalog(), connection.getSchema(), null, new String[] { "TABLE" })) {
			Set<String> found = new HashSet<>();
			while (tables.next()) {
				found.add(tables.getString("TABLE_NAME").toUpperCase(Locale.ROOT));
			}
			return found.containsAll(TABLES);
		}
		catch (SQLException ex) {
			// the script then runs, as it did at every start, and says what fails
			return false;
		}
	}

}
