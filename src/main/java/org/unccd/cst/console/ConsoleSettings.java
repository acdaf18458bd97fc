package org.unccd.cst.console;

import java.nio.file.Path;

import org.unccd.cst.history.RunHistory;

/**
 * What the console serves.
 *
 * @param input the input folder its runs read
 * @param output the output folder its runs publish into
 * @param users the users file
 * @param schedule whether it also runs the nightly schedule
 */
public record ConsoleSettings(Path input, Path output, Path users, boolean schedule) {

	public ConsoleSettings {
		input = input.toAbsolutePath().normalize();
		output = output.toAbsolutePath().normalize();
		users = users.toAbsolutePath().normalize();
	}

	/** A recorded run without the server's folders in it. */
	RunHistory.Run withoutPaths(RunHistory.Run run) {
		return new RunHistory.Run(run.id(), run.started(), run.ended(), run.asOf(), run.outcome(), run.rowsRead(),
				run.rowsRejected(), run.session(), run.files(), run.replaced(),
				(run.reason() != null) ? withoutPaths(run.reason()) : null, run.resumed());
	}

	/** A line of a run without the server's folders in it. */
	String withoutPaths(String line) {
		return line.replace(this.output.toString(), "OUTPUT").replace(this.input.toString(), "INPUT");
	}

}
