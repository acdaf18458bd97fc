package org.unccd.cst.console;

import java.time.Clock;
import java.util.Locale;

import io.micrometer.observation.ObservationRegistry;
import org.unccd.cst.service.ReportService;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * The console's Spring context ({@code --serve}): pages, the JSON API, sign-in and
 * metrics over one input and one output folder. The command line registers the
 * {@link ConsoleSettings} and the {@link ReportService} it runs with; each run still has
 * a context of its own, as on the command line.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration
@ComponentScan
public class ConsoleApplication implements WebMvcConfigurer {

	/**
	 * The pages' words: the console's own bundle over the reports' labels (statuses, the
	 * languages' names), each in the six languages.
	 */
	@Bean
	MessageSource messageSource() {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasenames("messages.console", "messages.labels");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		messages.setDefaultLocale(Locale.ENGLISH);
		return messages;
	}

	@Bean
	Clock clock() {
		return Clock.systemDefaultZone();
	}

	@Bean
	AuditLog auditLog(ConsoleSettings settings, Clock clock) {
		return new AuditLog(settings.output(), clock);
	}

	@Bean
	LoginThrottle loginThrottle(Clock clock) {
		return new LoginThrottle(clock);
	}

	@Bean
	PublishedFiles publishedFiles(ConsoleSettings settings) {
		return new PublishedFiles(settings.output());
	}

	@Bean
	RunManager runManager(ReportService service, ConsoleSettings settings, AuditLog audit, Clock clock,
			ObservationRegistry observations) {
		// the job's and steps' timers of each run reach the console's metrics
		return new RunManager(service.withBean("observationRegistry", observations), settings, audit, clock);
	}

	/** The page language: the browser's, until the switch (?lang=…) sets a cookie. */
	@Bean
	LocaleResolver localeResolver() {
		return new ConsoleLanguage();
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		LocaleChangeInterceptor change = new LocaleChangeInterceptor();
		change.setParamName("lang");
		change.setIgnoreInvalidLocale(true);
		registry.addInterceptor(change);
	}

}
