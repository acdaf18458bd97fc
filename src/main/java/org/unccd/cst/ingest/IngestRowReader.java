package org.unccd.cst.ingest;

import java.nio.file.Path;
import java.util.function.Function;

import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * The reader of the ingest step: a new {@link PrefetchingRowReader} for each execution of
 * the step, made from the job's input folder when the step starts. It is a plain object
 * rather than a step-scoped bean, so that each row is read without going through a scoped
 * proxy.
 */
public class IngestRowReader implements ItemStreamReader<IngestedRow>, StepExecutionListener {

	private final Function<JobParameters, Path> inputDir;

	private volatile PrefetchingRowReader current;

	/**
	 * A reader for every execution of the ingest step.
	 * @param inputDir the input folder of a job's parameters
	 */
	public IngestRowReader(Function<JobParameters, Path> inputDir) {
		this.inputDir = inputDir;
	}

	@Override
	public void beforeStep(StepExecution stepExecution) {
		this.current = new PrefetchingRowReader(this.inputDir.apply(stepExecution.getJobParameters()));
	}

	@Override
	public void open(ExecutionContext executionContext) {
		this.current.open(executionContext);
	}

	@Override
	public IngestedRow read() {
		return this.current.read();
	}

	@Override
	public void update(ExecutionContext executionContext) {
		this.current.update(executionContext);
	}

	@Override
	public void close() {
		PrefetchingRowReader reader = this.current;
		if (reader != null) {
			reader.close();
		}
	}

	/** How many records the running step got, those a resumed run skipped included. */
	public long recordsRead() {
		PrefetchingRowReader reader = this.current;
		return (reader != null) ? reader.recordsRead() : 0;
	}

	/** How many bytes of the data files the running step has read. */
	public long bytesRead() {
		PrefetchingRowReader reader = this.current;
		return (reader != null) ? reader.bytesRead() : 0;
	}

	/** The size of all the data files of the running step. */
	public long totalBytes() {
		PrefetchingRowReader reader = this.current;
		return (reader != null) ? reader.totalBytes() : 0;
	}

}
