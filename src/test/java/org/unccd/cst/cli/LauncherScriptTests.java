package org.unccd.cst.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unccd.cst.TestInputs;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code bin/cst-reports}, the README's command, and the JVM options a user gives it in
 * {@code CST_REPORTS_JAVA_OPTS}. (The other end-to-end tests start their runs through it
 * too, see {@code ChildJvm}.)
 */
class LauncherScriptTests {

	@TempDir
	Path dir;

	@Test
	void aQuotedValueReachesTheJvmWholeWithItsSpacesAndStars() throws Exception {
		Path input = TestInputs.write(this.dir.resolve("in"));
		// files a * would match, were the options expanded as file names
		Files.writeString(this.dir.resolve("a-file"), "");
		Launched run = launch("-Xmx256m -Dcst.schedule.cron='0 0 25 * * *'", "--schedule", "--input=" + input,
				"--output=" + this.dir.resolve("out"));
		assertThat(run.exitCode()).as(run.output()).isEqualTo(2);
		assertThat(run.output()).contains("cst.schedule.cron=\"0 0 25 * * *\" is not a cron expression");
	}

	@Test
	void optionsThatCannotBeSplitAreRefusedWithAMessage() throws Exception {
		Launched run = launch("-Xmx256m -Dcst.schedule.cron='0 0 2 * * *", "--help");
		assertThat(run.exitCode()).isEqualTo(2);
		assertThat(run.output())
			.isEqualTo("cst-reports: CST_REPORTS_JAVA_OPTS cannot be split into options (unmatched single quote); "
					+ "quote a value with spaces in ' or \"\n");
	}

	private Launched launch(String javaOptions, String... args) throws Exception {
		String[] command = new String[args.length + 1];
		command[0] = Path.of("bin/cst-reports").toAbsolutePath().toString();
		System.arraycopy(args, 0, command, 1, args.length);
		ProcessBuilder builder = new ProcessBuilder(command).directory(this.dir.toFile()).redirectErrorStream(true);
		builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
		builder.environment().put("CST_REPORTS_JAVA_OPTS", javaOptions);
		Process process = builder.start();
		byte[] output = process.getInputStream().readAllBytes();
		assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
		return new Launched(process.exitValue(), new String(output, StandardCharsets.UTF_8));
	}

	private record Launched(int exitCode, String output) {
	}

}
