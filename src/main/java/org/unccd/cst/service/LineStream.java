package org.unccd.cst.service;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * A print stream that hands each line written to it to a {@link RunListener}, for the
 * parts of a run that still print (the distribution).
 */
final class LineStream extends ByteArrayOutputStream {

	private static final String PROGRAM = "cst-reports: ";

	private final Consumer<String> lines;

	private LineStream(Consumer<String> lines) {
		this.lines = lines;
	}

	/** A stream whose lines are {@link RunListener#info(String)}. */
	static PrintStream info(RunListener listener) {
		return new PrintStream(new LineStream(listener::info), true, StandardCharsets.UTF_8);
	}

	/**
	 * A stream whose lines are {@link RunListener#problem(String)}, without the program's
	 * name they were printed with.
	 */
	static PrintStream problems(RunListener listener) {
		return new PrintStream(
				new LineStream(
						(line) -> listener.problem(line.startsWith(PROGRAM) ? line.substring(PROGRAM.length()) : line)),
				true, StandardCharsets.UTF_8);
	}

	@Override
	public synchronized void write(int b) {
		if (b == '\n') {
			emit();
		}
		else {
			super.write(b);
		}
	}

	@Override
	public synchronized void write(byte[] bytes, int offset, int length) {
		for (int i = offset; i < offset + length; i++) {
			write(bytes[i]);
		}
	}

	@Override
	public synchronized void close() {
		if (size() > 0) {
			emit();
		}
	}

	private void emit() {
		String line = toString(StandardCharsets.UTF_8);
		reset();
		this.lines.accept(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
	}

}
