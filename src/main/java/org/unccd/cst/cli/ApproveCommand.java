package org.unccd.cst.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.unccd.cst.console.PublishedFiles;
import org.unccd.cst.publish.Approvals;
import org.unccd.cst.publish.OutputLock;
import org.unccd.cst.service.ExitCode;

/**
 * {@code --approve --by=NAME [--output=DIR]}: signs off the published set of each session
 * in the output folder, so that {@code --distribute} may send it.
 */
final class ApproveCommand {

	private final PrintStream out;

	private final PrintStream err;

	private final Clock clock;

	ApproveCommand(PrintStream out, PrintStream err, Clock clock) {
		this.out = out;
		this.err = err;
		this.clock = clock;
	}

	static boolean handles(String[] args) {
		return List.of(args).contains("--approve");
	}

	ExitCode run(String[] args) {
		String by = null;
		Path output = Path.of("output");
		for (String arg : args) {
			if (arg.equals("--approve")) {
				continue;
			}
			if (arg.startsWith("--by=") && by == null) {
				by = arg.substring(5).strip();
			}
			else if (arg.startsWith("--output=")) {
				output = Path.of(arg.substring(9));
			}
			else {
				return bad("--approve takes --by=NAME and --output=DIR, not " + arg);
			}
		}
		if (by == null || by.isEmpty() || by.length() > 100) {
			return bad("--approve needs --by=NAME: who approves the set");
		}
		output = output.toAbsolutePath().normalize();
		try {
			List<String> sessions = new PublishedFiles(output).sessions();
			if (sessions.isEmpty()) {
				this.err.println("cst-reports: no set is published in " + output + ": run first, then approve");
				return ExitCode.FAILED;
			}
			Optional<OutputLock> lock = OutputLock.tryAcquire(output);
			if (lock.isEmpty()) {
				this.err.println("cst-reports: the output folder " + output + " is busy: another run holds it ("
						+ OutputLock.holder(output) + "). Approve when it ends.");
				return ExitCode.BUSY;
			}
			try (OutputLock held = lock.get()) {
				for (String session : sessions) {
					boolean already = Approvals.publishedIsApproved(output, session);
					Approvals.Approval approval = Approvals.approve(output, session, by, this.clock);
					this.out.println((already ? "Already approved: " : "Approved: ") + "the set of " + session
							+ " as of " + approval.asOf() + ", by " + approval.by() + " on " + approval.at()
							+ " (manifest SHA-256 " + approval.manifestSha256() + ")");
				}
			}
			return ExitCode.SUCCESS;
		}
		catch (IOException ex) {
			this.err.println("cst-reports: cannot approve: " + ex.getMessage());
			return ExitCode.FAILED;
		}
	}

	private ExitCode bad(String message) {
		this.err.println("cst-reports: " + message + " (see --help)");
		return ExitCode.BAD_COMMAND_LINE;
	}

}
