package org.unccd.cst.run;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.springframework.batch.core.job.parameters.JobParameters;

/**
 * What one run was asked to do, from the command line or from a job's parameters.
 *
 * @param input the input folder
 * @param output the output folder
 * @param asOf the cut-off date
 * @param languages the report languages, in the order given
 * @param maxRejects how many rejected rows the run accepts before it fails
 * @param force whether to regenerate outputs that are current
 */
public record RunParameters(Path input, Path output, LocalDate asOf, List<String> languages, long maxRejects,
		boolean force) {

	public static final String INPUT = "input";

	public static final String OUTPUT = "output";

	public static final String AS_OF = "asOf";

	public static final String LANG = "lang";

	public static final String MAX_REJECTS = "maxRejects";

	public static final String INPUT_DIGEST = "inputDigest";

	public static final String GENERATION = "generation";

	public RunParameters {
		input = input.toAbsolutePath().normalize();
		output = output.toAbsolutePath().normalize();
		languages = List.copyOf(languages);
	}

	public static RunParameters from(JobParameters parameters) {
		return new RunParameters(Path.of(parameters.getString(INPUT)), Path.of(parameters.getString(OUTPUT)),
				LocalDate.parse(parameters.getString(AS_OF)), List.of(parameters.getString(LANG).split(",")),
				parameters.getLong(MAX_REJECTS), false);
	}

	/** Where the run keeps its database, lock and staging folders, beside the outputs. */
	public Path workDir() {
		return OutputFolder.workDir(this.output);
	}

	/** The folder a job instance writes its outputs into before they are published. */
	public Path stagingDir(long jobInstanceId) {
		return OutputFolder.stagingDir(this.output, jobInstanceId);
	}

}
