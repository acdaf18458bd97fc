package org.unccd.cst.reliability;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unccd.cst.ChildJvm;
import org.unccd.cst.tools.InputGenerator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A run killed with SIGKILL in the middle of ingestion resumes when the same command runs
 * again, and publishes the same bytes as a run that was never interrupted.
 */
class ResumeAfterKillTests {

	@Test
	void killedRunResumesToTheSameBytes(@TempDir Path dir) throws Exception {
		Path input = dir.resolve("in");
		InputGenerator.generate(Path.of("input"), input, 100_000, 3, 7);
		String[] common = { "--input=" + input, "--as-of=2019-06-30", "--lang=en,zh" };

		Path killedOut = dir.resolve("killed");
		ChildJvm first = ChildJvm.start(jvmOptions(), dir.resolve("first.log"), with(common, "--output=" + killedOut));
		assertThat(first.awaitLog("Step ingest started", Duration.ofMinutes(2))).as("ingestion started").isTrue();
		Thread.sleep(500);
		first.kill();
		assertThat(killedOut.resolve("CST14")).doesNotExist();

		int resumed = ChildJvm.run(jvmOptions(), dir.resolve("second.log"), with(common, "--output=" + killedOut));
		String log = Files.readString(dir.resolve("second.log"));
		assertThat(resumed).as(log).isEqualTo(0);
		assertThat(log).contains("was interrupted; recovering it", "Resuming the run of execution");

		Path cleanOut = dir.resolve("clean");
		assertThat(ChildJvm.run(jvmOptions(), dir.resolve("clean.log"), with(common, "--output=" + cleanOut)))
			.isEqualTo(0);
		for (String file : files(cleanOut.resolve("CST14"))) {
			assertThat(Files.readAllBytes(killedOut.resolve("CST14").resolve(file))).as(file)
				.isEqualTo(Files.readAllBytes(cleanOut.resolve("CST14").resolve(file)));
		}
		assertThat(files(killedOut.resolve("CST14"))).isEqualTo(files(cleanOut.resolve("CST14")));
	}

	/** The options of the child JVMs: a heap limit. */
	List<String> jvmOptions() {
		return List.of("-Xmx512m");
	}

	private static List<String> files(Path dir) throws Exception {
		try (Stream<Path> list = Files.list(dir)) {
			return list.map((path) -> path.getFileName().toString()).sorted().toList();
		}
	}

	private static String[] with(String[] common, String extra) {
		String[] all = java.util.Arrays.copyOf(common, common.length + 1);
		all[common.length] = extra;
		return all;
	}

}
