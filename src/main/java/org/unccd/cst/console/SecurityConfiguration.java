package org.unccd.cst.console;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * Who may do what. Two filter chains: the JSON API and the actuator, signed in with HTTP
 * Basic or the console's session, answer 401 and 403 as problem details; the pages sign
 * in with a form (CSRF on every form, the session id changed at sign-in). Roles include
 * those below them ({@link Role}).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	/** Scripts, styles and images from the console itself only; no framing. */
	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; connect-src 'self'; form-action 'self'; base-uri 'none'; object-src 'none'; "
			+ "frame-ancestors 'none'";

	@Bean
	static RoleHierarchy roleHierarchy() {
		return RoleHierarchyImpl.fromHierarchy("""
				ROLE_ADMIN > ROLE_OFFICER
				ROLE_OFFICER > ROLE_CONTRIBUTOR
				ROLE_CONTRIBUTOR > ROLE_VIEWER
				""");
	}

	@Bean
	ThrottledAuthentication authentication(ConsoleSettings settings, LoginThrottle throttle, AuditLog audit) {
		return new ThrottledAuthentication(new ConsoleUsers(settings.users()), throttle, audit);
	}

	@Bean
	@Order(1)
	SecurityFilterChain api(HttpSecurity http, Problems problems) throws Exception {
		http.securityMatcher("/api/**", "/actuator/**")
			.authorizeHttpRequests((requests) -> requests.requestMatchers("/actuator/health")
				.permitAll()
				.requestMatchers("/actuator/prometheus")
				.hasRole("ADMIN")
				.requestMatchers("/actuator/**")
				.denyAll()
				.requestMatchers(HttpMethod.GET, "/api/templates/**")
				.hasRole("CONTRIBUTOR")
				.requestMatchers("/api/submissions", "/api/submissions/*")
				.hasRole("CONTRIBUTOR")
				.requestMatchers(HttpMethod.GET, "/api/**")
				.hasRole("VIEWER")
				.requestMatchers(HttpMethod.POST, "/api/runs", "/api/runs/*/restart", "/api/runs/*/stop")
				.hasRole("OFFICER")
				.anyRequest()
				.denyAll())
			.httpBasic((basic) -> basic.realmName("cst-reports")
				.authenticationEntryPoint((request, response, ex) -> problems.write(response, HttpStatus.UNAUTHORIZED,
						"Sign in with HTTP Basic or the console's session.")))
			// a script that signs in with HTTP Basic sends no cookie a forged form could
			// use
			.csrf((csrf) -> csrf.ignoringRequestMatchers(
					(request) -> request.getHeader("Authorization") != null || request.getRequestedSessionId() == null))
			.exceptionHandling((errors) -> errors
				.authenticationEntryPoint((request, response, ex) -> problems.write(response, HttpStatus.UNAUTHORIZED,
						"Sign in with HTTP Basic or the console's session."))
				.accessDeniedHandler((request, response, ex) -> problems.write(response, HttpStatus.FORBIDDEN,
						"Your role does not allow this.")))
			.headers(
					(headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives(CONTENT_SECURITY_POLICY)));
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain pages(HttpSecurity http, AuditLog audit) throws Exception {
		http.authorizeHttpRequests(
				(requests) -> requests.requestMatchers("/login", "/css/**", "/js/**", "/favicon.ico", "/error")
					.permitAll()
					.requestMatchers("/launch", "/runs/*/stop", "/runs/*/restart", "/sessions/*/approve")
					.hasRole("OFFICER")
					.requestMatchers("/audit")
					.hasRole("ADMIN")
					.requestMatchers("/templates", "/templates/**")
					.hasRole("CONTRIBUTOR")
					.requestMatchers("/submissions", "/submissions/**")
					.hasRole("CONTRIBUTOR")
					.anyRequest()
					.hasRole("VIEWER"))
			.formLogin((form) -> form.loginPage("/login").permitAll())
			.logout((logout) -> logout.logoutSuccessHandler(loggedOut(audit)))
			.sessionManagement((sessions) -> sessions.sessionFixation((fixation) -> fixation.changeSessionId()))
			.headers((headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
				.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
		return http.build();
	}

	private static LogoutSuccessHandler loggedOut(AuditLog audit) {
		return (HttpServletRequest request, HttpServletResponse response,
				org.springframework.security.core.Authentication authentication) -> {
			if (authentication != null) {
				audit.record(authentication.getName(), request.getRemoteAddr(), "logout", "");
			}
			response.sendRedirect(request.getContextPath() + "/login?logout");
		};
	}

}
