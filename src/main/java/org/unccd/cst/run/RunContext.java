package org.unccd.cst.run;

import java.nio.file.Path;

import org.unccd.cst.model.Programme;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.scope.context.JobContext;
import org.springframework.batch.core.scope.context.JobSynchronizationManager;

/**
 * What a step needs to know of its run: the parameters, the programme and the staging
 * folder of its job instance. The job makes it once, when it starts, and keeps it in its
 * job context for the steps.
 *
 * @param parameters the run's parameters
 * @param programme the programme, loaded once for the run
 * @param stagingDir where this job instance writes its outputs before publication
 * @param inputDigest the digest of the input files the run was started on
 */
public record RunContext(RunParameters parameters, Programme programme, Path stagingDir, String inputDigest) {

	/** The job context's attribute that holds the run's context. */
	public static final String ATTRIBUTE = RunContext.class.getName();

	/** The context of the run the chunk belongs to. */
	public static RunContext of(ChunkContext chunkContext) {
		return current();
	}

	/** The context of the job running on this thread. */
	public static RunContext current() {
		JobContext job = JobSynchronizationManager.getContext();
		if (job == null || !(job.getAttribute(ATTRIBUTE) instanceof RunContext run)) {
			throw new IllegalStateException("no run context: the job makes it when it starts");
		}
		return run;
	}

	/** The summary the aggregate step wrote for this job instance. */
	public Summary summary() {
		return JsonFiles.read(this.stagingDir.resolve(OutputFolder.SUMMARY), Summary.class);
	}

	/** Where the published set of this session lives. */
	public Path publishedDir() {
		return OutputFolder.published(this.parameters.output(), this.programme.session());
	}

}
