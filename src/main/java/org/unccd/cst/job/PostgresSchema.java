package org.unccd.cst.job;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.unccd.cst.publish.FileDigest;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * With the {@code postgres} profile, gives each output folder a schema of its own on the
 * shared server, as the H2 file in {@code OUTPUT/.cst-reports/db} is its own: the job
 * repository and the staging tables of the folder live there. The schema is made when
 * missing and set on every pooled connection before anything uses the pool; for the whole
 * run an advisory lock on it keeps out any other run on the same schema (another machine
 * with an output folder of the same path, or the same {@code CST_DB_SCHEMA}).
 */
@Component
@Profile("postgres")
public class PostgresSchema implements BeanPostProcessor, DisposableBean {

	/** The absolute path of the run's output folder (set by the command line). */
	static final String OUTPUT_FOLDER = "cst.output-folder";

	/** A schema named by the operator ({@code CST_DB_SCHEMA}), else derived. */
	static final String SCHEMA = "cst.database.schema";

	private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

	private static final Logger log = LoggerFactory.getLogger(PostgresSchema.class);

	private final Environment environment;

	private Connection lock;

	PostgresSchema(Environment environment) {
		this.environment = environment;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (!(bean instanceof DataSource)) {
			return bean;
		}
		if (!(bean instanceof HikariDataSource hikari)) {
			throw new IllegalStateException(
					"the postgres profile needs the Hikari connection pool, not " + bean.getClass().getName());
		}
		String schema = schema();
		try {
			this.lock = claim(hikari, schema);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("PostgreSQL at " + shown(hikari.getJdbcUrl()) + ": " + ex.getMessage(), ex);
		}
		hikari.setSchema(schema);
		log.info("Job repository and staging tables: PostgreSQL {}, schema {}", shown(hikari.getJdbcUrl()), schema);
		return hikari;
	}

	/** A database URL without its parameters, which may hold a password. */
	static String shown(String url) {
		int parameters = url.indexOf('?');
		return (parameters >= 0) ? url.substring(0, parameters) : url;
	}

	private String schema() {
		String named = this.environment.getProperty(SCHEMA, "").strip();
		if (!named.isEmpty()) {
			if (!NAME.matcher(named).matches()) {
				throw new IllegalStateException("CST_DB_SCHEMA=" + named
						+ " is not a schema name of lower-case letters, digits and _ (at most 63)");
			}
			return named;
		}
		String output = this.environment.getProperty(OUTPUT_FOLDER);
		if (output == null) {
			throw new IllegalStateException(
					"the postgres profile needs the output folder (" + OUTPUT_FOLDER + ") or a schema (CST_DB_SCHEMA)");
		}
		return schemaFor(Path.of(output));
	}

	/**
	 * The schema of an output folder: {@code cst_}, the folder's name and a digest of its
	 * real path, so that each folder has its own and a reader can tell which it is.
	 */
	public static String schemaFor(Path output) {
		Path folder;
		try {
			folder = output.toRealPath();
		}
		catch (IOException ex) {
			folder = output.toAbsolutePath().normalize();
		}
		String name = (folder.getFileName() != null) ? folder.getFileName().toString() : "";
		name = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
		if (name.length() > 20) {
			name = name.substring(0, 20);
		}
		String digest = FileDigest.sha256(folder.toString()).substring(0, 12);
		return "cst_" + (name.isEmpty() ? "" : name + "_") + digest;
	}

	/**
	 * On a connection of its own, outside the pool: takes the schema's lock for the run
	 * and makes the schema when it is missing.
	 */
	private Connection claim(HikariDataSource hikari, String schema) throws SQLException {
		Properties properties = new Properties();
		properties.putAll(hikari.getDataSourceProperties());
		if (hikari.getUsername() != null) {
			properties.setProperty("user", hikari.getUsername());
		}
		if (hikari.getPassword() != null) {
			properties.setProperty("password", hikari.getPassword());
		}
		Connection connection = DriverManager.getConnection(hikari.getJdbcUrl(), properties);
		try (Statement statement = connection.createStatement()) {
			String encoding = first(statement.executeQuery("SHOW server_encoding"));
			if (!"UTF8".equals(encoding)) {
				throw new SQLException("the database must be encoded in UTF8 (CREATE DATABASE ... ENCODING 'UTF8'), "
						+ "not " + encoding);
			}
			if (first(statement.executeQuery("SELECT 1 WHERE pg_try_advisory_lock(" + lockKey(schema) + ")")) == null) {
				throw new SchemaInUseException(schema);
			}
			if (first(statement
				.executeQuery("SELECT nspname FROM pg_namespace WHERE nspname = '" + schema + "'")) == null) {
				statement.execute("CREATE SCHEMA " + schema);
				String output = this.environment.getProperty(OUTPUT_FOLDER, "?");
				statement.execute("COMMENT ON SCHEMA " + schema + " IS 'cst-reports: job repository and staging "
						+ "tables of the output folder " + output.replace("'", "''") + "'");
			}
			return connection;
		}
		catch (SQLException | RuntimeException ex) {
			connection.close();
			throw ex;
		}
	}

	/** The key of the advisory lock that a run holds on its schema. */
	public static long lockKey(String schema) {
		return ByteBuffer.wrap(HexFormat.of().parseHex(FileDigest.sha256("cst-reports schema " + schema))).getLong();
	}

	private static String first(ResultSet rs) throws SQLException {
		try (rs) {
			return rs.next() ? rs.getString(1) : null;
		}
	}

	@Override
	public void destroy() throws SQLException {
		if (this.lock != null) {
			// ends the session, which releases the advisory lock
			this.lock.close();
		}
	}

	/** Another run holds the schema. */
	public static final class SchemaInUseException extends RuntimeException {

		SchemaInUseException(String schema) {
			super("the PostgreSQL schema " + schema + " is busy: another run holds it (an output folder of the same "
					+ "path on another machine, or the same CST_DB_SCHEMA)");
		}

	}

}
