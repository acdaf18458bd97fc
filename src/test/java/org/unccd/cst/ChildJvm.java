package org.unccd.cst;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Runs the application in a separate JVM, as a user's shell would, with a heap limit, its
 * output in a file, so that a test can watch it, kill it or wait for its exit code. A
 * child still running when the test JVM exits (a test that failed before it stopped its
 * child, a {@code --schedule} that never ends) is killed then.
 * <p>
 * A child runs through {@code bin/cst-reports}, the README's command, when the jar is
 * built and holds the compiled classes as they are (as in {@code ./mvnw verify}, whose
 * end-to-end tests run after the jar is made): it then starts from the extracted jar with
 * its start-up cache, about 2.5 s sooner than from the class path. Otherwise (an
 * end-to-end test run from an editor after a change, with the jar not rebuilt) it runs
 * the compiled classes.
 */
public final class ChildJvm {

	private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();

	static {
		Runtime.getRuntime()
			.addShutdownHook(new Thread(() -> RUNNING.forEach(Process::destroyForcibly), "child-jvm-cleanup"));
	}

	private final Process process;

	private final Path log;

	private ChildJvm(Process process, Path log) {
		this.process = process;
		this.log = log;
	}

	public static ChildJvm start(Path log, String heap, String... args) throws IOException {
		return start(List.of("-Xmx" + heap), log, args);
	}

	/** Starts the application with the given JVM options (heap, system properties). */
	public static ChildJvm start(List<String> jvmOptions, Path log, String... args) throws IOException {
		ProcessBuilder builder;
		if (LauncherScript.READY) {
			// the script chooses the compilers by the input's size, as for a user
			builder = new ProcessBuilder(LauncherScript.command(args));
			builder.environment().putAll(LauncherScript.environment(jvmOptions));
		}
		else {
			// the quick compiler only, as bin/cst-reports runs small inputs: the tests'
			// inputs are small, and a child then starts and ends about a third sooner
			List<String> options = new ArrayList<>(List.of("-XX:TieredStopAtLevel=1"));
			options.addAll(jvmOptions);
			List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java")));
			command.addAll(options);
			command
				.addAll(List.of("-cp", System.getProperty("java.class.path"), "org.unccd.cst.CstReportsApplication"));
			command.addAll(List.of(args));
			builder = new ProcessBuilder(command);
		}
		Process process = builder.redirectErrorStream(true).redirectOutput(log.toFile()).start();
		RUNNING.add(process);
		process.onExit().thenRun(() -> RUNNING.remove(process));
		return new ChildJvm(process, log);
	}

	/**
	 * Runs to the end and gives the exit code; the PDFs of a successful run are validated
	 * as PDF/A-2u.
	 */
	public static int run(Path log, String heap, String... args) throws Exception {
		return run(List.of("-Xmx" + heap), log, args);
	}

	/**
	 * Runs to the end with the given JVM options and gives the exit code; the PDFs of a
	 * successful run are validated as PDF/A-2u.
	 */
	public static int run(List<String> jvmOptions, Path log, String... args) throws Exception {
		int code = start(jvmOptions, log, args).waitFor(Duration.ofMinutes(4));
		PdfArchiveCheck.assertPublishedConform(code, args);
		return code;
	}

	public int waitFor(Duration limit) throws InterruptedException {
		if (!this.process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
			this.process.destroyForcibly();
			throw new IllegalStateException("the run did not end within " + limit);
		}
		return this.process.exitValue();
	}

	/**
	 * Waits until the log holds {@code text}; false when the process ended first or time
	 * ran out.
	 */
	public boolean awaitLog(String text, Duration limit) throws Exception {
		Instant end = Instant.now().plus(limit);
		while (Instant.now().isBefore(end)) {
			if (Files.exists(this.log) && Files.readString(this.log).contains(text)) {
				return true;
			}
			if (!this.process.isAlive()) {
				return false;
			}
			Thread.sleep(50);
		}
		return false;
	}

	/**
	 * Kills the process the way a power cut or an out-of-memory killer would: no shutdown
	 * hooks.
	 */
	public void kill() throws InterruptedException {
		this.process.destroyForcibly();
		this.process.waitFor();
	}

	/** Asks the process to end, as {@code systemctl stop} or {@code kill} do: SIGTERM. */
	public void terminate() {
		this.process.destroy();
	}

	public String log() throws IOException {
		return Files.readString(this.log);
	}

	/**
	 * {@code bin/cst-reports}, prepared once for the test JVM: its first run extracts the
	 * jar and makes the start-up cache (half a minute), which the children then share.
	 */
	private static final class LauncherScript {

		private static final Path ROOT = Path.of("").toAbsolutePath();

		private static final Path SCRIPT = ROOT.resolve("bin/cst-reports");

		static final boolean READY = prepare();

		private static boolean prepare() {
			Path jar = ROOT.resolve("target/cst-reports.jar");
			Path classes = ROOT.resolve("target/classes");
			try {
				if (!Files.isExecutable(SCRIPT) || !Files.isRegularFile(jar) || !Files.isDirectory(classes)) {
					return false;
				}
				if (!current(jar, classes)) {
					System.err.println("target/cst-reports.jar does not hold the classes of target/classes: "
							+ "the child JVMs run the compiled classes");
					return false;
				}
				ProcessBuilder builder = new ProcessBuilder(command("--help")).redirectErrorStream(true)
					.redirectOutput(ProcessBuilder.Redirect.DISCARD);
				builder.environment().putAll(environment(List.of()));
				Process process = builder.start();
				if (!process.waitFor(5, TimeUnit.MINUTES)) {
					process.destroyForcibly();
					return false;
				}
				return process.exitValue() == 0;
			}
			catch (IOException ex) {
				return false;
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return false;
			}
		}

		/**
		 * Whether the jar holds every file of the compiled classes as it is now (same
		 * size and CRC): the jar's time cannot tell, since the build gives it a fixed
		 * one.
		 */
		private static boolean current(Path jar, Path classes) throws IOException {
			try (ZipFile zip = new ZipFile(jar.toFile()); var files = Files.walk(classes)) {
				return files.filter(Files::isRegularFile).allMatch((file) -> {
					String name = classes.relativize(file).toString().replace('\\', '/');
					ZipEntry entry = zip.getEntry("BOOT-INF/classes/" + name);
					if (entry == null && name.startsWith("META-INF/")) {
						entry = zip.getEntry(name); // spring.factories: at the jar's root
					}
					try {
						byte[] bytes = Files.readAllBytes(file);
						CRC32 crc = new CRC32();
						crc.update(bytes);
						return entry != null && entry.getSize() == bytes.length && entry.getCrc() == crc.getValue();
					}
					catch (IOException ex) {
						return false;
					}
				});
			}
		}

		static List<String> command(String... args) {
			List<String> command = new ArrayList<>(List.of(SCRIPT.toString()));
			command.addAll(List.of(args));
			return command;
		}

		/**
		 * The test JVM's JDK, and the JVM options, quoted as the script reads them (a
		 * cron expression holds spaces).
		 */
		static Map<String, String> environment(List<String> jvmOptions) {
			List<String> words = new ArrayList<>();
			for (String option : jvmOptions) {
				if (option.matches("[^\\s'\"\\\\]+")) {
					words.add(option);
				}
				else if (!option.contains("'") && !option.contains("\n")) {
					words.add("'" + option + "'");
				}
				else {
					throw new IllegalArgumentException("an option the script cannot be given: " + option);
				}
			}
			return Map.of("JAVA_HOME", System.getProperty("java.home"), "CST_REPORTS_JAVA_OPTS",
					String.join(" ", words));
		}

	}

}
