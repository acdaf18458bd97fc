package org.unccd.cst.job;

import java.nio.file.Path;

import org.unccd.cst.aggregate.Summary;
import org.unccd.cst.model.Programme;
import org.unccd.cst.programme.ProgrammeLoader;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.scope.context.ChunkContext;

/**
 * What a step needs to know of its run: the parameters, the programme and the staging
 * folder of its job instance.
 *
 * @param parameters the run's parameters
 * @param programme the programme, read again from the input folder
 * @param stagingDir where this job instance writes its outputs before publication
 * @param inputDigest the digest of the input files the run was started on
 */
public record RunContext(RunParameters parameters, Programme programme, Path stagingDir, String inputDigest) {

	public static RunContext of(ChunkContext chunkContext) {
		JobExecution job = chunkContext.getStepContext().getStepExecution().getJobExecution();
		RunParameters parameters = RunParameters.from(job.getJobParameters());
		return new RunContext(parameters, ProgrammeLoader.load(parameters.input()),
				parameters.stagingDir(job.getJobInstance().getInstanceId()),
				job.getJobParameters().getString(RunParameters.INPUT_DIGEST));
	}

	/** The summary the aggregate step wrote for this job instance. */
	public Summary summary() {
		return JsonFiles.read(this.stagingDir.resolve("summary.json"), Summary.class);
	}

	/** Where the published set of this session lives. */
	public Path publishedDir() {
		return this.parameters.output().resolve(this.programme.session());
	}

}
