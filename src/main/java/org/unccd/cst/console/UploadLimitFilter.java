package org.unccd.cst.console;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads an upload's parts before sign-in and CSRF are checked, so that an upload larger
 * than {@code spring.servlet.multipart.max-file-size} (or {@code max-request-size}), or
 * with more parts than the server takes, gets a clear answer: a problem detail (413) from
 * the API, and from the pages the submissions page saying so. Without it the CSRF check
 * finds no token in a request whose parts could not be read, and answers 403. Nothing of
 * such an upload is kept.
 */
@Configuration(proxyBeanMethods = false)
class UploadLimitFilter extends OncePerRequestFilter {

	/** Before Spring Security's filters (-100). */
	static final int ORDER = -200;

	private final Problems problems;

	UploadLimitFilter(Problems problems) {
		this.problems = problems;
	}

	@Bean
	static FilterRegistrationBean<UploadLimitFilter> uploadLimitFilterRegistration(UploadLimitFilter filter) {
		FilterRegistrationBean<UploadLimitFilter> registration = new FilterRegistrationBean<>(filter);
		registration.setOrder(ORDER);
		registration.addUrlPatterns("/submissions", "/api/submissions");
		return registration;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String type = request.getContentType();
		// a request with neither credentials nor a session is refused without its body
		// being read
		boolean nobody = request.getHeader("Authorization") == null && request.getRequestedSessionId() == null;
		return nobody || !"POST".equals(request.getMethod()) || type == null
				|| !type.toLowerCase(Locale.ROOT).startsWith("multipart/");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			request.getParts();
		}
		catch (IllegalStateException | IOException | ServletException ex) {
			if (request.getRequestURI().startsWith("/api/")) {
				this.problems.write(response, HttpStatus.CONTENT_TOO_LARGE,
						"The upload is larger than the console takes, or has too many parts; nothing of it was kept. "
								+ "Send smaller files, or fewer at a time.");
			}
			else {
				response.setStatus(HttpStatus.SEE_OTHER.value());
				response.setHeader("Location", request.getContextPath() + "/submissions?done=tooLarge");
			}
			return;
		}
		chain.doFilter(request, response);
	}

}
