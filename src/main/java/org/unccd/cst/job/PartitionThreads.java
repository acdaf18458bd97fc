package org.unccd.cst.job;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.scope.context.JobSynchronizationManager;
import org.springframework.batch.core.step.StepExecution;

/**
 * Makes the job's context, and with it the run's ({@link org.unccd.cst.run.RunContext}),
 * known on the thread that runs a partition of a step, for as long as it runs: Spring
 * Batch registers only the partition's step there.
 */
class PartitionThreads implements StepExecutionListener {

	@Override
	public void beforeStep(StepExecution stepExecution) {
		JobSynchronizationManager.register(stepExecution.getJobExecution());
	}

	@Override
	public ExitStatus afterStep(StepExecution stepExecution) {
		JobSynchronizationManager.release();
		return null;
	}

}
