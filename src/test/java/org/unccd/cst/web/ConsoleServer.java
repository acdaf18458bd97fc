package org.unccd.cst.web;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.unccd.cst.ChildJvm;
import org.unccd.cst.console.ConsoleUsers;
import org.unccd.cst.console.Role;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A console started as a user starts it ({@code --serve --port=0}) in a JVM of its own,
 * on real folders, with one user of each role, and the HTTP calls the tests make to it.
 */
final class ConsoleServer implements AutoCloseable {

	static final JsonMapper JSON = JsonMapper.builder().build();

	/**
	 * The password of each test user: its role's name, repeated to the required length.
	 */
	static String password(Role role) {
		return (role.id() + "-password-").repeat(2);
	}

	private static final Pattern SERVING = Pattern.compile("Console serving .* at (http://\\S+/)");

	private final ChildJvm jvm;

	final String base;

	final Path input;

	final Path output;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	private ConsoleServer(ChildJvm jvm, String base, Path input, Path output) {
		this.jvm = jvm;
		this.base = base;
		this.input = input;
		this.output = output;
	}

	/** Starts a console on the folders, with the user {@code <role>} for every role. */
	static ConsoleServer start(Path input, Path output, Path log, String... more) throws Exception {
		return start(List.of(), input, output, log, more);
	}

	/** Starts a console with these JVM options (system properties) too. */
	static ConsoleServer start(List<String> jvmOptions, Path input, Path output, Path log, String... more)
			throws Exception {
		ConsoleUsers users = new ConsoleUsers(ConsoleUsers.defaultFile(output));
		for (Role role : Role.values()) {
			users.add(role.id(), role, password(role).toCharArray());
		}
		String[] args = new String[4 + more.length];
		args[0] = "--serve";
		args[1] = "--port=0";
		args[2] = "--input=" + input;
		args[3] = "--output=" + output;
		System.arraycopy(more, 0, args, 4, more.length);
		List<String> options = new java.util.ArrayList<>(List.of("-Xmx512m"));
		options.addAll(jvmOptions);
		ChildJvm jvm = ChildJvm.start(options, log, args);
		if (!jvm.awaitLog("Console serving", Duration.ofMinutes(2))) {
			jvm.kill();
			throw new IllegalStateException("the console did not start:\n" + jvm.log());
		}
		Matcher matcher = SERVING.matcher(jvm.log());
		if (!matcher.find()) {
			throw new IllegalStateException("no address in:\n" + jvm.log());
		}
		return new ConsoleServer(jvm, matcher.group(1).replaceAll("/$", ""), input, output);
	}

	String log() throws IOException {
		return this.jvm.log();
	}

	ChildJvm jvm() {
		return this.jvm;
	}

	static String basic(Role role) {
		return basic(role.id(), password(role));
	}

	static String basic(String user, String password) {
		return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

	/** A request to the console, signed in as {@code role} (anonymous when null). */
	HttpRequest.Builder request(String path, Role role) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + path))
			.timeout(Duration.ofSeconds(60));
		if (role != null) {
			request.header("Authorization", basic(role));
		}
		return request;
	}

	HttpResponse<String> get(String path, Role role) throws Exception {
		return this.http.send(request(path, role).GET().build(), HttpResponse.BodyHandlers.ofString());
	}

	HttpResponse<byte[]> bytes(String path, Role role) throws Exception {
		return this.http.send(request(path, role).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
	}

	HttpResponse<String> post(String path, Role role, String json) throws Exception {
		HttpRequest.Builder request = request(path, role);
		if (json != null) {
			request.header("Content-Type", "application/json");
		}
		return this.http.send(request
			.POST((json != null) ? HttpRequest.BodyPublishers.ofString(json) : HttpRequest.BodyPublishers.noBody())
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	HttpResponse<String> send(HttpRequest request) throws Exception {
		return this.http.send(request, HttpResponse.BodyHandlers.ofString());
	}

	/** A client that keeps cookies, as a browser does: for the pages and their forms. */
	static HttpClient browserLike() {
		return HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(Duration.ofSeconds(10))
			.build();
	}

	static JsonNode json(HttpResponse<String> response) {
		return JSON.readTree(response.body());
	}

	/** Polls a run until it ends; its last state. */
	JsonNode awaitEnd(String location, Duration limit) throws Exception {
		Instant end = Instant.now().plus(limit);
		while (Instant.now().isBefore(end)) {
			JsonNode run = json(get(location, Role.VIEWER));
			String status = run.get("status").asString();
			if (status.equals("COMPLETED") || status.equals("FAILED") || status.equals("STOPPED")) {
				return run;
			}
			Thread.sleep(200);
		}
		throw new IllegalStateException("the run at " + location + " did not end within " + limit + "\n" + log());
	}

	@Override
	public void close() throws Exception {
		this.jvm.terminate();
		this.jvm.waitFor(Duration.ofSeconds(30));
	}

}
