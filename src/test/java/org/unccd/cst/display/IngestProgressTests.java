package org.unccd.cst.display;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.test.MetaDataInstanceFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The terminal display: redrawn in place at most every 200 ms, from the reader's
 * counters, and cleared when the step ends.
 */
class IngestProgressTests {

	final AtomicLong clock = new AtomicLong();

	final AtomicLong rows = new AtomicLong();

	final AtomicLong bytes = new AtomicLong();

	final ByteArrayOutputStream terminal = new ByteArrayOutputStream();

	IngestProgress progress(ProgressMode mode) {
		IngestProgress.Counters counters = new IngestProgress.Counters() {

			@Override
			public long rows() {
				return IngestProgressTests.this.rows.get();
			}

			@Override
			public long bytesRead() {
				return IngestProgressTests.this.bytes.get();
			}

			@Override
			public long totalBytes() {
				return 1_000_000;
			}

		};
		return new IngestProgress(mode, Duration.ofSeconds(10), counters,
				new PrintStream(this.terminal, true, StandardCharsets.UTF_8), this.clock::get);
	}

	void chunk(IngestProgress progress, long millis, long rows, long bytes) {
		this.clock.addAndGet(Duration.ofMillis(millis).toNanos());
		this.rows.addAndGet(rows);
		this.bytes.addAndGet(bytes);
		progress.chunkListener().afterChunk(new Chunk<>());
	}

	String drawn() {
		return this.terminal.toString(StandardCharsets.UTF_8);
	}

	@Test
	void barIsRedrawnInPlaceAtMostEvery200MillisecondsAndClearedAtTheEnd() {
		IngestProgress progress = progress(ProgressMode.BAR);
		StepExecution step = MetaDataInstanceFactory.createStepExecution("ingest", 1L);
		progress.beforeStep(step);
		// the first chunk is the starting point of the rates: nothing drawn
		chunk(progress, 100, 2_000, 10_000);
		assertThat(drawn()).isEmpty();
		// then a chunk of 2,000 rows and 10,000 bytes every 100 ms: drawn every 200 ms
		for (int i = 0; i < 11; i++) {
			chunk(progress, 100, 2_000, 10_000);
		}
		String estimating = "ingest [--------------------]   3%  6,000 rows  20,000 rows/s  estimating the time left";
		// 1 s after the start: 100,000 bytes a second, 890,000 bytes to go
		String last = "ingest [##------------------]  11%  22,000 rows  20,000 rows/s  about 9 s left";
		String before = "ingest [#-------------------]   9%  18,000 rows  20,000 rows/s  estimating the time left";
		assertThat(drawn().split("\r", -1)).containsExactly("", estimating,
				"ingest [#-------------------]   5%  10,000 rows  20,000 rows/s  estimating the time left",
				"ingest [#-------------------]   7%  14,000 rows  20,000 rows/s  estimating the time left", before,
				// padded over the longer line before it
				last + " ".repeat(before.length() - last.length()));
		progress.afterStep(step);
		assertThat(drawn()).endsWith("\r" + " ".repeat(last.length()) + "\r");
	}

	@Test
	void offDrawsNothing() {
		IngestProgress progress = progress(ProgressMode.OFF);
		StepExecution step = MetaDataInstanceFactory.createStepExecution("ingest", 1L);
		progress.beforeStep(step);
		for (int i = 0; i < 20; i++) {
			chunk(progress, 500, 2_000, 10_000);
		}
		progress.afterStep(step);
		assertThat(drawn()).isEmpty();
	}

	@Test
	void modesFromTheSetting() {
		assertThat(ProgressMode.of("bar")).isEqualTo(ProgressMode.BAR);
		assertThat(ProgressMode.of("LOG")).isEqualTo(ProgressMode.LOG);
		assertThat(ProgressMode.of("off")).isEqualTo(ProgressMode.OFF);
		// the tests' output is not a terminal
		assertThat(ProgressMode.of("auto")).isEqualTo(ProgressMode.LOG);
	}

}
