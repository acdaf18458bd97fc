package org.unccd.cst;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs the application in a separate JVM, as a user's shell would, with a heap limit, its
 * output in a file, so that a test can watch it, kill it or wait for its exit code. A
 * child still running when the test JVM exits (a test that failed before it stopped its
 * child, a {@code --schedule} that never ends) is killed then.
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
		String java = ProcessHandle.current().info().command().orElse("java");
		// the quick compiler only, as bin/cst-reports runs small inputs: the tests'
		// inputs are small, and a child then starts and ends about a third sooner
		List<String> command = new ArrayList<>(List.of(java, "-XX:TieredStopAtLevel=1"));
		command.addAll(jvmOptions);
		command.addAll(List.of("-cp", System.getProperty("java.class.path"), "org.unccd.cst.CstReportsApplication"));
		command.addAll(List.of(args));
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
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
		if (!this.process.waitFor(limit.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
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

}
