package org.unccd.cst.job;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.unccd.cst.run.RunRecord;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;

/**
 * One log line per step: its time and counts, or why it failed, without a stack trace
 * unless debug logging asks for one.
 */
class StepLog implements StepExecutionListener {

	private static final Logger log = LoggerFactory.getLogger(StepLog.class);

	/** What Spring Batch's partitioned step fails with when a partition failed. */
	static final String PARTITION_FAILED = "Partition handler returned an unsuccessful step";

	@Override
	public void beforeStep(StepExecution step) {
		log.info("Step {} started", step.getStepName());
	}

	@Override
	public ExitStatus afterStep(StepExecution step) {
		LocalDateTime start = step.getStartTime();
		long millis = (start != null) ? Duration.between(start, LocalDateTime.now()).toMillis() : 0;
		if (step.getFailureExceptions().isEmpty()) {
			log.info("Step {} done in {} ms ({} read, {} written)", step.getStepName(), millis, step.getReadCount(),
					step.getWriteCount());
		}
		for (Throwable failure : failures(step)) {
			step.getJobExecution()
				.getExecutionContext()
				.putString(RunRecord.FAILURE, step.getStepName() + ": " + ReportRunner.rootMessage(failure));
			log.error("Step {} failed after {} ms: {}", step.getStepName(), millis, ReportRunner.rootMessage(failure));
			log.debug("Step {} failed", step.getStepName(), failure);
		}
		return step.getExitStatus();
	}

	/**
	 * Why a step failed: its own failures, or for a partitioned step, which says only
	 * that a partition failed, those of its partitions.
	 */
	static List<Throwable> failures(StepExecution step) {
		List<Throwable> failures = new ArrayList<>();
		for (Throwable failure : step.getFailureExceptions()) {
			if (PARTITION_FAILED.equals(failure.getMessage())) {
				step.getJobExecution()
					.getStepExecutions()
					.stream()
					.filter(RunRecord::isPartition)
					.sorted(Comparator.comparing(StepExecution::getStepName))
					.forEach((partition) -> failures.addAll(partition.getFailureExceptions()));
			}
			else {
				failures.add(failure);
			}
		}
		return failures;
	}

}
