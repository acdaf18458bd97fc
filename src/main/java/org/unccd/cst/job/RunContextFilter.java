package org.unccd.cst.job;

import java.util.List;

import org.springframework.boot.autoconfigure.AutoConfigurationImportFilter;
import org.springframework.boot.autoconfigure.AutoConfigurationMetadata;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;

/**
 * Keeps the console's auto-configurations (web server, pages, sign-in, metrics, health)
 * out of every context but the console's ({@code cst.context=console}), so that a run's
 * context starts as fast as without them and never serves anything; and keeps the job's
 * (database, batch, mail) out of the console's, whose runs each have a context of their
 * own.
 */
public class RunContextFilter implements AutoConfigurationImportFilter, EnvironmentAware {

	private static final List<String> CONSOLE_ONLY = List.of("org.springframework.boot.security.",
			"org.springframework.boot.actuate.", "org.springframework.boot.micrometer.",
			"org.springframework.boot.webmvc.", "org.springframework.boot.thymeleaf.",
			"org.springframework.boot.tomcat.", "org.springframework.boot.servlet.", "org.springframework.boot.health.",
			"org.springframework.boot.http.", "org.springframework.boot.jdbc.autoconfigure.metrics.",
			"org.springframework.boot.jdbc.autoconfigure.health.");

	/** The console runs no job itself: each run has a context of its own. */
	private static final List<String> RUN_ONLY = List.of("org.springframework.boot.batch.",
			"org.springframework.boot.jdbc.", "org.springframework.boot.mail.", "org.springframework.boot.transaction.",
			"org.springframework.boot.persistence.", "org.springframework.boot.sql.");

	private boolean console;

	@Override
	public void setEnvironment(Environment environment) {
		this.console = "console".equals(environment.getProperty("cst.context"));
	}

	@Override
	public boolean[] match(String[] autoConfigurationClasses, AutoConfigurationMetadata metadata) {
		boolean[] match = new boolean[autoConfigurationClasses.length];
		for (int i = 0; i < match.length; i++) {
			String name = autoConfigurationClasses[i];
			List<String> skip = this.console ? RUN_ONLY : CONSOLE_ONLY;
			match[i] = name == null || skip.stream().noneMatch(name::startsWith);
		}
		return match;
	}

}
