package org.unccd.cst.web;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unccd.cst.TestInputs;
import org.unccd.cst.console.Role;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every endpoint of the console, asked by every role and by nobody: each answer is the
 * one the role allows (README, "The console"). Allowed requests are made so that they
 * change nothing (an invalid launch, an unknown run), so the matrix tests access alone.
 */
class AuthorizationMatrixTests {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	@TempDir
	static Path dir;

	static ConsoleServer console;

	@BeforeAll
	static void start() throws Exception {
		console = ConsoleServer.start(TestInputs.write(dir.resolve("in")), dir.resolve("out"),
				dir.resolve("console.log"));
	}

	@AfterAll
	static void stop() throws Exception {
		console.close();
	}

	/** The least role an endpoint needs; {@code null}: anyone, signed in or not. */
	record Endpoint(String method, String path, String body, Role least, int allowedStatus) {
	}

	static final List<Endpoint> API = List.of(new Endpoint("GET", "/api/runs", null, Role.VIEWER, 200),
			new Endpoint("POST", "/api/runs", "{\"asOf\": \"not a date\"}", Role.OFFICER, 400),
			new Endpoint("GET", "/api/runs/999", null, Role.VIEWER, 404),
			new Endpoint("POST", "/api/runs/999/stop", null, Role.OFFICER, 404),
			new Endpoint("POST", "/api/runs/999/restart", null, Role.OFFICER, 404),
			new Endpoint("GET", "/api/sessions/T1/files", null, Role.VIEWER, 404),
			new Endpoint("GET", "/api/sessions/T1/files/alpha.en.pdf", null, Role.VIEWER, 404),
			new Endpoint("GET", "/api/sessions/T1/rejects", null, Role.VIEWER, 404),
			new Endpoint("GET", "/api/sessions/T1/diff", null, Role.VIEWER, 404),
			new Endpoint("GET", "/api/sessions/T1/approval", null, Role.VIEWER, 404),
			new Endpoint("GET", "/api/templates/en", null, Role.CONTRIBUTOR, 200),
			new Endpoint("GET", "/api/templates/xx", null, Role.CONTRIBUTOR, 400),
			new Endpoint("GET", "/api/submissions", null, Role.CONTRIBUTOR, 200),
			new Endpoint("POST", "/api/submissions", null, Role.CONTRIBUTOR, 400),
			new Endpoint("POST", "/api/submissions/0123456789abcdef0123456789abcdef", null, Role.CONTRIBUTOR, 404),
			new Endpoint("DELETE", "/api/submissions/0123456789abcdef0123456789abcdef", null, Role.CONTRIBUTOR, 404),
			new Endpoint("GET", "/actuator/prometheus", null, Role.ADMIN, 200),
			new Endpoint("GET", "/actuator/health", null, null, 200));

	@Test
	void theApiAnswersEachRoleAsItsRoleAllows() throws Exception {
		List<String> wrong = new ArrayList<>();
		for (Endpoint endpoint : API) {
			for (Role role : roles()) {
				HttpRequest.Builder request = console.request(endpoint.path(), role);
				if (endpoint.body() != null) {
					request.header("Content-Type", "application/json");
				}
				request.method(endpoint.method(), (endpoint.body() != null)
						? HttpRequest.BodyPublishers.ofString(endpoint.body()) : HttpRequest.BodyPublishers.noBody());
				int status = console.send(request.build()).statusCode();
				int expected = expected(endpoint, role, 401);
				if (status != expected) {
					wrong.add(endpoint.method() + " " + endpoint.path() + " as " + name(role) + ": " + status
							+ ", expected " + expected);
				}
			}
		}
		assertThat(wrong).isEmpty();
	}

	@Test
	void actuatorEndpointsOtherThanHealthAndPrometheusAreClosedToAll() throws Exception {
		for (Role role : roles()) {
			int status = console.get("/actuator/env", role).statusCode();
			assertThat(status).as(name(role)).isEqualTo((role == null) ? 401 : 403);
		}
	}

	static final List<Endpoint> PAGES = List.of(new Endpoint("GET", "/", null, Role.VIEWER, 200),
			new Endpoint("GET", "/runs", null, Role.VIEWER, 200), new Endpoint("GET", "/files", null, Role.VIEWER, 200),
			new Endpoint("GET", "/schedule", null, Role.VIEWER, 200),
			new Endpoint("GET", "/runs/999", null, Role.VIEWER, 404),
			new Endpoint("GET", "/runs/999/events", null, Role.VIEWER, 404),
			new Endpoint("GET", "/files/T1/alpha.en.pdf", null, Role.VIEWER, 404),
			new Endpoint("GET", "/launch", null, Role.OFFICER, 200),
			new Endpoint("POST", "/launch", "asOf=2019-06-30&languages=xx", Role.OFFICER, 200),
			new Endpoint("POST", "/runs/999/stop", "", Role.OFFICER, 302),
			new Endpoint("POST", "/runs/999/restart", "", Role.OFFICER, 302),
			new Endpoint("POST", "/sessions/T1/approve", "", Role.OFFICER, 404),
			new Endpoint("GET", "/sessions/T1/approval", null, Role.VIEWER, 404),
			new Endpoint("GET", "/templates", null, Role.CONTRIBUTOR, 200),
			new Endpoint("GET", "/templates/en", null, Role.CONTRIBUTOR, 200),
			new Endpoint("GET", "/audit", null, Role.ADMIN, 200),
			new Endpoint("GET", "/submissions", null, Role.CONTRIBUTOR, 200),
			new Endpoint("POST", "/submissions", "", Role.CONTRIBUTOR, 400),
			new Endpoint("GET", "/submissions/uploads/0123456789abcdef0123456789abcdef", null, Role.CONTRIBUTOR, 404),
			new Endpoint("POST", "/submissions/uploads/0123456789abcdef0123456789abcdef/submit", "", Role.CONTRIBUTOR,
					404),
			new Endpoint("POST", "/submissions/uploads/0123456789abcdef0123456789abcdef/discard", "", Role.CONTRIBUTOR,
					404));

	@Test
	void thePagesAnswerEachRoleAsItsRoleAllows() throws Exception {
		List<String> wrong = new ArrayList<>();
		for (Role role : roles()) {
			HttpClient browser = ConsoleServer.browserLike();
			String csrf = (role != null) ? signIn(browser, role) : token(browser, "/login");
			for (Endpoint endpoint : PAGES) {
				HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(console.base + endpoint.path()))
					.timeout(Duration.ofSeconds(30));
				if (endpoint.method().equals("POST")) {
					String form = endpoint.body() + (endpoint.body().isEmpty() ? "" : "&") + "_csrf="
							+ URLEncoder.encode(csrf, StandardCharsets.UTF_8);
					request.header("Content-Type", "application/x-www-form-urlencoded")
						.POST(HttpRequest.BodyPublishers.ofString(form));
				}
				HttpResponse<String> response = browser.send(request.build(), HttpResponse.BodyHandlers.ofString());
				int expected = expected(endpoint, role, 302);
				boolean ok = response.statusCode() == expected;
				if (role == null && endpoint.method().equals("GET")) {
					ok &= response.headers().firstValue("Location").orElse("").endsWith("/login");
				}
				if (!ok) {
					wrong.add(endpoint.method() + " " + endpoint.path() + " as " + name(role) + ": "
							+ response.statusCode() + ", expected " + expected);
				}
			}
		}
		assertThat(wrong).isEmpty();
	}

	@Test
	void aFormPostedWithoutItsTokenIsRefusedEvenToAnOfficer() throws Exception {
		HttpClient browser = ConsoleServer.browserLike();
		signIn(browser, Role.ADMIN);
		HttpResponse<String> forged = browser.send(HttpRequest.newBuilder(URI.create(console.base + "/launch"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("asOf=2019-06-30&languages=en"))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(forged.statusCode()).isEqualTo(403);
		assertThat(forged.body()).doesNotContain("Exception", "org.springframework", dir.toString());
		assertThat(console.get("/api/runs", Role.VIEWER).body()).contains("\"runs\":[]");
	}

	@Test
	void aSessionCookieSignsInTheApiButItsPostsNeedTheToken() throws Exception {
		HttpClient browser = ConsoleServer.browserLike();
		String csrf = signIn(browser, Role.OFFICER);
		HttpResponse<String> read = browser.send(HttpRequest.newBuilder(URI.create(console.base + "/api/runs")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(read.statusCode()).isEqualTo(200);
		HttpRequest.Builder post = HttpRequest.newBuilder(URI.create(console.base + "/api/runs/999/stop"))
			.POST(HttpRequest.BodyPublishers.noBody());
		assertThat(browser.send(post.build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(403);
		assertThat(browser.send(post.header("X-CSRF-TOKEN", csrf).build(), HttpResponse.BodyHandlers.ofString())
			.statusCode()).isEqualTo(404);
	}

	@Test
	void signingInChangesTheSessionIdAndSigningOutEndsIt() throws Exception {
		HttpClient browser = ConsoleServer.browserLike();
		token(browser, "/login");
		String before = sessionId(browser);
		String csrf = signIn(browser, Role.VIEWER);
		String after = sessionId(browser);
		assertThat(after).isNotNull().isNotEqualTo(before);
		HttpResponse<String> out = browser.send(HttpRequest.newBuilder(URI.create(console.base + "/logout"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8)))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(out.statusCode()).isEqualTo(302);
		HttpResponse<String> afterOut = browser.send(HttpRequest.newBuilder(URI.create(console.base + "/runs")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(afterOut.statusCode()).isEqualTo(302);
		assertThat(afterOut.headers().firstValue("Location").orElseThrow()).endsWith("/login");
	}

	private static String sessionId(HttpClient browser) {
		return ((java.net.CookieManager) browser.cookieHandler().orElseThrow()).getCookieStore()
			.getCookies()
			.stream()
			.filter((cookie) -> cookie.getName().equals("JSESSIONID"))
			.map(java.net.HttpCookie::getValue)
			.findFirst()
			.orElse(null);
	}

	/** Signs in through the form; the CSRF token of the signed-in session. */
	static String signIn(HttpClient browser, Role role) throws Exception {
		String token = token(browser, "/login");
		String form = "username=" + role.id() + "&password="
				+ URLEncoder.encode(ConsoleServer.password(role), StandardCharsets.UTF_8) + "&_csrf="
				+ URLEncoder.encode(token, StandardCharsets.UTF_8);
		HttpResponse<String> signedIn = browser.send(HttpRequest.newBuilder(URI.create(console.base + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(signedIn.statusCode()).as(role.id()).isEqualTo(302);
		assertThat(signedIn.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
		return token(browser, "/");
	}

	private static String token(HttpClient browser, String page) throws Exception {
		String body = browser
			.send(HttpRequest.newBuilder(URI.create(console.base + page)).build(), HttpResponse.BodyHandlers.ofString())
			.body();
		Matcher matcher = CSRF.matcher(body);
		return matcher.find() ? matcher.group(1) : "";
	}

	private static int expected(Endpoint endpoint, Role role, int anonymous) {
		if (endpoint.least() == null) {
			return endpoint.allowedStatus();
		}
		if (role == null) {
			return anonymous;
		}
		return (role.compareTo(endpoint.least()) >= 0) ? endpoint.allowedStatus() : 403;
	}

	private static List<Role> roles() {
		List<Role> roles = new ArrayList<>();
		roles.add(null);
		roles.addAll(List.of(Role.values()));
		return roles;
	}

	private static String name(Role role) {
		return (role == null) ? "anonymous" : role.id();
	}

}
