package org.unccd.cst.service;

/**
 * Where a run tells its caller what it does: the command line prints the lines, a console
 * would keep them with the run. Lines come without a program name or a line end.
 */
public interface RunListener {

	/** A line about the run's progress or result. */
	void info(String line);

	/** A line about something that went wrong. */
	void problem(String line);

	/**
	 * The run's job has its context and is about to start or resume: the handle says
	 * where it stands and stops it, until the run ends.
	 */
	default void started(RunHandle handle) {
	}

	/** Each line of a block of text, as {@link #info(String)}. */
	default void text(String block) {
		block.lines().forEach(this::info);
	}

}
