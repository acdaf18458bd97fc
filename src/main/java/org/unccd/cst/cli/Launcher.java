package org.unccd.cst.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.unccd.cst.distribute.DistributionList;
import org.unccd.cst.distribute.Distributor;
import org.unccd.cst.history.RunHistory;
import org.unccd.cst.history.SummaryDiff;
import org.unccd.cst.job.JsonFiles;
import org.unccd.cst.job.PostgresSchema;
import org.unccd.cst.job.ReportRunner;
import org.unccd.cst.job.RunParameters;
import org.unccd.cst.model.CutOff;
import org.unccd.cst.job.WarmUp;
import org.unccd.cst.model.Programme;
import org.unccd.cst.programme.ProgrammeException;
import org.unccd.cst.programme.ProgrammeLoader;
import org.unccd.cst.publish.Manifest;
import org.unccd.cst.publish.OutputLock;
import org.unccd.cst.publish.Publisher;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/**
 * One run from the command line: parse the options, take the output folder's lock, check
 * the programme, skip the work when the published outputs are current, else start the
 * Spring Batch job, and return the contract's exit code. With {@code --distribute}, the
 * published set is then sent to the recipients; {@code --schedule} hands over to
 * {@link ScheduleCommand}, which calls back for each run.
 */
public final class Launcher {

	public static final int SUCCESS = 0;

	public static final int FAILED = 1;

	public static final int BAD_COMMAND_LINE = 2;

	public static final int SUCCESS_WITH_REJECTS = 3;

	public static final int BUSY = 4;

	public static final int DELIVERY_FAILED = 5;

	private final PrintStream out;

	private final PrintStream err;

	private final Class<?> application;

	private final Map<String, Object> properties;

	public Launcher(PrintStream out, PrintStream err, Class<?> application) {
		this(out, err, application, Map.of());
	}

	private Launcher(PrintStream out, PrintStream err, Class<?> application, Map<String, Object> properties) {
		this.out = out;
		this.err = err;
		this.application = application;
		this.properties = properties;
	}

	/**
	 * A launcher whose Spring contexts have these properties, above those of
	 * {@code application.properties}.
	 */
	public Launcher withProperties(Map<String, ?> more) {
		Map<String, Object> all = new LinkedHashMap<>(this.properties);
		all.putAll(more);
		return new Launcher(this.out, this.err, this.application, Map.copyOf(all));
	}

	public int run(String[] args) {
		CommandLineOptions.Operations operations;
		CommandLineOptions.Command command;
		try {
			operations = CommandLineOptions.operations(args);
			command = CommandLineOptions.command(operations.runArgs(), LocalDate.now());
		}
		catch (CommandLineOptions.BadCommandLine ex) {
			this.err.println("cst-reports: " + ex.getMessage() + " (see --help)");
			return BAD_COMMAND_LINE;
		}
		if (command == null) {
			this.out.print(CommandLineOptions.USAGE);
			return SUCCESS;
		}
		RunParameters parameters = command.parameters();
		if (command.mode() != CommandLineOptions.Mode.RUN) {
			if (operations.schedule() || operations.distribute()) {
				this.err.println("cst-reports: --" + command.mode().name().toLowerCase(java.util.Locale.ROOT)
						+ " only reads the output folder: it takes no --schedule or --distribute (see --help)");
				return BAD_COMMAND_LINE;
			}
			return (command.mode() == CommandLineOptions.Mode.HISTORY) ? history(parameters.output())
					: diff(parameters.output());
		}
		if (!Files.isDirectory(parameters.input())) {
			this.err.println("cst-reports: --input: no folder " + parameters.input() + " (see --help)");
			return BAD_COMMAND_LINE;
		}
		if (operations.distribute() && !Files.isRegularFile(parameters.input().resolve(DistributionList.FILE))) {
			this.err.println("cst-reports: --distribute: no file " + parameters.input().resolve(DistributionList.FILE)
					+ " (see README.md, Distribution)");
			return BAD_COMMAND_LINE;
		}
		if (operations.schedule()) {
			return ScheduleCommand.run(this, parameters, operations, this.out, this.err);
		}
		try {
			Optional<OutputLock> lock = OutputLock.tryAcquire(parameters.output());
			if (lock.isEmpty()) {
				this.err.println(
						"cst-reports: the output folder " + parameters.output() + " is busy: another run holds it ("
								+ OutputLock.holder(parameters.output()) + "). Wait for it to finish.");
				return BUSY;
			}
			try (OutputLock held = lock.get()) {
				return runLocked(command.asOfGiven() ? parameters : cappedAtSession(parameters),
						operations.distribute(), command.progress());
			}
		}
		catch (ProgrammeException ex) {
			this.err.println("cst-reports: " + ex.getMessage() + "; nothing was published");
			return FAILED;
		}
		catch (Exception ex) {
			Throwable root = ex;
			boolean database = false;
			boolean postgres = false;
			for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
				if (cause instanceof PostgresSchema.SchemaInUseException) {
					this.err.println("cst-reports: " + cause.getMessage() + ". Wait for it to finish.");
					return BUSY;
				}
				database |= cause.getClass().getName().startsWith("org.h2.");
				postgres |= cause.getClass().getName().startsWith("org.postgresql.");
				root = cause;
			}
			String hint = database ? " (if the job database in " + parameters.workDir().resolve("db")
					+ " is damaged, delete that folder: the next run starts afresh)" : "";
			hint = postgres ? " (check CST_DB_URL, CST_DB_USERNAME, CST_DB_PASSWORD and the PostgreSQL server)" : hint;
			this.err.println("cst-reports: the run failed: " + root.getMessage() + hint + "; nothing was published");
			return FAILED;
		}
	}

	/**
	 * A run given no --as-of reports as of today, or as of the session's opening day when
	 * the programme gives one that has passed.
	 */
	private RunParameters cappedAtSession(RunParameters parameters) {
		LocalDate asOf = CutOff.defaultAsOf(ProgrammeLoader.load(parameters.input()), parameters.asOf());
		if (asOf.equals(parameters.asOf())) {
			return parameters;
		}
		this.out
			.println("Reporting as of " + asOf + ", the day the session opens (give --as-of to choose another date).");
		return new RunParameters(parameters.input(), parameters.output(), asOf, parameters.languages(),
				parameters.maxRejects(), parameters.force());
	}

	private int runLocked(RunParameters parameters, boolean distribute, String progress) throws Exception {
		Programme programme = ProgrammeLoader.load(parameters.input());
		Publisher.recover(parameters.output(), programme.session());
		List<Manifest.FileEntry> inputs = Manifest.inputs(parameters.input());
		String digest = Manifest.digest(inputs);
		boolean current = !parameters.force() && isCurrent(parameters, programme.session(), digest);
		if (current) {
			this.out.println("The published outputs in " + parameters.output().resolve(programme.session())
					+ " are current (same inputs and parameters); nothing to do. Use --force to regenerate.");
			if (!distribute) {
				return SUCCESS;
			}
		}
		try (ConfigurableApplicationContext context = context(parameters, progress, !current)) {
			int code = SUCCESS;
			if (!current) {
				// the first step writes JSON; reading a workbook uses the libraries the
				// warm-up initializes: the run waits for those it needs at once
				if (inputs.stream().anyMatch((entry) -> entry.file().toLowerCase(Locale.ROOT).endsWith(".xlsx"))) {
					WarmUp.await();
				}
				else {
					WarmUp.awaitJson();
				}
				ReportRunner.Result result = context.getBean(ReportRunner.class)
					.run(parameters, programme.session(), digest);
				PrintStream stream = (result.exitCode() == FAILED) ? this.err : this.out;
				result.messages()
					.forEach((message) -> stream
						.println(((result.exitCode() == FAILED) ? "cst-reports: " : "") + message));
				code = result.exitCode();
			}
			if (distribute && (code == SUCCESS || code == SUCCESS_WITH_REJECTS)) {
				code = context.getBean(Distributor.class)
					.distribute(parameters, programme.session(), code, this.out, this.err);
			}
			int exitCode = code;
			return SpringApplication.exit(context, () -> exitCode);
		}
	}

	/**
	 * The Spring context of a run. With {@code warmUp}, the libraries of the later steps
	 * are got ready on another thread ({@link WarmUp}) while the context starts, from the
	 * moment logging is set up, so that nothing they log escapes its settings.
	 */
	private ConfigurableApplicationContext context(RunParameters parameters, String progress, boolean warmUp) {
		List<String> args = new java.util.ArrayList<>(List.of(contextArgs()));
		if (progress != null) {
			// as a command-line property, --progress wins over cst.progress set elsewhere
			args.add("--cst.progress=" + progress);
		}
		// defaults: a database URL configured elsewhere (the postgres profile) wins over
		// the
		// H2 file
		SpringApplicationBuilder builder = new SpringApplicationBuilder(this.application)
			.properties(Map.of("spring.datasource.url", databaseUrl(parameters.output()), "cst.output-folder",
					parameters.output().toAbsolutePath().toString()));
		if (warmUp) {
			builder.listeners((ApplicationEvent event) -> {
				if (event instanceof ApplicationEnvironmentPreparedEvent) {
					WarmUp.start();
				}
			});
		}
		return builder.run(args.toArray(String[]::new));
	}

	/**
	 * The extra properties as command-line arguments of a Spring context, where they rank
	 * above {@code application.properties}.
	 */
	String[] contextArgs() {
		return this.properties.entrySet()
			.stream()
			.map((property) -> "--" + property.getKey() + "=" + property.getValue())
			.toArray(String[]::new);
	}

	/** {@code --history}: the past runs of the output folder, newest first. */
	private int history(Path output) {
		try {
			Optional<List<RunHistory.Run>> runs = readHistory(output);
			if (runs.isEmpty() || runs.get().isEmpty()) {
				this.out.println("No runs recorded in " + output
						+ (runs.isEmpty() ? " (it has no job database yet)" : "") + ".");
			}
			else {
				this.out.println("Runs recorded in " + output + ", newest first:");
				this.out.println();
				this.out.print(RunHistory.table(runs.get()));
			}
			return SUCCESS;
		}
		catch (RunHistory.BusyException ex) {
			this.err.println("cst-reports: the output folder " + output + " is busy: a run is in progress ("
					+ ex.getMessage() + "), and its job database can be read only when it ends. Try again then.");
			return BUSY;
		}
		catch (Exception ex) {
			this.err.println("cst-reports: cannot read the history of " + output + ": " + ReportRunner.rootMessage(ex));
			return FAILED;
		}
	}

	/**
	 * The runs of the output folder, from the job repository the runs use: the H2 file,
	 * or the folder's schema in PostgreSQL under the {@code postgres} profile.
	 */
	private Optional<List<RunHistory.Run>> readHistory(Path output) throws Exception {
		Environment environment = settings(Map.of("cst.output-folder", output.toAbsolutePath().toString()));
		if (!environment.matchesProfiles("postgres")) {
			return RunHistory.read(output);
		}
		String schema = environment.getProperty("cst.database.schema", "");
		return RunHistory.readPostgres(environment.getRequiredProperty("spring.datasource.url"),
				environment.getProperty("spring.datasource.username", ""),
				environment.getProperty("spring.datasource.password", ""),
				schema.isEmpty() ? PostgresSchema.schemaFor(output) : schema);
	}

	/**
	 * The settings of a run without running one: application.properties, the active
	 * profiles, environment variables and system properties, over {@code defaults}.
	 */
	Environment settings(Map<String, ?> defaults) {
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(SettingsOnly.class)
			.registerShutdownHook(false)
			.properties(Map.copyOf(defaults))
			.run(contextArgs())) {
			return context.getEnvironment();
		}
	}

	/** An empty context: only its environment is read. */
	static final class SettingsOnly {

	}

	/** {@code --diff}: what changed between the last two published summaries. */
	private int diff(Path output) {
		try {
			this.out.print(SummaryDiff.report(output));
			return SUCCESS;
		}
		catch (Exception ex) {
			this.err.println(
					"cst-reports: cannot compare the summaries in " + output + ": " + ReportRunner.rootMessage(ex));
			return FAILED;
		}
	}

	static String databaseUrl(Path output) {
		Path db = output.resolve(".cst-reports").resolve("db").resolve("jobs");
		return "jdbc:h2:file:" + db.toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE";
	}

	/**
	 * Whether the published set was made from these inputs with these parameters, and is
	 * whole.
	 */
	static boolean isCurrent(RunParameters parameters, String session, String digest) throws IOException {
		Path dir = parameters.output().resolve(session);
		Path file = dir.resolve(Manifest.FILE);
		if (!Files.isRegularFile(file)) {
			return false;
		}
		Manifest manifest;
		try {
			manifest = JsonFiles.read(file, Manifest.class);
		}
		catch (RuntimeException ex) {
			return false;
		}
		Manifest.Parameters p = manifest.parameters();
		return digest.equals(manifest.inputDigest()) && Manifest.currentGenerator().equals(manifest.generator())
				&& parameters.asOf().toString().equals(p.asOf()) && parameters.languages().equals(p.lang())
				&& parameters.maxRejects() == p.maxRejects() && manifest.outputs().equals(Manifest.outputs(dir));
	}

}
