package org.unccd.cst.service;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/**
 * What a caller asks a run to do.
 *
 * @param input the input folder
 * @param output the output folder
 * @param asOf the cut-off date; {@code null} for the default one: today, capped at the
 * day the session opens when the programme gives it
 * @param languages the report languages, in the order given
 * @param maxRejects how many rejected rows the run accepts before it fails
 * @param force whether to regenerate outputs that are current
 * @param distribute whether to send the published set to the recipients afterwards
 * @param progress the progress display ({@code auto}, {@code bar}, {@code log},
 * {@code off}), {@code null} for the configured one
 */
public record RunRequest(Path input, Path output, LocalDate asOf, List<String> languages, long maxRejects,
		boolean force, boolean distribute, String progress) {

	public RunRequest {
		input = input.toAbsolutePath().normalize();
		output = output.toAbsolutePath().normalize();
		languages = List.copyOf(languages);
	}

	/** The same request as of another day. */
	public RunRequest asOf(LocalDate day) {
		return new RunRequest(this.input, this.output, day, this.languages, this.maxRejects, this.force,
				this.distribute, this.progress);
	}

}
