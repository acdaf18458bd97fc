package org.unccd.cst.display;

import java.io.PrintStream;
import java.time.Duration;
import java.util.function.LongSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.ChunkListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;

/**
 * Shows how far the ingest step has got, after each chunk: a line redrawn in place on a
 * terminal, or a log line every so often. It reads three counters of the reader and the
 * clock, and draws at most a few times a second, so it costs nothing measurable.
 */
public class IngestProgress implements StepExecutionListener {

	private static final Logger log = LoggerFactory.getLogger(IngestProgress.class);

	/** A terminal line is redrawn at most this often. */
	static final Duration BAR_INTERVAL = Duration.ofMillis(200);

	/** Where the reader stands. */
	public interface Counters {

		/** The records read so far. */
		long rows();

		/** The bytes of the input files read so far. */
		long bytesRead();

		/** The size of all the input files. */
		long totalBytes();

	}

	private final ProgressMode mode;

	private final Duration interval;

	private final Counters counters;

	private final PrintStream terminal;

	private final LongSupplier nanoTime;

	private String step;

	private long startNanos;

	private long lastNanos;

	private long startRows = -1;

	private long startBytes;

	private int drawnLength;

	/**
	 * A display.
	 * @param mode bar, log or off
	 * @param interval how often a log line is written (a bar is redrawn every 200 ms)
	 * @param counters the reader's counters
	 * @param terminal where a bar is drawn
	 * @param nanoTime the clock
	 */
	public IngestProgress(ProgressMode mode, Duration interval, Counters counters, PrintStream terminal,
			LongSupplier nanoTime) {
		this.mode = mode;
		this.interval = (mode == ProgressMode.BAR) ? BAR_INTERVAL : interval;
		this.counters = counters;
		this.terminal = terminal;
		this.nanoTime = nanoTime;
	}

	/** The listener to register on the chunk-oriented step. */
	public ChunkListener<Object, Object> chunkListener() {
		return new ChunkListener<>() {

			@Override
			public void afterChunk(Chunk<Object> chunk) {
				chunkDone();
			}

		};
	}

	@Override
	public void beforeStep(StepExecution stepExecution) {
		this.step = stepExecution.getStepName();
		this.startNanos = this.nanoTime.getAsLong();
		this.lastNanos = this.startNanos;
		this.startRows = -1;
		this.drawnLength = 0;
	}

	synchronized void chunkDone() {
		if (this.mode == ProgressMode.OFF) {
			return;
		}
		long now = this.nanoTime.getAsLong();
		if (this.startRows < 0) {
			// rates are measured from the end of the first chunk: a resumed run reads
			// the rows it skips when the reader opens, which would count as fast rows
			this.startRows = this.counters.rows();
			this.startBytes = this.counters.bytesRead();
			this.startNanos = now;
			this.lastNanos = now;
			return;
		}
		if (now - this.lastNanos < this.interval.toNanos()) {
			return;
		}
		this.lastNanos = now;
		ProgressLine.Snapshot snapshot = snapshot(now);
		if (this.mode == ProgressMode.BAR) {
			draw(ProgressLine.bar(snapshot));
		}
		else {
			log.info(ProgressLine.log(snapshot));
		}
	}

	ProgressLine.Snapshot snapshot(long now) {
		long rows = this.counters.rows();
		long bytes = this.counters.bytesRead();
		return new ProgressLine.Snapshot(this.step, rows, bytes, this.counters.totalBytes(),
				Duration.ofNanos(now - this.startNanos), rows - this.startRows, bytes - this.startBytes);
	}

	private void draw(String line) {
		int pad = Math.max(0, this.drawnLength - line.length());
		this.terminal.print("\r" + line + " ".repeat(pad));
		this.terminal.flush();
		this.drawnLength = line.length();
	}

	@Override
	public ExitStatus afterStep(StepExecution stepExecution) {
		if (this.drawnLength > 0) {
			// leave the line empty for the step's own log line
			this.terminal.print("\r" + " ".repeat(this.drawnLength) + "\r");
			this.terminal.flush();
			this.drawnLength = 0;
		}
		return null;
	}

}
