package org.unccd.cst;

import org.unccd.cst.cli.Launcher;

import org.springframework.boot.autoconfigure.AutoConfigurationExcludeFilter;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;

/**
 * The cst-reports application: the command line in front of the Spring Batch job.
 * <p>
 * Of the auto-configurations on the class path, those that give the job nothing are left
 * out, so that a run starts sooner: aspects and annotated transactions (the job
 * repository and the steps manage their own), the application's task executor and
 * scheduler ({@code --schedule} keeps its own clock), SQL initialization scripts (the
 * staging schema is made by the first step, the job repository's by Spring Batch), the
 * JDBC client, exception translation for repositories, SSL bundles, availability and
 * project information. The console's own beans (package {@code console}) belong to the
 * console's context only.
 */
@SpringBootApplication(proxyBeanMethods = false,
		excludeName = { "org.springframework.boot.autoconfigure.aop.AopAutoConfiguration",
				"org.springframework.boot.autoconfigure.availability.ApplicationAvailabilityAutoConfiguration",
				"org.springframework.boot.autoconfigure.info.ProjectInfoAutoConfiguration",
				"org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration",
				"org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration",
				"org.springframework.boot.autoconfigure.task.TaskSchedulingAutoConfiguration",
				"org.springframework.boot.jdbc.autoconfigure.DataSourceInitializationAutoConfiguration",
				"org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration",
				"org.springframework.boot.persistence.autoconfigure.PersistenceExceptionTranslationAutoConfiguration",
				"org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration" })
@ComponentScan(excludeFilters = { @ComponentScan.Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class),
		@ComponentScan.Filter(type = FilterType.CUSTOM, classes = AutoConfigurationExcludeFilter.class),
		@ComponentScan.Filter(type = FilterType.REGEX, pattern = "org\\.unccd\\.cst\\.console\\..*") })
public class CstReportsApplication {

	public static void main(String[] args) {
		System.exit(new Launcher(System.out, System.err, CstReportsApplication.class).run(args));
	}

}
