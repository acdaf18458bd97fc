package org.unccd.cst.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

import org.unccd.cst.console.ConsoleApplication;
import org.unccd.cst.console.ConsoleSettings;
import org.unccd.cst.console.ConsoleUsers;
import org.unccd.cst.console.Role;
import org.unccd.cst.publish.ConsoleLock;
import org.unccd.cst.service.ExitCode;
import org.unccd.cst.service.ReportService;
import org.unccd.cst.service.RunRequest;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.NestedExceptionUtils;

/**
 * The console's commands: {@code --serve} starts it on the input and output folders;
 * {@code --add-user} and {@code --remove-user} keep its users file.
 */
final class ConsoleCommand {

	static final String USAGE = """

			The console (README, "The console"):
			       java -jar target/cst-reports.jar --serve [--port=8080] [--bind=127.0.0.1] [--input=DIR]
			                                  [--output=DIR] [--users=FILE]
			                                  [--schedule [--lang=en,fr,...] [--distribute]]
			       java -jar target/cst-reports.jar --add-user=NAME --role=viewer|contributor|officer|admin
			                                  [--scope=CODE,...] [--output=DIR] [--users=FILE]
			                                  (password on standard input)
			       java -jar target/cst-reports.jar --remove-user=NAME [--output=DIR] [--users=FILE]

			  --serve             serve the console and its JSON API on the folders, on loopback
			                      port 8080 unless --bind and --port say otherwise (--port=0: any
			                      free port); Ctrl-C or SIGTERM stops it
			  --users=FILE        the users file (default OUTPUT/.cst-reports/console-users)
			  --add-user=NAME     add a user, or replace its password and role; the password comes
			                      from standard input (asked twice on a terminal), 12 characters
			                      or more
			  --role=ROLE         viewer, contributor, officer or admin, each including the one before
			  --scope=CODE,...    a contributor submits rows only for these work items (with their
			                      sub-items) and reports (docs/submissions.md)
			  --remove-user=NAME  remove a user

			Sign-off before distribution:
			       java -jar target/cst-reports.jar --approve --by=NAME [--output=DIR]
			  --approve           approve the published set of each session in the output folder:
			                      --distribute sends only an approved set (unless
			                      cst.distribution.require-approval=false)
			""";

	private final PrintStream out;

	private final PrintStream err;

	private final InputStream in;

	private final ReportService service;

	ConsoleCommand(PrintStream out, PrintStream err, InputStream in, ReportService service) {
		this.out = out;
		this.err = err;
		this.in = in;
		this.service = service;
	}

	/** Whether the command line is one of the console's commands. */
	static boolean handles(String[] args) {
		return Arrays.stream(args)
			.anyMatch(
					(arg) -> arg.equals("--serve") || name(arg).equals("add-user") || name(arg).equals("remove-user"));
	}

	ExitCode run(String[] args) {
		Map<String, String> options = new LinkedHashMap<>();
		for (String arg : args) {
			if (!arg.startsWith("--")) {
				return bad("unexpected argument \"" + arg + "\": options are written --name=value");
			}
			String name = name(arg);
			if (options.containsKey(name)) {
				return bad("option --" + name + " is given twice");
			}
			options.put(name, arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : null);
		}
		Path output = Path.of(valueOr(options, "output", "output"));
		Path users = options.containsKey("users") ? Path.of(valueOr(options, "users", ""))
				: ConsoleUsers.defaultFile(output);
		if (options.containsKey("serve")) {
			return serve(options, output, users);
		}
		if (options.containsKey("add-user")) {
			return addUser(options, users);
		}
		return removeUser(options, users);
	}

	private ExitCode serve(Map<String, String> options, Path output, Path users) {
		String unknown = unknown(options,
				Set.of("serve", "port", "bind", "input", "output", "users", "schedule", "lang", "distribute"));
		if (unknown != null) {
			return bad("--serve takes --port, --bind, --input, --output, --users and --schedule (with --lang and "
					+ "--distribute for the scheduled runs), not --" + unknown);
		}
		for (String flag : List.of("serve", "schedule", "distribute")) {
			if (options.get(flag) != null) {
				return bad("--" + flag + " takes no value");
			}
		}
		if (!options.containsKey("schedule") && (options.containsKey("lang") || options.containsKey("distribute"))) {
			return bad("--lang and --distribute go with --serve --schedule, for the scheduled runs; the console's "
					+ "own runs choose their languages when launched");
		}
		List<String> scheduledLanguages;
		try {
			scheduledLanguages = CommandLineOptions.languages(valueOr(options, "lang", "en"));
		}
		catch (CommandLineOptions.BadCommandLine ex) {
			return bad(ex.getMessage());
		}
		int port;
		try {
			port = Integer.parseInt(valueOr(options, "port", "8080"));
		}
		catch (NumberFormatException ex) {
			port = -1;
		}
		if (port < 0 || port > 65535) {
			return bad("--port must be a number from 0 to 65535 (0: any free port)");
		}
		String bind = valueOr(options, "bind", "127.0.0.1");
		Path input = Path.of(valueOr(options, "input", "input"));
		if (!Files.isDirectory(input)) {
			return bad("--input: no folder " + input.toAbsolutePath().normalize() + " (see --help)");
		}
		ConsoleSettings settings = new ConsoleSettings(input, output, users, options.containsKey("schedule"));
		RunRequest scheduled = new RunRequest(input, output, null, scheduledLanguages, 1000, false,
				options.containsKey("distribute"), null);
		try {
			if (new ConsoleUsers(settings.users()).all().isEmpty()) {
				this.err.println("cst-reports: the console has no users yet: add one with --add-user=NAME --role=admin"
						+ (options.containsKey("users") ? " --users=" + users : " --output=" + output));
			}
			Optional<ConsoleLock> lock = ConsoleLock.tryAcquire(settings.output(), "http://" + bind + ":" + port + "/");
			if (lock.isEmpty()) {
				this.err.println("cst-reports: another console serves the output folder " + settings.output() + " ("
						+ ConsoleLock.servedElsewhere(settings.output()).orElse("holder unknown") + ")");
				return ExitCode.BUSY;
			}
			try (ConsoleLock held = lock.get()) {
				return serve(settings, scheduled, bind, port);
			}
		}
		catch (IOException ex) {
			this.err.println("cst-reports: cannot serve " + settings.output() + ": " + ex.getMessage());
			return ExitCode.FAILED;
		}
	}

	private ExitCode serve(ConsoleSettings settings, RunRequest scheduled, String bind, int port) {
		// the console's runs are stopped by the console as it closes, not by each run's
		// hook
		ReportService runs = this.service.withProperties(
				Map.of("spring.main.register-shutdown-hook", false, "logging.register-shutdown-hook", false));
		CountDownLatch closed = new CountDownLatch(1);
		ConfigurableApplicationContext context;
		try {
			context = new SpringApplicationBuilder(ConsoleApplication.class).properties(ConsoleDefaults.PROPERTIES)
				.initializers((ctx) -> {
					ctx.getBeanFactory().registerSingleton("consoleSettings", settings);
					ctx.getBeanFactory().registerSingleton("reportService", runs);
				})
				.listeners((ContextClosedEvent event) -> closed.countDown())
				.run("--cst.context=console", "--spring.main.web-application-type=servlet", "--server.port=" + port,
						"--server.address=" + bind);
		}
		catch (RuntimeException ex) {
			this.err.println("cst-reports: the console could not start: "
					+ NestedExceptionUtils.getMostSpecificCause(ex).getMessage());
			return ExitCode.FAILED;
		}
		int actual = ((WebServerApplicationContext) context).getWebServer().getPort();
		String host = bind.contains(":") ? "[" + bind + "]" : bind;
		this.out.println("Console serving " + settings.output() + " at http://" + host + ":" + actual
				+ "/ (stop it with Ctrl-C)");
		this.out.flush();
		if (settings.schedule()) {
			ExitCode code = ScheduleCommand.run(runs, scheduled, this.out, this.err);
			context.close();
			return code;
		}
		try {
			closed.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			context.close();
		}
		return ExitCode.SUCCESS;
	}

	private ExitCode addUser(Map<String, String> options, Path users) {
		String unknown = unknown(options, Set.of("add-user", "role", "scope", "output", "users"));
		if (unknown != null) {
			return bad("--add-user takes --role, --scope, --output and --users, not --" + unknown);
		}
		String name = options.get("add-user");
		if (name == null || name.isBlank()) {
			return bad("--add-user needs a name: --add-user=NAME --role=ROLE");
		}
		Optional<Role> role = Role.of(valueOr(options, "role", ""));
		if (role.isEmpty()) {
			return bad("--add-user needs --role=ROLE, one of " + Role.ids());
		}
		List<String> scope;
		try {
			scope = ConsoleUsers.scope(valueOr(options, "scope", ""));
		}
		catch (ConsoleUsers.UserException ex) {
			return bad(ex.getMessage());
		}
		if (!scope.isEmpty() && role.get() != Role.CONTRIBUTOR) {
			return bad("--scope restricts what a contributor submits: give it with --role=contributor");
		}
		char[] password;
		try {
			password = password();
		}
		catch (IOException | IllegalArgumentException ex) {
			this.err.println("cst-reports: " + ex.getMessage());
			return ExitCode.BAD_COMMAND_LINE;
		}
		try {
			boolean replaced = new ConsoleUsers(users).add(name, role.get(), password, scope);
			this.out.println((replaced ? "Replaced the password and role of " : "Added ") + name + " ("
					+ role.get().id() + (scope.isEmpty() ? "" : ", scope " + String.join(",", scope)) + ") in "
					+ users.toAbsolutePath().normalize());
			return ExitCode.SUCCESS;
		}
		catch (ConsoleUsers.UserException ex) {
			return bad(ex.getMessage());
		}
		catch (IOException ex) {
			this.err.println("cst-reports: cannot write " + users + ": " + ex.getMessage());
			return ExitCode.FAILED;
		}
		finally {
			Arrays.fill(password, '\0');
		}
	}

	/**
	 * The password: asked twice on a terminal; otherwise the first line of standard
	 * input, which a second line, if given, must repeat.
	 */
	private char[] password() throws IOException {
		Console console = System.console();
		if (console != null && this.in == System.in) {
			char[] first = console.readPassword("Password: ");
			char[] second = console.readPassword("Password again: ");
			if (first == null || second == null || !Arrays.equals(first, second)) {
				throw new IllegalArgumentException("the two passwords differ; nothing was changed");
			}
			return first;
		}
		BufferedReader reader = new BufferedReader(new InputStreamReader(this.in, StandardCharsets.UTF_8));
		String first = reader.readLine();
		if (first == null || first.isEmpty()) {
			throw new IllegalArgumentException("give the password on standard input (echo ... | java -jar ...)");
		}
		String second = reader.readLine();
		if (second != null && !second.equals(first)) {
			throw new IllegalArgumentException("the second line of standard input does not repeat the password");
		}
		return first.toCharArray();
	}

	private ExitCode removeUser(Map<String, String> options, Path users) {
		String unknown = unknown(options, Set.of("remove-user", "output", "users"));
		if (unknown != null) {
			return bad("--remove-user takes --output and --users, not --" + unknown);
		}
		String name = options.get("remove-user");
		if (name == null || name.isBlank()) {
			return bad("--remove-user needs a name: --remove-user=NAME");
		}
		try {
			if (!new ConsoleUsers(users).remove(name)) {
				this.err.println("cst-reports: no user " + name + " in " + users.toAbsolutePath().normalize());
				return ExitCode.FAILED;
			}
			this.out.println("Removed " + name + " from " + users.toAbsolutePath().normalize());
			return ExitCode.SUCCESS;
		}
		catch (ConsoleUsers.UserException ex) {
			return bad(ex.getMessage());
		}
		catch (IOException ex) {
			this.err.println("cst-reports: cannot write " + users + ": " + ex.getMessage());
			return ExitCode.FAILED;
		}
	}

	private static String name(String arg) {
		String option = arg.startsWith("--") ? arg.substring(2) : arg;
		return option.contains("=") ? option.substring(0, option.indexOf('=')) : option;
	}

	private static String valueOr(Map<String, String> options, String name, String otherwise) {
		String value = options.get(name);
		return (value == null || value.isBlank()) ? otherwise : value.strip();
	}

	private static String unknown(Map<String, String> options, Set<String> known) {
		Set<String> names = new HashSet<>(options.keySet());
		names.removeAll(known);
		return names.isEmpty() ? null : names.iterator().next();
	}

	private ExitCode bad(String message) {
		this.err.println("cst-reports: " + message + " (see --help)");
		return ExitCode.BAD_COMMAND_LINE;
	}

}
