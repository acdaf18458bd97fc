package org.unccd.cst.console;

import java.io.IOException;
import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The submissions of the console and their limits:
 * {@code cst.console.submissions.max-files} files an upload (5),
 * {@code cst.console.submissions.max-pending} uploads waiting per user (5); the size of a
 * file is {@code spring.servlet.multipart.max-file-size}.
 */
@Configuration(proxyBeanMethods = false)
class SubmissionConfiguration {

	@Bean
	SubmissionStore submissionStore(ConsoleSettings settings, AuditLog audit, Clock clock, Environment environment)
			throws IOException {
		SubmissionStore store = new SubmissionStore(settings, audit, clock,
				environment.getProperty("cst.console.submissions.max-files", Integer.class, 5),
				environment.getProperty("cst.console.submissions.max-pending", Integer.class, 5));
		store.removeUnfinished();
		return store;
	}

}
