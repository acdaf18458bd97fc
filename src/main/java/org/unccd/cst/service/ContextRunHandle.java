package org.unccd.cst.service;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.unccd.cst.ingest.IngestRowReader;
import org.unccd.cst.run.RunRecord;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.context.ConfigurableApplicationContext;

/** The handle of a run whose job runs in {@code context}. */
final class ContextRunHandle implements RunHandle {

	private final JobRepository repository;

	private final String jobName;

	private final IngestRowReader reader;

	private volatile Long executionId;

	private volatile Progress finished;

	ContextRunHandle(ConfigurableApplicationContext context) {
		this.repository = context.getBean(JobRepository.class);
		this.jobName = context.getBean(Job.class).getName();
		this.reader = context.getBean(IngestRowReader.class);
	}

	/**
	 * Marks the running execution STOPPING in the job repository: at its next chunk
	 * boundary the step commits its chunk, sees the mark and ends STOPPED, with its
	 * reader's position saved in that same commit. {@code JobOperator.stop} is not used:
	 * it also writes the step execution as it read it, which can put an older reader
	 * position over the one the step has just committed, and a restart would then read
	 * rows twice.
	 */
	@Override
	public boolean stop() {
		if (this.finished != null) {
			return false;
		}
		boolean stopped = false;
		for (JobExecution execution : this.repository.findRunningJobExecutions(this.jobName)) {
			if (execution.getStatus() == BatchStatus.STARTED || execution.getStatus() == BatchStatus.STARTING) {
				execution.setStatus(BatchStatus.STOPPING);
				this.repository.update(execution);
				stopped = true;
			}
		}
		return stopped;
	}

	@Override
	public Progress progress() {
		Progress done = this.finished;
		if (done != null) {
			return done;
		}
		JobExecution running = this.repository.findRunningJobExecutions(this.jobName)
			.stream()
			.max(Comparator.comparing(JobExecution::getId))
			.orElse(null);
		if (running == null) {
			return Progress.NONE;
		}
		this.executionId = running.getId();
		return progress(running);
	}

	/** The run's job has returned: its steps as they ended stay the handle's progress. */
	void finish() {
		try {
			Long id = this.executionId;
			JobExecution last;
			if (id != null) {
				last = this.repository.getJobExecution(id);
			}
			else {
				JobInstance instance = this.repository.getLastJobInstance(this.jobName);
				last = (instance != null) ? this.repository.getLastJobExecution(instance) : null;
			}
			this.finished = (last != null) ? progress(last) : Progress.NONE;
		}
		catch (RuntimeException ex) {
			// the job database failed with the run: its steps stay unknown
			this.finished = Progress.NONE;
		}
	}

	private Progress progress(JobExecution execution) {
		List<Step> steps = new ArrayList<>();
		String current = null;
		for (StepExecution step : execution.getStepExecutions()
			.stream()
			.filter((step) -> !RunRecord.isPartition(step))
			.sorted(Comparator.comparing(StepExecution::getId))
			.toList()) {
			long[] counts = RunRecord.counts(step);
			steps.add(new Step(step.getStepName(), step.getStatus().name(), step.getStartTime(), step.getEndTime(),
					counts[0], counts[1]));
			if (step.getStatus() == BatchStatus.STARTED) {
				current = step.getStepName();
			}
		}
		long total = this.reader.totalBytes();
		int percent = (total <= 0) ? 0 : (int) Math.min(100, this.reader.bytesRead() * 100 / total);
		return new Progress(current, this.reader.recordsRead(), percent, steps);
	}

}
