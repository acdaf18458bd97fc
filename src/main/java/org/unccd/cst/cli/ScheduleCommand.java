package org.unccd.cst.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.unccd.cst.run.OutputFolder;
import org.unccd.cst.schedule.NightlySchedule;
import org.unccd.cst.schedule.ScheduleSettings;
import org.unccd.cst.service.ExitCode;
import org.unccd.cst.service.ReportService;
import org.unccd.cst.service.RunRequest;

/**
 * {@code --schedule}: reads the schedule's settings, makes sure it is the only schedule
 * on the output folder, and runs it until the process is told to stop (SIGTERM, Ctrl-C),
 * when a run in progress is asked to stop and the schedule ends.
 */
final class ScheduleCommand {

	/**
	 * How long a stop waits for the schedule to end. A run in progress is not waited for:
	 * it ends with the process, its last committed chunk kept, as after a crash (the case
	 * the resume tests prove); asking Spring Batch to stop it at a chunk boundary was
	 * found to lose the reader's position of the last chunk.
	 */
	static final Duration STOP_WAIT = Duration.ofSeconds(2);

	private ScheduleCommand() {
	}

	static ExitCode run(ReportService service, RunRequest request, PrintStream out, PrintStream err) {
		ScheduleSettings settings;
		try {
			settings = ScheduleSettings.from(service.settings(Map.of()));
		}
		catch (IllegalArgumentException ex) {
			err.println("cst-reports: " + ex.getMessage());
			return ExitCode.BAD_COMMAND_LINE;
		}
		// the stop hook below ends a run in progress; the runs' contexts must stay open
		// meanwhile
		ReportService runs = service.withProperties(
				Map.of("spring.main.register-shutdown-hook", false, "logging.register-shutdown-hook", false));
		ConsoleListener listener = new ConsoleListener(out, err);
		Path lockFile = OutputFolder.workDir(request.output()).resolve("schedule.lock");
		try {
			Files.createDirectories(lockFile.getParent());
			try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
					FileLock lock = tryLock(channel)) {
				if (lock == null) {
					err.println("cst-reports: another --schedule is running on the output folder " + request.output()
							+ " (it holds " + lockFile + ")");
					return ExitCode.BUSY;
				}
				NightlySchedule schedule = new NightlySchedule(settings, Clock.system(settings.zone()), Thread::sleep,
						(asOf) -> runs.run(request.asOf(asOf), listener), request.output(), () -> {
						}, out, err);
				return ExitCode.of(runUntilStopped(schedule));
			}
		}
		catch (IOException ex) {
			err.println("cst-reports: the schedule failed: " + ex.getMessage());
			return ExitCode.FAILED;
		}
	}

	/** Runs the schedule; SIGTERM or Ctrl-C stops it and waits for it to end. */
	static int runUntilStopped(NightlySchedule schedule) throws IOException {
		CountDownLatch ended = new CountDownLatch(1);
		Thread hook = new Thread(() -> {
			schedule.stop();
			try {
				ended.await(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}, "cst-reports-stop");
		Runtime.getRuntime().addShutdownHook(hook);
		try {
			return schedule.run();
		}
		finally {
			ended.countDown();
			try {
				Runtime.getRuntime().removeShutdownHook(hook);
			}
			catch (IllegalStateException ex) {
				// the JVM is shutting down: the hook is running
			}
		}
	}

	private static FileLock tryLock(FileChannel channel) throws IOException {
		try {
			return channel.tryLock();
		}
		catch (OverlappingFileLockException ex) {
			return null;
		}
	}

}
