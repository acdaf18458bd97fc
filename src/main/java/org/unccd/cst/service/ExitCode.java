package org.unccd.cst.service;

/**
 * The outcome of a run as the contract numbers it: the process's exit code on the command
 * line, the status of a run in the schedule's log and, next, in the console.
 */
public enum ExitCode {

	/** Published, no row rejected; or the published set was already current. */
	SUCCESS(0, "success"),

	/** Nothing was published; the previous set, if any, is unchanged. */
	FAILED(1, "failed: nothing was published, the previous set is unchanged"),

	/** The command line or the settings cannot be used. */
	BAD_COMMAND_LINE(2, "bad command line or settings"),

	/** Published, some rows rejected (listed in rejects.csv). */
	SUCCESS_WITH_REJECTS(3, "success, some rows were rejected"),

	/** Another run holds the output folder. */
	BUSY(4, "skipped: the output folder is busy (another run holds it)"),

	/** Published, but some deliveries failed; the next distribution retries them. */
	DELIVERY_FAILED(5, "published, but some deliveries failed (they are retried at the next run)");

	private final int code;

	private final String meaning;

	ExitCode(int code, String meaning) {
		this.code = code;
		this.meaning = meaning;
	}

	/** The number the process exits with. */
	public int code() {
		return this.code;
	}

	/** What the code means, in a few words for a log line. */
	public String meaning() {
		return this.meaning;
	}

	/** Whether the run published its set (all of it, or with rejected rows). */
	public boolean succeeded() {
		return this == SUCCESS || this == SUCCESS_WITH_REJECTS;
	}

	/** Whether a set stands published after the run, whatever became of its delivery. */
	public boolean published() {
		return succeeded() || this == DELIVERY_FAILED;
	}

	/** The code of a number; {@code null} for a number the contract does not know. */
	public static ExitCode of(int code) {
		for (ExitCode exitCode : values()) {
			if (exitCode.code == code) {
				return exitCode;
			}
		}
		return null;
	}

}
