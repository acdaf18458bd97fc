package org.unccd.cst.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.unccd.cst.CstReportsApplication;
import org.unccd.cst.PdfArchiveCheck;

/**
 * One run of the command line inside the test JVM, with what it printed. Every PDF a
 * successful run publishes is validated as PDF/A-2u before the test sees the result.
 *
 * @param exitCode the exit code the process would have had
 * @param out what it printed on standard output
 * @param err what it printed on standard error
 */
record CommandLineRun(int exitCode, String out, String err) {

	static CommandLineRun of(String... args) {
		return with(Map.of(), args);
	}

	/** A run whose Spring context has these properties above application.properties. */
	static CommandLineRun with(Map<String, ?> properties, String... args) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int code = new Launcher(new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8), CstReportsApplication.class)
			.withProperties(properties)
			.run(args);
		PdfArchiveCheck.assertPublishedConform(code, args);
		return new CommandLineRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
	}

}
