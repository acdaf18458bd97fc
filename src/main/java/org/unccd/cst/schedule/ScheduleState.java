package org.unccd.cst.schedule;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.unccd.cst.run.JsonFiles;

/**
 * What the schedule remembers between starts, in
 * {@code OUTPUT/.cst-reports/schedule.json}: the last scheduled time it dealt with (ran,
 * or skipped because a run was still going), so that a time that passed while it was not
 * running is caught up once at the next start, and the last run's outcome, for whoever
 * looks.
 *
 * @param cron the cron expression in force when the file was written
 * @param zone the zone of its times
 * @param lastTime the last scheduled time dealt with, or the first start's time
 * @param lastStarted when the last run started
 * @param lastFinished when it ended
 * @param lastAsOf its as-of date
 * @param lastExitCode its exit code
 * @param lastOutcome what the exit code means
 */
public record ScheduleState(String cron, String zone, String lastTime, String lastStarted, String lastFinished,
		String lastAsOf, Integer lastExitCode, String lastOutcome) {

	public static final String FILE = "schedule.json";

	/** The state in {@code file}, or {@code null} when there is none or it is damaged. */
	static ScheduleState read(Path file) {
		if (!Files.isRegularFile(file)) {
			return null;
		}
		try {
			return JsonFiles.read(file, ScheduleState.class);
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	/** Writes the state whole or not at all. */
	void write(Path file) throws IOException {
		Path temp = file.resolveSibling(file.getFileName() + ".tmp");
		JsonFiles.write(temp, this);
		Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
	}

}
