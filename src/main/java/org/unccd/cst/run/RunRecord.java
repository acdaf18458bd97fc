package org.unccd.cst.run;

import java.util.Comparator;
import java.util.List;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * What a run records of itself in its job execution's context, in the job repository, so
 * that {@code --history} can list it: the session, the rows read and rejected, the number
 * of files published, and why it failed.
 */
public final class RunRecord {

	/** The session of the programme the run was on. */
	public static final String SESSION = "cst.session";

	/** The data rows read (accepted and rejected). */
	public static final String ROWS_READ = "cst.rowsRead";

	/**
	 * The rows rejected, those of proposals.csv included: the figure of the exit code.
	 */
	public static final String ROWS_REJECTED = "cst.rowsRejected";

	/** How many files the run published in {@code OUTPUT/<session>/}. */
	public static final String PUBLISHED_FILES = "cst.publishedFiles";

	/** The step that failed and why, in one line. */
	public static final String FAILURE = "cst.failure";

	/** Set on an execution whose process was killed: the next run recovered it. */
	public static final String INTERRUPTED = "cst.interrupted";

	/** Why an execution was not resumed but run again from the start. */
	public static final String NOT_RESUMED = "cst.notResumed";

	private RunRecord() {
	}

	/**
	 * Whether a step execution is a partition of a step (the ingest step's files), which
	 * the step's own execution stands for in what a user reads: Spring Batch names it
	 * after its worker step, a colon and the partition.
	 */
	public static boolean isPartition(StepExecution step) {
		return step.getStepName().indexOf(':') >= 0;
	}

	/**
	 * The rows a step read and wrote: its own counts once it has ended, while it runs (or
	 * when its process was killed) those its partitions committed, if it has any.
	 * @param step a step execution that is not a partition
	 * @return the rows read and written
	 */
	public static long[] counts(StepExecution step) {
		boolean ended = step.getEndTime() != null && step.getStatus() != BatchStatus.FAILED;
		if (ended) {
			return new long[] { step.getReadCount(), step.getWriteCount() };
		}
		// its partitions: made after it, before the next step
		List<StepExecution> all = step.getJobExecution()
			.getStepExecutions()
			.stream()
			.filter((other) -> other.getId() > step.getId())
			.sorted(Comparator.comparing(StepExecution::getId))
			.toList();
		long read = 0;
		long written = 0;
		boolean partitioned = false;
		for (StepExecution other : all) {
			if (!isPartition(other)) {
				break;
			}
			partitioned = true;
			read += other.getReadCount();
			written += other.getWriteCount();
		}
		return partitioned ? new long[] { read, written } : new long[] { step.getReadCount(), step.getWriteCount() };
	}

	/** The job execution's context, where a step records what the history shows. */
	public static ExecutionContext of(ChunkContext chunkContext) {
		return chunkContext.getStepContext().getStepExecution().getJobExecution().getExecutionContext();
	}

	/**
	 * Forgets the failure a resumed execution inherited with the context of the one
	 * before it.
	 */
	public static JobExecutionListener listener() {
		return new JobExecutionListener() {

			@Override
			public void beforeJob(JobExecution jobExecution) {
				jobExecution.getExecutionContext().remove(FAILURE);
			}

		};
	}

}
