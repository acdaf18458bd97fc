package org.unccd.cst.programme;

/**
 * A programme file that cannot be used, with the place and the problem an officer can
 * fix.
 */
public class ProgrammeException extends RuntimeException {

	private final String file;

	private final int line;

	private final String problem;

	public ProgrammeException(String file, int line, String problem) {
		super(file + ((line > 0) ? ":" + line : "") + ": " + problem);
		this.file = file;
		this.line = line;
		this.problem = problem;
	}

	public String file() {
		return this.file;
	}

	public int line() {
		return this.line;
	}

	public String problem() {
		return this.problem;
	}

}
