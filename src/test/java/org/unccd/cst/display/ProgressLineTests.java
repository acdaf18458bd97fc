package org.unccd.cst.display;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The progress lines: what the terminal bar and the log line say, and the estimate of the
 * time left from the bytes read.
 */
class ProgressLineTests {

	private static final long MB = 1_000_000;

	@Test
	void barShowsStepBarPercentRowsRateAndTimeLeft() {
		// 48 % of the bytes in 20 s: the other 52 % take 52/48 * 20 = 21.7 s
		ProgressLine.Snapshot snapshot = new ProgressLine.Snapshot("ingest", 1_200_000, 48 * MB, 100 * MB,
				Duration.ofSeconds(20), 1_200_000, 48 * MB);
		assertThat(ProgressLine.bar(snapshot))
			.isEqualTo("ingest [#########-----------]  48%  1,200,000 rows  60,000 rows/s  about 22 s left");
	}

	@Test
	void logLineNamesEachFigure() {
		ProgressLine.Snapshot snapshot = new ProgressLine.Snapshot("ingest", 1_200_000, 48 * MB, 100 * MB,
				Duration.ofSeconds(20), 1_200_000, 48 * MB);
		assertThat(ProgressLine.log(snapshot))
			.isEqualTo("ingest: 1,200,000 rows, 48% of the input bytes, 60,000 rows/s, about 22 s left");
	}

	@Test
	void aResumedRunMeasuresItsRateFromWhereItResumed() {
		// 1,000,000 rows were skipped at 40 % of the bytes; 250,000 more rows and 10 % in
		// 10 s: the last 50 % take 50 s
		ProgressLine.Snapshot snapshot = new ProgressLine.Snapshot("ingest", 1_250_000, 50 * MB, 100 * MB,
				Duration.ofSeconds(10), 250_000, 10 * MB);
		assertThat(ProgressLine.bar(snapshot))
			.isEqualTo("ingest [##########----------]  50%  1,250,000 rows  25,000 rows/s  about 50 s left");
	}

	@Test
	void tooEarlyForAnEstimate() {
		ProgressLine.Snapshot snapshot = new ProgressLine.Snapshot("ingest", 2_000, 1 * MB, 100 * MB,
				Duration.ofMillis(400), 2_000, 1 * MB);
		assertThat(ProgressLine.bar(snapshot))
			.isEqualTo("ingest [--------------------]   1%  2,000 rows  5,000 rows/s  estimating the time left");
	}

	@Test
	void noInputBytes() {
		ProgressLine.Snapshot snapshot = new ProgressLine.Snapshot("ingest", 0, 0, 0, Duration.ofSeconds(2), 0, 0);
		assertThat(ProgressLine.bar(snapshot))
			.isEqualTo("ingest [--------------------]   ?%  0 rows  0 rows/s  estimating the time left");
		assertThat(ProgressLine.log(snapshot))
			.isEqualTo("ingest: 0 rows, no input bytes, 0 rows/s, estimating the time left");
	}

	@Test
	void timeLeftInSecondsMinutesAndHours() {
		assertThat(ProgressLine.left(Duration.ofMillis(300))).isEqualTo("about 1 s left");
		assertThat(ProgressLine.left(Duration.ofSeconds(59))).isEqualTo("about 59 s left");
		assertThat(ProgressLine.left(Duration.ofSeconds(200))).isEqualTo("about 3 min 20 s left");
		assertThat(ProgressLine.left(Duration.ofSeconds(3 * 3600 + 5 * 60 + 9))).isEqualTo("about 3 h 5 min left");
	}

	@Test
	void aFullBarAtTheEnd() {
		ProgressLine.Snapshot snapshot = new ProgressLine.Snapshot("ingest", 4_000_000, 100 * MB, 100 * MB,
				Duration.ofSeconds(80), 4_000_000, 100 * MB);
		assertThat(ProgressLine.bar(snapshot))
			.isEqualTo("ingest [####################] 100%  4,000,000 rows  50,000 rows/s  about 1 s left");
	}

}
