package org.unccd.cst.console;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.unccd.cst.history.RunHistory;
import org.unccd.cst.publish.Approvals;
import org.unccd.cst.publish.OutputLock;
import org.unccd.cst.service.ReportService;
import org.unccd.cst.service.RunOutcome;
import org.unccd.cst.service.RunRequest;

import org.springframework.beans.factory.DisposableBean;

/**
 * The console's runs: one at a time on its output folder, each on the console's run
 * thread through the {@link ReportService}, as a command-line run would go. A stopped or
 * failed run is restarted with the same parameters, and the job resumes it where it
 * stopped.
 */
public class RunManager implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(RunManager.class);

	/** How many rejected rows a console run accepts, as the command line's default. */
	static final long MAX_REJECTS = 1000;

	/**
	 * What a launch asks for.
	 *
	 * @param asOf the cut-off date, {@code null} for the default one
	 * @param languages the report languages
	 * @param force whether to regenerate a current set
	 */
	public record Launch(LocalDate asOf, List<String> languages, boolean force) {

		public Launch {
			languages = List.copyOf(languages);
		}

		/**
		 * The cut-off date a launch gives, as the command line takes it: {@code null}
		 * when none is given.
		 * @throws IllegalArgumentException when it is not a date of 1900 to 2100, written
		 * YYYY-MM-DD
		 */
		public static LocalDate asOf(String text) {
			if (text == null || text.isBlank()) {
				return null;
			}
			LocalDate day;
			try {
				day = LocalDate.parse(text.strip());
			}
			catch (java.time.format.DateTimeParseException ex) {
				throw new IllegalArgumentException("asOf must be a date written YYYY-MM-DD, not \"" + text + "\".");
			}
			if (day.getYear() < 1900 || day.getYear() > 2100) {
				throw new IllegalArgumentException("asOf must lie between 1900 and 2100, not " + day + ".");
			}
			return day;
		}

	}

	/** The folder is busy: who holds it. */
	public static final class BusyException extends Exception {

		BusyException(String message) {
			super(message);
		}

	}

	private final ReportService service;

	private final ConsoleSettings settings;

	private final AuditLog audit;

	private final Clock clock;

	private final ExecutorService executor = Executors.newSingleThreadExecutor((task) -> {
		Thread thread = new Thread(task, "console-run");
		thread.setDaemon(true);
		return thread;
	});

	private final Map<Long, ConsoleRun> runs = Collections.synchronizedMap(new LinkedHashMap<>());

	private final AtomicLong ids = new AtomicLong();

	public RunManager(ReportService service, ConsoleSettings settings, AuditLog audit, Clock clock) {
		this.service = service;
		this.settings = settings;
		this.audit = audit;
		this.clock = clock;
		service.warmUp();
	}

	/** Launches a run, or says who keeps the folder busy. */
	public synchronized ConsoleRun launch(Launch launch, String user, String address, Long restartOf)
			throws BusyException, IOException {
		Optional<ConsoleRun> active = active();
		if (active.isPresent()) {
			throw new BusyException(
					"run " + active.get().id() + ", launched by " + active.get().launchedBy() + ", is in progress");
		}
		Optional<OutputLock> probe = OutputLock.tryAcquire(this.settings.output());
		if (probe.isEmpty()) {
			throw new BusyException(
					"another run holds the output folder (" + OutputLock.holder(this.settings.output()) + ")");
		}
		probe.get().close();
		ConsoleRun run = new ConsoleRun(this.ids.incrementAndGet(), launch.asOf(), launch.languages(), launch.force(),
				user, Instant.now(this.clock), restartOf, this.settings);
		this.runs.put(run.id(), run);
		this.audit.record(user, address, (restartOf != null) ? "restart" : "launch",
				"run " + run.id() + ((restartOf != null) ? " restarts run " + restartOf : "") + ", as of "
						+ ((launch.asOf() != null) ? launch.asOf() : "the default date") + ", languages "
						+ String.join(",", launch.languages()) + (launch.force() ? ", forced" : ""));
		RunRequest request = new RunRequest(this.settings.input(), this.settings.output(), launch.asOf(),
				launch.languages(), MAX_REJECTS, launch.force(), false, "off");
		this.executor.execute(() -> execute(run, request));
		return run;
	}

	private void execute(ConsoleRun run, RunRequest request) {
		RunOutcome outcome;
		try {
			outcome = this.service.run(request, run);
		}
		catch (RuntimeException ex) {
			log.warn("Run {} failed: {}", run.id(), ex.toString());
			run.problem("the run failed unexpectedly; nothing was published");
			outcome = new RunOutcome(org.unccd.cst.service.ExitCode.FAILED, null, null, false);
		}
		run.ended(outcome, Instant.now(this.clock));
		log.info("Run {} ended: {} (exit {})", run.id(), run.status(), run.exitCode());
	}

	/**
	 * Approves the published set of {@code session}, under the output folder's lock;
	 * false when a run holds the folder.
	 */
	public synchronized boolean approve(String session, String user, String address) throws IOException {
		if (active().isPresent()) {
			return false;
		}
		Optional<OutputLock> lock = OutputLock.tryAcquire(this.settings.output());
		if (lock.isEmpty()) {
			return false;
		}
		try (OutputLock held = lock.get()) {
			Approvals.Approval approval = Approvals.approve(this.settings.output(), session, user, this.clock);
			this.audit.record(user, address, "approve",
					session + " as of " + approval.asOf() + ", manifest " + approval.manifestSha256());
			return true;
		}
	}

	/** Stops a running run at its next chunk boundary; false when it is not running. */
	public boolean stop(long id, String user, String address) {
		ConsoleRun run = this.runs.get(id);
		if (run == null || !run.stop()) {
			return false;
		}
		this.audit.record(user, address, "stop", "run " + id);
		return true;
	}

	/**
	 * Launches a failed or stopped run again with its parameters: the job resumes it
	 * where it stopped. Empty when the run is unknown or did not fail or stop.
	 */
	public Optional<ConsoleRun> restart(long id, String user, String address) throws BusyException, IOException {
		ConsoleRun run = this.runs.get(id);
		if (run == null || (run.status() != ConsoleRun.Status.FAILED && run.status() != ConsoleRun.Status.STOPPED)) {
			return Optional.empty();
		}
		return Optional.of(launch(new Launch(run.asOf(), run.languages(), false), user, address, id));
	}

	public Optional<ConsoleRun> get(long id) {
		return Optional.ofNullable(this.runs.get(id));
	}

	/** The console's runs, newest first. */
	public List<ConsoleRun> all() {
		List<ConsoleRun> all;
		synchronized (this.runs) {
			all = new ArrayList<>(this.runs.values());
		}
		Collections.reverse(all);
		return all;
	}

	/**
	 * The runs the job database records, newest first, without the server's folders;
	 * empty when a run holds the database (it can be read when the run ends).
	 */
	public Optional<List<RunHistory.Run>> history() {
		if (active().isPresent()) {
			return Optional.empty();
		}
		try {
			return Optional.of(this.service.readHistory(this.settings.output())
				.orElse(List.of())
				.stream()
				.map(this.settings::withoutPaths)
				.toList());
		}
		catch (Exception ex) {
			return Optional.empty();
		}
	}

	/** The run in progress, if any. */
	public Optional<ConsoleRun> active() {
		return all().stream().filter((run) -> !run.status().ended()).findFirst();
	}

	@Override
	public void destroy() {
		active().ifPresent((run) -> run.stop());
		this.executor.shutdown();
	}

}
