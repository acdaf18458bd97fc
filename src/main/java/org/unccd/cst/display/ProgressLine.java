package org.unccd.cst.display;

import java.time.Duration;
import java.util.Locale;

/**
 * The text of the progress display: the line a terminal redraws in place, and the line
 * written to the log. The number of rows is not known before the end, so how far the step
 * has got and the time left are estimated from the bytes of the input files read so far.
 */
public final class ProgressLine {

	static final int BAR_WIDTH = 20;

	/**
	 * Below this much time, or before any byte moved, the rate is not worth an estimate.
	 */
	static final Duration MIN_ELAPSED = Duration.ofSeconds(1);

	private ProgressLine() {
	}

	/**
	 * Where a step stands.
	 *
	 * @param step the step's name
	 * @param rows the rows read so far (those a resumed run skipped included)
	 * @param bytesRead the bytes of the input files read so far
	 * @param totalBytes the size of all the input files
	 * @param elapsed the time since the step began in this process
	 * @param rowsSinceStart the rows read in that time
	 * @param bytesSinceStart the bytes read in that time
	 */
	public record Snapshot(String step, long rows, long bytesRead, long totalBytes, Duration elapsed,
			long rowsSinceStart, long bytesSinceStart) {

		/**
		 * How much of the input bytes is read, 0 to 100, or -1 when there is no input.
		 */
		public int percent() {
			if (this.totalBytes <= 0) {
				return -1;
			}
			return (int) Math.min(100, this.bytesRead * 100 / this.totalBytes);
		}

		/** Rows per second since the step began in this process. */
		public long rowsPerSecond() {
			long millis = this.elapsed.toMillis();
			return (millis > 0) ? this.rowsSinceStart * 1000 / millis : 0;
		}

		/**
		 * The time left at the rate the bytes have been read so far, or {@code null} when
		 * it is too early to say.
		 */
		public Duration timeLeft() {
			if (this.elapsed.compareTo(MIN_ELAPSED) < 0 || this.bytesSinceStart <= 0 || this.totalBytes <= 0) {
				return null;
			}
			long left = Math.max(0, this.totalBytes - this.bytesRead);
			double seconds = (double) left * this.elapsed.toNanos() / 1e9 / this.bytesSinceStart;
			return Duration.ofMillis(Math.round(seconds * 1000));
		}

	}

	/** The line a terminal redraws: step, bar, percent, rows, rate and time left. */
	public static String bar(Snapshot snapshot) {
		int percent = snapshot.percent();
		StringBuilder line = new StringBuilder(snapshot.step()).append(" [");
		int filled = (percent < 0) ? 0 : percent * BAR_WIDTH / 100;
		line.append("#".repeat(filled)).append("-".repeat(BAR_WIDTH - filled)).append("] ");
		line.append((percent < 0) ? "  ?" : String.format(Locale.ROOT, "%3d", percent)).append("%  ");
		line.append(count(snapshot.rows())).append(" rows  ");
		line.append(count(snapshot.rowsPerSecond())).append(" rows/s  ");
		line.append(left(snapshot.timeLeft()));
		return line.toString();
	}

	/** The line written to the log every so often when there is no terminal. */
	public static String log(Snapshot snapshot) {
		int percent = snapshot.percent();
		return snapshot.step() + ": " + count(snapshot.rows()) + " rows, "
				+ ((percent < 0) ? "no input bytes" : percent + "% of the input bytes") + ", "
				+ count(snapshot.rowsPerSecond()) + " rows/s, " + left(snapshot.timeLeft());
	}

	/** {@code about 1 min 20 s left}, or that it is too early to say. */
	static String left(Duration left) {
		if (left == null) {
			return "estimating the time left";
		}
		long seconds = Math.max(1, (left.toMillis() + 500) / 1000);
		if (seconds < 60) {
			return "about " + seconds + " s left";
		}
		if (seconds < 3600) {
			return "about " + (seconds / 60) + " min " + (seconds % 60) + " s left";
		}
		return "about " + (seconds / 3600) + " h " + ((seconds % 3600) / 60) + " min left";
	}

	static String count(long value) {
		return String.format(Locale.ROOT, "%,d", value);
	}

}
