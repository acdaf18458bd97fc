package org.unccd.cst.ingest;

import org.unccd.cst.run.RunContext;

import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * The reader of the ingest step: a new {@link PrefetchingRowReader} for each execution of
 * the step, made from the run's input folder and programme when the step starts. It is a
 * plain object rather than a step-scoped bean, so that each row is read without going
 * through a scoped proxy.
 */
public class IngestRowReader implements ItemStreamReader<IngestedRow>, StepExecutionListener {

	private volatile PrefetchingRowReader current;

	@Override
	public void beforeStep(StepExecution stepExecution) {
		RunContext run = RunContext.current();
		this.current = new PrefetchingRowReader(run.parameters().input(), run.programme());
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
