package org.unccd.cst.service;

import java.nio.file.Path;
import java.time.LocalDate;

/**
 * How a run went.
 *
 * @param exitCode the contract's code for it
 * @param asOf the cut-off date the run used; {@code null} when it did not get that far
 * @param published the folder of the session's published set; {@code null} when the
 * programme could not be read
 * @param current whether the published set was already current, so nothing was redone
 */
public record RunOutcome(ExitCode exitCode, LocalDate asOf, Path published, boolean current) {

	static RunOutcome stopped(ExitCode exitCode) {
		return new RunOutcome(exitCode, null, null, false);
	}

}
