package org.unccd.cst.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;

import org.unccd.cst.distribute.DistributionList;
import org.unccd.cst.run.RunParameters;
import org.unccd.cst.service.ExitCode;
import org.unccd.cst.service.ReportService;
import org.unccd.cst.service.RunRequest;

/**
 * The command line: parses the options, checks the folders they name, and hands the run,
 * {@code --history} or {@code --diff} to the {@link ReportService}, whose
 * {@link ExitCode} it returns; {@code --schedule} hands over to {@link ScheduleCommand},
 * which asks the same service for each run.
 */
public final class Launcher {

	private final PrintStream out;

	private final PrintStream err;

	private final InputStream in;

	private final ReportService service;

	public Launcher(PrintStream out, PrintStream err, Class<?> application) {
		this(out, err, System.in, new ReportService(application, Map.of()));
	}

	private Launcher(PrintStream out, PrintStream err, InputStream in, ReportService service) {
		this.out = out;
		this.err = err;
		this.in = in;
		this.service = service;
	}

	/**
	 * The same launcher reading standard input (a password for --add-user) from
	 * {@code in}.
	 */
	public Launcher withInput(InputStream in) {
		return new Launcher(this.out, this.err, in, this.service);
	}

	/**
	 * A launcher whose Spring contexts have these properties, above those of
	 * {@code application.properties}.
	 */
	public Launcher withProperties(Map<String, ?> more) {
		return new Launcher(this.out, this.err, this.in, this.service.withProperties(more));
	}

	/** Runs a command line; the process's exit code. */
	public int run(String[] args) {
		return command(args).code();
	}

	private ExitCode command(String[] args) {
		if (ApproveCommand.handles(args) && !java.util.Arrays.asList(args).contains("--help")) {
			return new ApproveCommand(this.out, this.err, java.time.Clock.systemUTC()).run(args);
		}
		if (ConsoleCommand.handles(args) && !java.util.Arrays.asList(args).contains("--help")) {
			return new ConsoleCommand(this.out, this.err, this.in, this.service).run(args);
		}
		if (SubmissionCommand.handles(args) && !java.util.Arrays.asList(args).contains("--help")) {
			return new SubmissionCommand(this.out, this.err).run(args);
		}
		CommandLineOptions.Operations operations;
		CommandLineOptions.Command command;
		try {
			operations = CommandLineOptions.operations(args);
			command = CommandLineOptions.command(operations.runArgs(), LocalDate.now());
		}
		catch (CommandLineOptions.BadCommandLine ex) {
			return bad(ex.getMessage() + " (see --help)");
		}
		if (command == null) {
			this.out.print(CommandLineOptions.USAGE);
			this.out.print(ConsoleCommand.USAGE);
			this.out.print(SubmissionCommand.USAGE);
			return ExitCode.SUCCESS;
		}
		ConsoleListener listener = new ConsoleListener(this.out, this.err);
		RunParameters parameters = command.parameters();
		if (command.mode() != CommandLineOptions.Mode.RUN) {
			if (operations.schedule() || operations.distribute()) {
				return bad("--" + command.mode().name().toLowerCase(Locale.ROOT)
						+ " only reads the output folder: it takes no --schedule or --distribute (see --help)");
			}
			return (command.mode() == CommandLineOptions.Mode.HISTORY)
					? this.service.history(parameters.output(), listener)
					: this.service.diff(parameters.output(), listener);
		}
		if (!Files.isDirectory(parameters.input())) {
			return bad("--input: no folder " + parameters.input() + " (see --help)");
		}
		if (operations.distribute() && !Files.isRegularFile(parameters.input().resolve(DistributionList.FILE))) {
			return bad("--distribute: no file " + parameters.input().resolve(DistributionList.FILE)
					+ " (see README.md, Distribution)");
		}
		RunRequest request = new RunRequest(parameters.input(), parameters.output(),
				command.asOfGiven() ? parameters.asOf() : null, parameters.languages(), parameters.maxRejects(),
				parameters.force(), operations.distribute(), command.progress());
		if (operations.schedule()) {
			return ScheduleCommand.run(this.service, request, this.out, this.err);
		}
		return this.service.run(request, listener).exitCode();
	}

	private ExitCode bad(String message) {
		this.err.println("cst-reports: " + message);
		return ExitCode.BAD_COMMAND_LINE;
	}

}
