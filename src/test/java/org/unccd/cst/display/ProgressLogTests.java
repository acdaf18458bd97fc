package org.unccd.cst.display;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unccd.cst.ChildJvm;
import org.unccd.cst.tools.InputGenerator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A run whose output is redirected to a file, as under cron or CI, logs its progress in
 * plain lines that name each figure; it draws no terminal line.
 */
class ProgressLogTests {

	private static final Pattern LINE = Pattern.compile("\\d\\d:\\d\\d:\\d\\d INFO  ingest: ([\\d,]+) rows, "
			+ "(\\d+)% of the input bytes, [\\d,]+ rows/s, (about \\d+ s left|estimating the time left)\n");

	@Test
	void redirectedRunLogsItsProgress(@TempDir Path dir) throws Exception {
		Path input = dir.resolve("in");
		InputGenerator.generate(Path.of("input"), input, 20_000, 2, 11);
		Path log = dir.resolve("run.log");
		// a line after every chunk, rather than every 10 s, so that a short run has
		// several
		int code = ChildJvm
			.start(List.of("-Xmx512m", "-Dcst.progress.interval=0s"), log, "--input=" + input,
					"--output=" + dir.resolve("out"), "--as-of=2019-06-30")
			.waitFor(Duration.ofMinutes(4));
		String text = java.nio.file.Files.readString(log);
		assertThat(code).as(text).isEqualTo(0);
		assertThat(text).doesNotContain("\r");
		String ingest = text.substring(text.indexOf("Step ingest started"), text.indexOf("Step ingest done"));
		Matcher lines = LINE.matcher(ingest);
		long lastRows = 0;
		int lastPercent = 0;
		int count = 0;
		while (lines.find()) {
			long rows = Long.parseLong(lines.group(1).replace(",", ""));
			int percent = Integer.parseInt(lines.group(2));
			assertThat(rows).isGreaterThan(lastRows);
			assertThat(percent).isBetween(lastPercent, 100);
			lastRows = rows;
			lastPercent = percent;
			count++;
		}
		// 40,003 records in chunks of 2,000: a line after each but the first
		assertThat(count).as(ingest).isGreaterThanOrEqualTo(15);
		assertThat(lastPercent).isGreaterThanOrEqualTo(90);
	}

}
