package org.unccd.cst;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs a test class against the PostgreSQL server named by {@code CST_TEST_POSTGRES_URL}
 * ({@code _USERNAME}, {@code _PASSWORD}): the command lines it runs in this JVM get the
 * {@code postgres} profile and that server, and {@link #jvmOptions()} gives the same to a
 * child JVM. Without the variable the class is skipped, unless {@code CI} or
 * {@code CST_REQUIRE_POSTGRES=1} is set: then it fails. The schemas the class made are
 * dropped after it.
 */
public class PostgresTestDatabase implements ExecutionCondition, BeforeAllCallback, AfterAllCallback {

	public static final String URL = "CST_TEST_POSTGRES_URL";

	private static final String NAMESPACE_KEY = "schemasBefore";

	private static final Map<String, String> saved = new HashMap<>();

	private static final AtomicBoolean SKIP_SAID = new AtomicBoolean();

	@Override
	public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
		if (url() == null && !required()) {
			if (SKIP_SAID.compareAndSet(false, true)) {
				// surefire counts the skipped tests without their reason: say it once
				System.out.println("The tests against PostgreSQL (Postgres*Tests) are skipped: " + missing());
			}
			return ConditionEvaluationResult.disabled("skipped: " + missing());
		}
		return ConditionEvaluationResult.enabled(URL + " is set, or the tests are required");
	}

	@Override
	public void beforeAll(ExtensionContext context) throws Exception {
		if (nested(context)) {
			return;
		}
		if (url() == null) {
			throw new IllegalStateException(missing() + "; they are required here (CI or CST_REQUIRE_POSTGRES=1)");
		}
		context.getStore(ExtensionContext.Namespace.create(PostgresTestDatabase.class)).put(NAMESPACE_KEY, schemas());
		for (Map.Entry<String, String> property : properties().entrySet()) {
			saved.put(property.getKey(), System.getProperty(property.getKey()));
			System.setProperty(property.getKey(), property.getValue());
		}
	}

	@Override
	public void afterAll(ExtensionContext context) throws Exception {
		if (nested(context)) {
			return;
		}
		@SuppressWarnings("unchecked")
		Set<String> before = (Set<String>) context
			.getStore(ExtensionContext.Namespace.create(PostgresTestDatabase.class))
			.get(NAMESPACE_KEY);
		if (before == null) {
			return;
		}
		saved.forEach((key, value) -> {
			if (value == null) {
				System.clearProperty(key);
			}
			else {
				System.setProperty(key, value);
			}
		});
		saved.clear();
		try (Connection connection = connect(); Statement statement = connection.createStatement()) {
			for (String schema : schemas()) {
				if (!before.contains(schema)) {
					statement.execute("DROP SCHEMA " + schema + " CASCADE");
				}
			}
		}
	}

	private static String missing() {
		return URL + " is not set: the tests against PostgreSQL need a server, e.g. "
				+ "jdbc:postgresql://localhost:5432/cst_test with " + URL.replace("URL", "USERNAME") + " and "
				+ URL.replace("URL", "PASSWORD") + " (.ci/run sets them up)";
	}

	/** A nested class runs inside its outer class's set-up. */
	private static boolean nested(ExtensionContext context) {
		return context.getParent().flatMap(ExtensionContext::getTestClass).isPresent();
	}

	/** The options that run a child JVM against the test server. */
	public static List<String> jvmOptions() {
		List<String> options = new ArrayList<>();
		properties().forEach((key, value) -> options.add("-D" + key + "=" + value));
		return options;
	}

	/** A connection to the test database, for a test that looks into it. */
	public static Connection connect() throws SQLException {
		return DriverManager.getConnection(url(), env(URL.replace("URL", "USERNAME")),
				env(URL.replace("URL", "PASSWORD")));
	}

	/** The cst-reports schemas in the test database. */
	public static Set<String> schemas() throws SQLException {
		Set<String> schemas = new HashSet<>();
		try (Connection connection = connect();
				ResultSet rs = connection.createStatement()
					.executeQuery("SELECT nspname FROM pg_namespace WHERE nspname LIKE 'cst\\_%'")) {
			while (rs.next()) {
				schemas.add(rs.getString(1));
			}
		}
		return schemas;
	}

	private static Map<String, String> properties() {
		Map<String, String> properties = new HashMap<>();
		properties.put("spring.profiles.active", "postgres");
		properties.put("CST_DB_URL", url());
		properties.put("CST_DB_USERNAME", env(URL.replace("URL", "USERNAME")));
		properties.put("CST_DB_PASSWORD", env(URL.replace("URL", "PASSWORD")));
		return properties;
	}

	private static String url() {
		String url = System.getenv(URL);
		return (url != null && !url.isBlank()) ? url.strip() : null;
	}

	private static String env(String name) {
		String value = System.getenv(name);
		return (value != null) ? value : "";
	}

	private static boolean required() {
		String ci = System.getenv("CI");
		return (ci != null && !ci.isBlank() && !ci.equalsIgnoreCase("false"))
				|| "1".equals(System.getenv("CST_REQUIRE_POSTGRES"));
	}

}
