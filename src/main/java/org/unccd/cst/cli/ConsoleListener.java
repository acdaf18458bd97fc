package org.unccd.cst.cli;

import java.io.PrintStream;

import org.unccd.cst.service.RunListener;

/** Prints what a run says: progress and results on one stream, problems on the other. */
final class ConsoleListener implements RunListener {

	private final PrintStream out;

	private final PrintStream err;

	ConsoleListener(PrintStream out, PrintStream err) {
		this.out = out;
		this.err = err;
	}

	@Override
	public void info(String line) {
		this.out.println(line);
	}

	@Override
	public void problem(String line) {
		this.err.println("cst-reports: " + line);
	}

}
