package org.unccd.cst.console;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.unccd.cst.service.RunHandle;

/**
 * A console run as the API gives it.
 *
 * @param id the run's number in this console
 * @param status QUEUED, STARTED, STOPPING, then COMPLETED (published), FAILED or STOPPED
 * @param step the step running now
 * @param rows the data rows read so far
 * @param percent how much of the input the ingest step has read
 * @param exitCode the contract's exit code, once it ended
 * @param asOf the cut-off date asked for, {@code null} for the default one
 * @param lang the report languages
 * @param force whether a current set was to be regenerated
 * @param current whether the published set was already current
 * @param launchedBy who launched it
 * @param launched when
 * @param ended when it ended
 * @param restartOf the run it restarts
 * @param session the session it published
 * @param rejects where its rejected rows are listed, once it published
 * @param steps its steps
 * @param lines what it said
 */
public record RunView(long id, String status, String step, long rows, int percent, Integer exitCode, LocalDate asOf,
		List<String> lang, boolean force, boolean current, String launchedBy, Instant launched, Instant ended,
		Long restartOf, String session, String rejects, List<RunHandle.Step> steps, List<String> lines) {

	static RunView of(ConsoleRun run) {
		RunHandle.Progress progress = run.progress();
		String session = run.session();
		return new RunView(run.id(), run.status().name(), progress.step(), progress.rows(),
				run.status() == ConsoleRun.Status.COMPLETED ? 100 : progress.percent(), run.exitCode(), run.asOf(),
				run.languages(), run.force(), run.current(), run.launchedBy(), run.launched(), run.ended(),
				run.restartOf(), session, (session != null) ? "/api/sessions/" + session + "/rejects" : null,
				progress.steps(), run.lines(0));
	}

}
