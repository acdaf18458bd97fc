package org.unccd.cst.console;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.unccd.cst.service.RunHandle;
import org.unccd.cst.service.RunListener;
import org.unccd.cst.service.RunOutcome;

/**
 * A run launched from the console, from its launch to its end: what was asked, by whom,
 * where it stands and how it ended. It is also the run's {@link RunListener}: it keeps
 * the run's lines (without the server's folders) for its page.
 */
public final class ConsoleRun implements RunListener {

	/** Where a run is. */
	public enum Status {

		QUEUED, STARTED, STOPPING, COMPLETED, FAILED, STOPPED;

		public boolean ended() {
			return this == COMPLETED || this == FAILED || this == STOPPED;
		}

	}

	/** The most lines a run keeps. */
	static final int MAX_LINES = 500;

	private final long id;

	private final LocalDate asOf;

	private final List<String> languages;

	private final boolean force;

	private final String launchedBy;

	private final Instant launched;

	private final Long restartOf;

	private final ConsoleSettings settings;

	private final List<String> lines = new ArrayList<>();

	private final CountDownLatch decided = new CountDownLatch(1);

	private volatile Status status = Status.QUEUED;

	private volatile RunHandle handle;

	private volatile RunHandle.Progress last = RunHandle.Progress.NONE;

	private volatile Integer exitCode;

	private volatile boolean current;

	private volatile String session;

	private volatile Instant ended;

	ConsoleRun(long id, LocalDate asOf, List<String> languages, boolean force, String launchedBy, Instant launched,
			Long restartOf, ConsoleSettings settings) {
		this.id = id;
		this.asOf = asOf;
		this.languages = List.copyOf(languages);
		this.force = force;
		this.launchedBy = launchedBy;
		this.launched = launched;
		this.restartOf = restartOf;
		this.settings = settings;
	}

	@Override
	public void info(String line) {
		add(line);
	}

	@Override
	public void problem(String line) {
		add("Error: " + line);
	}

	private void add(String line) {
		synchronized (this.lines) {
			if (this.lines.size() == MAX_LINES) {
				this.lines.remove(0);
			}
			this.lines.add(this.settings.withoutPaths(line));
		}
	}

	@Override
	public void started(RunHandle handle) {
		this.handle = handle;
		this.status = Status.STARTED;
		this.decided.countDown();
	}

	void ended(RunOutcome outcome, Instant at) {
		RunHandle done = this.handle;
		if (done != null) {
			RunHandle.Progress progress = done.progress();
			if (!progress.steps().isEmpty()) {
				this.last = progress;
			}
		}
		this.exitCode = outcome.exitCode().code();
		this.current = outcome.current();
		this.session = (outcome.published() != null) ? outcome.published().getFileName().toString() : null;
		this.ended = at;
		this.status = (this.status == Status.STOPPING) ? Status.STOPPED
				: outcome.exitCode().succeeded() ? Status.COMPLETED : Status.FAILED;
		this.handle = null;
		this.decided.countDown();
	}

	/** Waits until the run has started its job or ended; true if it did in time. */
	boolean awaitDecided(long millis) throws InterruptedException {
		return this.decided.await(millis, TimeUnit.MILLISECONDS);
	}

	/** Asks the run to stop at the next chunk boundary; false when it is not running. */
	boolean stop() {
		RunHandle running = this.handle;
		if (running == null || this.status != Status.STARTED) {
			return false;
		}
		this.status = Status.STOPPING;
		return running.stop();
	}

	public long id() {
		return this.id;
	}

	public LocalDate asOf() {
		return this.asOf;
	}

	public List<String> languages() {
		return this.languages;
	}

	public boolean force() {
		return this.force;
	}

	public String launchedBy() {
		return this.launchedBy;
	}

	public Instant launched() {
		return this.launched;
	}

	public Long restartOf() {
		return this.restartOf;
	}

	public Status status() {
		return this.status;
	}

	public Integer exitCode() {
		return this.exitCode;
	}

	/** Whether the published set was already current, so nothing was redone. */
	public boolean current() {
		return this.current;
	}

	public String session() {
		return this.session;
	}

	public Instant ended() {
		return this.ended;
	}

	/** Where the run stands now, or where it stood at its end. */
	public RunHandle.Progress progress() {
		RunHandle running = this.handle;
		if (running != null) {
			RunHandle.Progress now = running.progress();
			if (!now.steps().isEmpty()) {
				this.last = now;
			}
		}
		return this.last;
	}

	/** The run's lines, from the {@code from}th. */
	public List<String> lines(int from) {
		synchronized (this.lines) {
			return List.copyOf(this.lines.subList(Math.min(Math.max(from, 0), this.lines.size()), this.lines.size()));
		}
	}

}
