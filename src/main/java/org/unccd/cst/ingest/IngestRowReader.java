package org.unccd.cst.ingest;

import java.nio.file.Path;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.unccd.cst.run.RunContext;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * The reader of the ingest step's partitions: for each partition (a data file, named in
 * its execution context by {@link DataFilePartitioner}), a new
 * {@link PrefetchingRowReader} made from the run's input folder and programme when the
 * partition starts, kept for the thread that runs it. It is a plain object rather than a
 * step-scoped bean, so that each row is read without going through a scoped proxy.
 * <p>
 * Its counters are those of the whole step, for its progress: the rows and bytes of the
 * partitions this execution of the step reads, and of those an earlier execution
 * finished.
 */
public class IngestRowReader implements ItemStreamReader<IngestedRow>, StepExecutionListener {

	private final ThreadLocal<PrefetchingRowReader> current = new ThreadLocal<>();

	private final Queue<PrefetchingRowReader> readers = new ConcurrentLinkedQueue<>();

	private volatile long totalBytes;

	private volatile long doneRows;

	private volatile long doneBytes;

	/**
	 * The step starts: its counters start from what the finished partitions of an earlier
	 * execution read.
	 * @param finished the execution contexts of those partitions
	 */
	public void stepStarting(Path inputDir, List<ExecutionContext> finished) {
		this.readers.clear();
		long rows = 0;
		long bytes = 0;
		for (ExecutionContext context : finished) {
			rows += context.getLong(DataFileItemReader.READ_COUNT, 0L);
			if (context.containsKey(DataFilePartitioner.FILE)) {
				bytes += Path.of(context.getString(DataFilePartitioner.FILE)).toFile().length();
			}
		}
		this.totalBytes = DataFileItemReader.dataBytes(inputDir);
		this.doneRows = rows;
		this.doneBytes = bytes;
	}

	@Override
	public void beforeStep(StepExecution stepExecution) {
		RunContext run = RunContext.current();
		Path input = run.parameters().input();
		// by the partition's name: the inputs of a resumed run are those it started on
		int index = DataFilePartitioner.index(stepExecution.getStepName());
		Path file = DataFileItemReader.entries(input).get(index);
		PrefetchingRowReader reader = new PrefetchingRowReader(DataFileItemReader.ofFile(input, file, index),
				new RowProcessor(input, run.programme()));
		this.current.set(reader);
		this.readers.add(reader);
	}

	@Override
	public ExitStatus afterStep(StepExecution stepExecution) {
		this.current.remove();
		return null;
	}

	@Override
	public void open(ExecutionContext executionContext) {
		this.current.get().open(executionContext);
	}

	@Override
	public IngestedRow read() {
		return this.current.get().read();
	}

	@Override
	public void update(ExecutionContext executionContext) {
		this.current.get().update(executionContext);
	}

	@Override
	public void close() {
		PrefetchingRowReader reader = this.current.get();
		if (reader != null) {
			reader.close();
		}
	}

	/** How many records the step got, those a resumed run skipped included. */
	public long recordsRead() {
		long rows = this.doneRows;
		for (PrefetchingRowReader reader : this.readers) {
			rows += reader.recordsRead();
		}
		return rows;
	}

	/** How many bytes of the data files the step has read. */
	public long bytesRead() {
		long bytes = this.doneBytes;
		for (PrefetchingRowReader reader : this.readers) {
			bytes += reader.bytesRead();
		}
		return bytes;
	}

	/** The size of all the data files of the running step. */
	public long totalBytes() {
		return this.totalBytes;
	}

}
