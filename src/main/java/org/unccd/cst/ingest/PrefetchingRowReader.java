package org.unccd.cst.ingest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import org.unccd.cst.model.Programme;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * Reads the records of the data files and checks them ({@link RowProcessor}) on a thread
 * of its own, a few batches ahead of the step, so that reading and checking go on while
 * the step writes. The step gets the rows in read order, and the state it saves is the
 * number of rows it got, so that a restarted step goes on from its last committed chunk
 * as with {@link DataFileItemReader}. What is read ahead is bounded: at most
 * {@value #QUEUED} batches of {@value #BATCH} rows wait.
 */
public class PrefetchingRowReader implements ItemStreamReader<IngestedRow> {

	static final int BATCH = 500;

	static final int QUEUED = 8;

	/** Put at the end of the rows. */
	private static final Object END = new Object();

	private final DataFileItemReader reader;

	private final RowProcessor processor;

	private BlockingQueue<Object> queue;

	private Thread thread;

	private volatile boolean stopped;

	private List<IngestedRow> batch = List.of();

	private int next;

	private boolean ended;

	private long handedOut;

	public PrefetchingRowReader(Path inputDir, Programme programme) {
		this(new DataFileItemReader(inputDir), new RowProcessor(inputDir, programme));
	}

	PrefetchingRowReader(DataFileItemReader reader, RowProcessor processor) {
		this.reader = reader;
		this.processor = processor;
	}

	@Override
	public void open(ExecutionContext executionContext) {
		this.reader.open(executionContext);
		this.handedOut = this.reader.recordsRead();
		this.queue = new ArrayBlockingQueue<>(QUEUED);
		this.stopped = false;
		this.ended = false;
		this.batch = List.of();
		this.next = 0;
		this.thread = Thread.ofPlatform().name("cst-read").daemon().start(this::readAhead);
	}

	private void readAhead() {
		List<IngestedRow> rows = new ArrayList<>(BATCH);
		Object last = END;
		try {
			RawRecord record;
			while (!this.stopped && (record = this.reader.read()) != null) {
				rows.add(this.processor.process(record));
				if (rows.size() == BATCH) {
					hand(rows);
					rows = new ArrayList<>(BATCH);
				}
			}
		}
		catch (Throwable ex) {
			// the rows before the failure go first, as if read one by one
			last = new Failure(ex);
		}
		if (!rows.isEmpty()) {
			hand(rows);
		}
		hand(last);
	}

	private void hand(Object item) {
		try {
			while (!this.stopped && !this.queue.offer(item, 100, TimeUnit.MILLISECONDS)) {
				// the step is writing: wait for room
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.stopped = true;
		}
	}

	@Override
	@SuppressWarnings("unchecked")
	public IngestedRow read() {
		while (this.next >= this.batch.size()) {
			if (this.ended) {
				return null;
			}
			Object item;
			try {
				item = this.queue.take();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new ItemStreamException("Interrupted while reading the data files", ex);
			}
			if (item == END) {
				this.ended = true;
				return null;
			}
			if (item instanceof Failure failure) {
				this.ended = true;
				throw failure.rethrown();
			}
			this.batch = (List<IngestedRow>) item;
			this.next = 0;
		}
		this.handedOut++;
		return this.batch.get(this.next++);
	}

	/** How many records the step got, those a resumed run skipped included. */
	public long recordsRead() {
		return this.handedOut;
	}

	/** How many bytes of the data files have been read, read-ahead included. */
	public long bytesRead() {
		return this.reader.bytesRead();
	}

	/** The size of all the data files, known when the reader is opened. */
	public long totalBytes() {
		return this.reader.totalBytes();
	}

	@Override
	public void update(ExecutionContext executionContext) {
		executionContext.putLong(DataFileItemReader.READ_COUNT, this.handedOut);
	}

	@Override
	public void close() {
		Thread reading = this.thread;
		if (reading != null) {
			this.stopped = true;
			reading.interrupt();
			try {
				reading.join();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			this.thread = null;
		}
		this.reader.close();
	}

	/** What stopped the reading thread, handed to the step in its place. */
	private record Failure(Throwable cause) {

		RuntimeException rethrown() {
			if (this.cause instanceof RuntimeException runtime) {
				return runtime;
			}
			if (this.cause instanceof Error error) {
				throw error;
			}
			return new ItemStreamException("Cannot read the data files", this.cause);
		}

	}

}
