package org.unccd.cst.job;

import org.unccd.cst.model.Programme;
import org.unccd.cst.programme.ProgrammeLoader;
import org.unccd.cst.run.RunContext;
import org.unccd.cst.run.RunParameters;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.scope.context.JobSynchronizationManager;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Makes the context of a run when its job starts: the parameters, read from the job's
 * parameters, and the programme the caller loaded for the run (given to the run's Spring
 * context as a bean), else loaded here, once. The steps find it with
 * {@link RunContext#of}.
 */
class RunContexts implements JobExecutionListener {

	private final ObjectProvider<Programme> programme;

	RunContexts(ObjectProvider<Programme> programme) {
		this.programme = programme;
	}

	@Override
	public void beforeJob(JobExecution execution) {
		RunParameters parameters = RunParameters.from(execution.getJobParameters());
		Programme loaded = this.programme.getIfAvailable(() -> ProgrammeLoader.load(parameters.input()));
		RunContext run = new RunContext(parameters, loaded,
				parameters.stagingDir(execution.getJobInstance().getInstanceId()),
				execution.getJobParameters().getString(RunParameters.INPUT_DIGEST));
		JobSynchronizationManager.getContext().setAttribute(RunContext.ATTRIBUTE, run);
	}

}
