package org.unccd.cst.job;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.unccd.cst.ingest.DataFileItemReader;
import org.unccd.cst.ingest.DataFilePartitioner;
import org.unccd.cst.ingest.IngestRowReader;
import org.unccd.cst.run.RunContext;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * Starts the counters of the ingest step: what its partitions will read, and what the
 * partitions an earlier execution finished read already.
 */
class IngestStart implements StepExecutionListener {

	private final JobRepository jobRepository;

	private final IngestRowReader reader;

	IngestStart(JobRepository jobRepository, IngestRowReader reader) {
		this.jobRepository = jobRepository;
		this.reader = reader;
	}

	@Override
	public void beforeStep(StepExecution stepExecution) {
		Path input = RunContext.current().parameters().input();
		List<ExecutionContext> finished = new ArrayList<>();
		int files = DataFileItemReader.entries(input).size();
		for (int index = 0; index < files; index++) {
			StepExecution partition = this.jobRepository.getLastStepExecution(
					stepExecution.getJobExecution().getJobInstance(),
					ReportJobConfiguration.INGEST_FILE + ":" + DataFilePartitioner.name(index));
			if (partition != null && partition.getStatus() == BatchStatus.COMPLETED) {
				finished.add(partition.getExecutionContext());
			}
		}
		this.reader.stepStarting(input, finished);
	}

}
