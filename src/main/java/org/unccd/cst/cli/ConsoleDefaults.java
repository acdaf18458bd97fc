package org.unccd.cst.cli;

import java.util.Map;

/**
 * The console's settings, below those of {@code application.properties}, the environment
 * and the command line: its error pages without details, its session cookie, and the
 * metrics endpoint.
 */
final class ConsoleDefaults {

	static final Map<String, Object> PROPERTIES = Map.ofEntries(Map.entry("server.error.include-stacktrace", "never"),
			Map.entry("server.error.include-message", "never"), Map.entry("server.error.include-exception", "false"),
			Map.entry("server.error.include-binding-errors", "never"),
			Map.entry("server.error.whitelabel.enabled", "false"),
			Map.entry("server.servlet.session.cookie.http-only", "true"),
			Map.entry("server.servlet.session.cookie.same-site", "strict"),
			Map.entry("server.servlet.session.timeout", "30m"), Map.entry("server.server-header", ""),
			Map.entry("management.endpoints.web.exposure.include", "health,prometheus"),
			Map.entry("management.endpoint.health.show-details", "never"),
			Map.entry("management.endpoint.health.show-components", "never"),
			// the job's and steps' timers only: an observation around every item read,
			// processed and written about doubled the ingest of a large input
			Map.entry("management.observations.enable.spring.batch.item", "false"),
			Map.entry("management.observations.enable.spring.batch.chunk", "false"),
			Map.entry("spring.thymeleaf.cache", "true"),
			// submissions (docs/submissions.md): a data file up to 10 MB, an upload of
			// the
			// five files cst.console.submissions.max-files allows
			Map.entry("spring.servlet.multipart.max-file-size", "10MB"),
			Map.entry("spring.servlet.multipart.max-request-size", "51MB"),
			Map.entry("server.tomcat.max-swallow-size", "52MB"), Map.entry("logging.level.org.unccd.cst", "INFO"));

	private ConsoleDefaults() {
	}

}
