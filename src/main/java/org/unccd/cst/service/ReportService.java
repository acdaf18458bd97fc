package org.unccd.cst.service;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.unccd.cst.distribute.DeliveryDatabase;
import org.unccd.cst.distribute.Distributor;
import org.unccd.cst.history.RunHistory;
import org.unccd.cst.history.SummaryDiff;
import org.unccd.cst.job.PostgresSchema;
import org.unccd.cst.job.ReportRunner;
import org.unccd.cst.run.RunParameters;
import org.unccd.cst.job.WarmUp;
import org.unccd.cst.run.OutputFolder;
import org.unccd.cst.model.Programme;
import org.unccd.cst.programme.ProgrammeException;
import org.unccd.cst.programme.ProgrammeLoader;
import org.unccd.cst.publish.Approvals;
import org.unccd.cst.publish.ConsoleLock;
import org.unccd.cst.publish.Manifest;
import org.unccd.cst.publish.OutputLock;
import org.unccd.cst.publish.Publisher;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The one way a run happens, for the command line, the schedule and the console alike:
 * {@link #run} takes the output folder's lock, loads the programme, recovers a cut-off
 * publication, skips the work when the published set is current, else starts (or resumes)
 * the job in a Spring context of its own, whose job database lives in the output folder;
 * when asked, it distributes the set once it has closed that context and let go of the
 * lock; {@link #history} and {@link #diff} read the output folder. Each tells its caller
 * what happens through a {@link RunListener}.
 */
public class ReportService {

	private final Class<?> application;

	private final Map<String, Object> properties;

	private final Clock clock;

	private final Map<String, Object> beans;

	/**
	 * A service whose runs' contexts are made from {@code application}, with these
	 * properties above those of {@code application.properties}.
	 */
	public ReportService(Class<?> application, Map<String, ?> properties) {
		this(application, properties, Clock.systemDefaultZone(), Map.of());
	}

	ReportService(Class<?> application, Map<String, ?> properties, Clock clock) {
		this(application, properties, clock, Map.of());
	}

	private ReportService(Class<?> application, Map<String, ?> properties, Clock clock, Map<String, Object> beans) {
		this.application = application;
		this.properties = Map.copyOf(properties);
		this.clock = clock;
		this.beans = Map.copyOf(beans);
	}

	/**
	 * The same service whose runs' contexts also hold this bean: the console hands its
	 * observation registry to each run, so that the job's and steps' timers reach its
	 * metrics.
	 */
	public ReportService withBean(String name, Object bean) {
		Map<String, Object> all = new LinkedHashMap<>(this.beans);
		all.put(name, bean);
		return new ReportService(this.application, this.properties, this.clock, all);
	}

	/** The same service with more properties for its contexts. */
	public ReportService withProperties(Map<String, ?> more) {
		Map<String, Object> all = new LinkedHashMap<>(this.properties);
		all.putAll(more);
		return new ReportService(this.application, all, this.clock, this.beans);
	}

	/**
	 * Gets the libraries of the job ready on another thread, for a caller that keeps the
	 * JVM (the console) and wants its first run as quick as the next.
	 */
	public void warmUp() {
		WarmUp.start();
	}

	/**
	 * Runs a request to its end and says how it went. A distribution goes after the
	 * output folder's lock is let go, so that another run on the folder need not wait for
	 * the mail.
	 */
	public RunOutcome run(RunRequest request, RunListener listener) {
		Locked locked;
		try {
			Optional<String> console = ConsoleLock.servedElsewhere(request.output());
			if (console.isPresent()) {
				listener.problem("the output folder " + request.output() + " is served by the console (" + console.get()
						+ "): launch the run there, or stop the console first.");
				return RunOutcome.stopped(ExitCode.BUSY);
			}
			Optional<OutputLock> lock = OutputLock.tryAcquire(request.output());
			if (lock.isEmpty()) {
				listener.problem("the output folder " + request.output() + " is busy: another run holds it ("
						+ OutputLock.holder(request.output()) + "). Wait for it to finish.");
				return RunOutcome.stopped(ExitCode.BUSY);
			}
			try (OutputLock held = lock.get()) {
				Programme programme = ProgrammeLoader.load(request.input());
				locked = runLocked(parameters(request, programme, listener), programme, request, listener);
			}
		}
		catch (ProgrammeException ex) {
			listener.problem(ex.getMessage() + "; nothing was published");
			return RunOutcome.stopped(ExitCode.FAILED);
		}
		catch (Exception ex) {
			return failed(ex, request, listener);
		}
		return (locked.distribution() != null) ? locked.distribution().run(locked.outcome(), listener)
				: locked.outcome();
	}

	/**
	 * What a run did while it held the output folder, and the distribution still to go.
	 *
	 * @param outcome how the run went
	 * @param distribution the distribution of its set, {@code null} when none is asked
	 * for
	 */
	private record Locked(RunOutcome outcome, Distribution distribution) {
	}

	/** The distribution of a published set, made once the output folder is let go. */
	private record Distribution(Distributor distributor, RunParameters parameters, String session,
			DeliveryDatabase database) {

		RunOutcome run(RunOutcome published, RunListener listener) {
			ExitCode code;
			try (PrintStream out = LineStream.info(listener); PrintStream err = LineStream.problems(listener)) {
				code = ExitCode.of(this.distributor.distribute(this.parameters, this.session,
						published.exitCode().code(), this.database, out, err));
			}
			catch (Exception ex) {
				listener.problem("the distribution failed: " + ReportRunner.rootMessage(ex) + " (delivery log: "
						+ this.database.shown() + "); the set in " + published.published()
						+ " stays published, and the next --distribute sends it to those who do not have it");
				code = ExitCode.DELIVERY_FAILED;
			}
			return new RunOutcome(code, published.asOf(), published.published(), published.current());
		}

	}

	/**
	 * The run's parameters: a request without a cut-off date reports as of today, or as
	 * of the session's opening day when the programme gives one that has passed.
	 */
	private RunParameters parameters(RunRequest request, Programme programme, RunListener listener) {
		LocalDate asOf = request.asOf();
		if (asOf == null) {
			LocalDate today = LocalDate.now(this.clock);
			LocalDate opens = programme.facts().opens();
			asOf = (opens != null && opens.isBefore(today)) ? opens : today;
			if (!asOf.equals(today)) {
				listener.info("Reporting as of " + asOf
						+ ", the day the session opens (give --as-of to choose another date).");
			}
		}
		return new RunParameters(request.input(), request.output(), asOf, request.languages(), request.maxRejects(),
				request.force());
	}

	private Locked runLocked(RunParameters parameters, Programme programme, RunRequest request, RunListener listener)
			throws Exception {
		Publisher.recover(parameters.output(), programme.session());
		List<Manifest.FileEntry> inputs = Manifest.inputs(parameters.input());
		String digest = Manifest.digest(inputs);
		Path published = parameters.output().resolve(programme.session());
		boolean current = !parameters.force() && CurrentCheck.isCurrent(parameters, published, digest);
		if (current) {
			listener.info("The published outputs in " + published
					+ " are current (same inputs and parameters); nothing to do. Use --force to regenerate.");
			if (!request.distribute()) {
				return new Locked(new RunOutcome(ExitCode.SUCCESS, parameters.asOf(), published, true), null);
			}
		}
		try (ConfigurableApplicationContext context = context(parameters, programme, new Manifest.Inputs(inputs),
				request.progress(), !current)) {
			ExitCode code = ExitCode.SUCCESS;
			if (!current) {
				// the first step writes JSON; reading a workbook uses the libraries the
				// warm-up initializes: the run waits for those it needs at once
				if (inputs.stream().anyMatch((entry) -> entry.file().toLowerCase(Locale.ROOT).endsWith(".xlsx"))) {
					WarmUp.await();
				}
				else {
					WarmUp.awaitJson();
				}
				ContextRunHandle handle = new ContextRunHandle(context);
				listener.started(handle);
				ReportRunner.Result result;
				try {
					result = context.getBean(ReportRunner.class).run(parameters, programme.session(), digest);
				}
				finally {
					handle.finish();
				}
				result.messages().forEach(result.published() ? listener::info : listener::problem);
				code = !result.published() ? ExitCode.FAILED
						: (result.rejected() > 0) ? ExitCode.SUCCESS_WITH_REJECTS : ExitCode.SUCCESS;
			}
			Distribution distribution = null;
			if (request.distribute() && code.succeeded()) {
				DeliveryDatabase database = deliveryDatabase(context.getEnvironment(), parameters.output());
				try {
					if (database.ownFile()) {
						Distributor.moveLog(context.getBean(JdbcTemplate.class), database, parameters.output());
					}
					distribution = new Distribution(context.getBean(Distributor.class), parameters, programme.session(),
							database);
				}
				catch (Exception ex) {
					// without the rows already sent, a distribution could send a set
					// twice
					listener.problem("the delivery log in the job database could not be moved to " + database.shown()
							+ ": " + ReportRunner.rootMessage(ex) + "; the set in " + published
							+ " stays published and nothing was mailed: run --distribute again");
					code = ExitCode.DELIVERY_FAILED;
				}
			}
			ExitCode exitCode = code;
			SpringApplication.exit(context, exitCode::code);
			return new Locked(new RunOutcome(exitCode, parameters.asOf(), published, current), distribution);
		}
	}

	/**
	 * Where the delivery log of the output folder lives: its own H2 file, or the folder's
	 * schema in PostgreSQL under the {@code postgres} profile.
	 */
	private static DeliveryDatabase deliveryDatabase(Environment environment, Path output) {
		if (!environment.matchesProfiles("postgres")) {
			return DeliveryDatabase.h2(output);
		}
		String schema = environment.getProperty("cst.database.schema", "").strip();
		return DeliveryDatabase.postgres(environment.getRequiredProperty("spring.datasource.url"),
				environment.getProperty("spring.datasource.username", ""),
				environment.getProperty("spring.datasource.password", ""),
				schema.isEmpty() ? PostgresSchema.schemaFor(output) : schema);
	}

	/** A run that failed on an exception: busy when its database schema is in use. */
	private static RunOutcome failed(Exception ex, RunRequest request, RunListener listener) {
		boolean database = false;
		boolean postgres = false;
		for (Throwable cause = ex; cause != null; cause = (cause.getCause() != cause) ? cause.getCause() : null) {
			if (cause instanceof PostgresSchema.SchemaInUseException) {
				listener.problem(cause.getMessage() + ". Wait for it to finish.");
				return RunOutcome.stopped(ExitCode.BUSY);
			}
			database |= cause.getClass().getName().startsWith("org.h2.");
			postgres |= cause.getClass().getName().startsWith("org.postgresql.");
		}
		String hint = database ? " (if the job database in " + OutputFolder.workDir(request.output()).resolve("db")
				+ " is damaged, delete that folder: the next run starts afresh)" : "";
		hint = postgres ? " (check CST_DB_URL, CST_DB_USERNAME, CST_DB_PASSWORD and the PostgreSQL server)" : hint;
		listener.problem("the run failed: " + NestedExceptionUtils.getMostSpecificCause(ex).getMessage() + hint
				+ "; nothing was published");
		return RunOutcome.stopped(ExitCode.FAILED);
	}

	/**
	 * The Spring context of a run, which hands the programme loaded here to the job. With
	 * {@code warmUp}, the libraries of the later steps are got ready on another thread
	 * ({@link WarmUp}) while the context starts, from the moment logging is set up, so
	 * that nothing they log escapes its settings.
	 */
	private ConfigurableApplicationContext context(RunParameters parameters, Programme programme,
			Manifest.Inputs inputs, String progress, boolean warmUp) {
		List<String> args = new ArrayList<>(List.of(contextArgs()));
		if (progress != null) {
			// as a command-line property, --progress wins over cst.progress set elsewhere
			args.add("--cst.progress=" + progress);
		}
		// defaults: a database URL configured elsewhere (the postgres profile) wins over
		// the H2 file
		SpringApplicationBuilder builder = new SpringApplicationBuilder(this.application)
			.properties(Map.of("spring.datasource.url", OutputFolder.databaseUrl(parameters.output()),
					"cst.output-folder", parameters.output().toAbsolutePath().toString()))
			.initializers((context) -> {
				context.getBeanFactory().registerSingleton("programme", programme);
				context.getBeanFactory().registerSingleton("inputs", inputs);
				this.beans.forEach(context.getBeanFactory()::registerSingleton);
			});
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
	private String[] contextArgs() {
		return this.properties.entrySet()
			.stream()
			.map((property) -> "--" + property.getKey() + "=" + property.getValue())
			.toArray(String[]::new);
	}

	/** The past runs of the output folder, newest first, as a table. */
	public ExitCode history(Path output, RunListener listener) {
		try {
			Optional<List<RunHistory.Run>> runs = readHistory(output);
			if (runs.isEmpty() || runs.get().isEmpty()) {
				listener.info("No runs recorded in " + output + (runs.isEmpty() ? " (it has no job database yet)" : "")
						+ ".");
			}
			else {
				listener.info("Runs recorded in " + output + ", newest first:");
				listener.info("");
				listener.text(RunHistory.table(runs.get()));
			}
			List<Approvals.Approval> approvals = Approvals.history(output);
			if (!approvals.isEmpty()) {
				listener.info("");
				listener.info("Approvals, oldest first:");
				for (Approvals.Approval approval : approvals) {
					listener.info("  " + approval.at() + "  " + approval.session() + " as of " + approval.asOf()
							+ " by " + approval.by() + " (manifest SHA-256 "
							+ approval.manifestSha256().substring(0, 12) + "…)");
				}
			}
			return ExitCode.SUCCESS;
		}
		catch (RunHistory.BusyException ex) {
			listener.problem("the output folder " + output + " is busy: a run is in progress (" + ex.getMessage()
					+ "), and its job database can be read only when it ends. Try again then.");
			return ExitCode.BUSY;
		}
		catch (Exception ex) {
			listener.problem("cannot read the history of " + output + ": " + ReportRunner.rootMessage(ex));
			return ExitCode.FAILED;
		}
	}

	/**
	 * The runs of the output folder, from the job repository the runs use: the H2 file,
	 * or the folder's schema in PostgreSQL under the {@code postgres} profile.
	 */
	public Optional<List<RunHistory.Run>> readHistory(Path output) throws Exception {
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

	/** What changed between the last two published summaries of the output folder. */
	public ExitCode diff(Path output, RunListener listener) {
		try {
			listener.text(SummaryDiff.report(output));
			return ExitCode.SUCCESS;
		}
		catch (Exception ex) {
			listener.problem("cannot compare the summaries in " + output + ": " + ReportRunner.rootMessage(ex));
			return ExitCode.FAILED;
		}
	}

	/**
	 * The settings of a run without running one: application.properties, the active
	 * profiles, environment variables and system properties, over {@code defaults}.
	 */
	public Environment settings(Map<String, ?> defaults) {
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

}
