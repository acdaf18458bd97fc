package org.unccd.cst.service;

import java.time.LocalDateTime;
import java.util.List;

/**
 * A run in progress, as its caller sees it while it goes on: where it stands, and a way
 * to stop it at the next chunk boundary. A stopped run keeps what it committed; the next
 * run with the same parameters resumes it.
 */
public interface RunHandle {

	/** Asks the run to stop at the next chunk boundary; false when it is not running. */
	boolean stop();

	/** Where the run stands now. */
	Progress progress();

	/**
	 * Where a run stands.
	 *
	 * @param step the step running now, {@code null} between steps
	 * @param rows the data rows read so far
	 * @param percent how much of the input files the ingest step has read, 0 to 100
	 * @param steps the steps so far, in order
	 */
	record Progress(String step, long rows, int percent, List<Step> steps) {

		public static final Progress NONE = new Progress(null, 0, 0, List.of());

		public Progress {
			steps = List.copyOf(steps);
		}

	}

	/**
	 * One step of a run.
	 *
	 * @param name the step's name
	 * @param status its Spring Batch status (STARTED, COMPLETED, FAILED, STOPPED, …)
	 * @param started when it started
	 * @param ended when it ended, {@code null} while it runs
	 * @param read the items it read
	 * @param written the items it wrote
	 */
	record Step(String name, String status, LocalDateTime started, LocalDateTime ended, long read, long written) {

	}

}
