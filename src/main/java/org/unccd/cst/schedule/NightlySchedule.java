package org.unccd.cst.schedule;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;

import org.unccd.cst.run.OutputFolder;
import org.unccd.cst.service.ExitCode;
import org.unccd.cst.service.RunOutcome;

/**
 * Keeps running and launches a run at each time of a cron expression, one at a time:
 * <ul>
 * <li>each run is as of the day of its scheduled time;</li>
 * <li>a time that comes while a run is still going is skipped, and logged;</li>
 * <li>when the process starts or wakes after one or more times passed without a run (it
 * was not running, the machine was off or asleep), it runs once at once, as of the day of
 * the latest of them, not once per missed time;</li>
 * <li>each outcome is logged: the exit code and its meaning, the published folder, its
 * files and the rejected rows.</li>
 * </ul>
 * The last time dealt with is kept in {@code OUTPUT/.cst-reports/schedule.json}. Time
 * comes from a {@link Clock} and waiting from a {@link Sleeper}, so that tests need not
 * wait.
 */
public final class NightlySchedule {

	/** The longest single wait: a clock that jumps (a machine that wakes) is noticed. */
	static final Duration MAX_NAP = Duration.ofMinutes(1);

	/** A run that starts later than this after its time is a catch-up. */
	static final Duration LATE = Duration.ofMinutes(1);

	/** Waits. */
	@FunctionalInterface
	public interface Sleeper {

		void sleep(Duration duration) throws InterruptedException;

	}

	/** Launches one run as of a day and gives its outcome. */
	@FunctionalInterface
	public interface Launch {

		RunOutcome run(LocalDate asOf);

	}

	private enum Activity {

		IDLE, SLEEPING, RUNNING

	}

	private final ScheduleSettings settings;

	private final CronTimes times;

	private final Clock clock;

	private final Sleeper sleeper;

	private final Launch launch;

	private final Path output;

	private final Runnable stopRun;

	private final ScheduleLog log;

	private final Object lock = new Object();

	private Activity activity = Activity.IDLE;

	private boolean stopping;

	private Thread thread;

	/**
	 * A schedule.
	 * @param settings when to run
	 * @param clock the time
	 * @param sleeper how to wait
	 * @param launch how to run
	 * @param output the output folder: the published set is described, the state is kept
	 * beside it
	 * @param stopRun what a stop does to a run in progress (called from another thread)
	 * @param out where outcomes are logged
	 * @param err where failures are logged
	 */
	public NightlySchedule(ScheduleSettings settings, Clock clock, Sleeper sleeper, Launch launch, Path output,
			Runnable stopRun, PrintStream out, PrintStream err) {
		this.settings = settings;
		this.times = new CronTimes(settings);
		this.clock = clock.withZone(settings.zone());
		this.sleeper = sleeper;
		this.launch = launch;
		this.output = output;
		this.stopRun = stopRun;
		this.log = new ScheduleLog(out, err, this.clock);
	}

	/** Where the schedule keeps its state. */
	public static Path stateFile(Path output) {
		return OutputFolder.workDir(output).resolve(ScheduleState.FILE);
	}

	/**
	 * Runs at the scheduled times until {@link #stop()}; 0 then, or 1 when the expression
	 * has no further time.
	 */
	public int run() throws IOException {
		synchronized (this.lock) {
			this.thread = Thread.currentThread();
		}
		try {
			return loop();
		}
		finally {
			synchronized (this.lock) {
				this.thread = null;
				this.activity = Activity.IDLE;
			}
			Thread.interrupted();
		}
	}

	/**
	 * Stops the schedule: at once when it waits; a run in progress ends with the process,
	 * as after a crash, and its time is run again, resuming from the last committed
	 * chunk, at the next start.
	 */
	public void stop() {
		boolean running;
		synchronized (this.lock) {
			if (this.stopping) {
				return;
			}
			this.stopping = true;
			running = this.activity == Activity.RUNNING;
			if (this.activity == Activity.SLEEPING && this.thread != null) {
				this.thread.interrupt();
			}
		}
		if (running) {
			this.log.info("stop requested: the run in progress ends with the process; "
					+ "it is run again, resuming from its last committed chunk, at the next start");
			this.stopRun.run();
		}
		else {
			this.log.info("stop requested");
		}
	}

	private int loop() throws IOException {
		Path file = stateFile(this.output);
		Files.createDirectories(file.getParent());
		ZonedDateTime now = now();
		ScheduleState state = ScheduleState.read(file);
		ZonedDateTime last;
		if (state == null || state.lastTime() == null) {
			last = now;
			state = new ScheduleState(this.settings.expression(), this.settings.zone().getId(), now.toString(), null,
					null, null, null, null);
			state.write(file);
			this.log.info("first start: times from now on count (state in " + file + ")");
		}
		else {
			last = ZonedDateTime.parse(state.lastTime()).withZoneSameInstant(this.settings.zone());
			if (last.isAfter(now)) {
				this.log.problem("the last scheduled time in " + file + ", " + ScheduleLog.time(last)
						+ ", is in the future (was the clock changed?): counting from now");
				last = now;
			}
		}
		this.log.info("cron \"" + this.settings.expression() + "\" in " + this.settings.zone().getId()
				+ "; next run at " + describeNext(last));
		while (true) {
			now = now();
			ZonedDateTime due = this.times.next(last);
			if (due == null) {
				this.log.problem("the cron expression has no time after " + ScheduleLog.time(last) + "; stopping");
				return 1;
			}
			if (due.isAfter(now)) {
				Duration wait = Duration.between(now, due);
				if (!sleep((wait.compareTo(MAX_NAP) > 0) ? MAX_NAP : wait)) {
					break;
				}
				continue;
			}
			ZonedDateTime time = this.times.latest(due, now);
			if (!time.equals(due)) {
				this.log.info("the runs due from " + ScheduleLog.time(due) + " to " + ScheduleLog.time(time)
						+ " did not happen (the process was not running, or the machine was off or asleep): "
						+ "catching up once now");
			}
			else if (Duration.between(due, now).compareTo(LATE) > 0) {
				this.log.info("the run due at " + ScheduleLog.time(due)
						+ " did not happen (the process was not running, or the machine was off or asleep): "
						+ "catching up now");
			}
			ScheduleState ran = runAt(time, state);
			if (ran == null) {
				break;
			}
			state = ran;
			last = time;
			ZonedDateTime end = now();
			ZonedDateTime next = this.times.next(last);
			if (next != null && !next.isAfter(end)) {
				ZonedDateTime skipped = this.times.latest(next, end);
				this.log.info((skipped.equals(next) ? "skipped the run due at " + ScheduleLog.time(next)
						: "skipped the runs due from " + ScheduleLog.time(next) + " to " + ScheduleLog.time(skipped))
						+ ": the run due at " + ScheduleLog.time(time) + " was still going");
				last = skipped;
			}
			state = new ScheduleState(this.settings.expression(), this.settings.zone().getId(), last.toString(),
					state.lastStarted(), state.lastFinished(), state.lastAsOf(), state.lastExitCode(),
					state.lastOutcome());
			state.write(file);
			synchronized (this.lock) {
				if (this.stopping) {
					break;
				}
			}
			this.log.info("next run at " + describeNext(last));
		}
		this.log.info("stopped");
		return 0;
	}

	/**
	 * Runs the time's run; the state with its outcome, or {@code null} when the schedule
	 * is stopping (the time is then not counted as done).
	 */
	private ScheduleState runAt(ZonedDateTime time, ScheduleState state) {
		synchronized (this.lock) {
			if (this.stopping) {
				return null;
			}
			this.activity = Activity.RUNNING;
		}
		LocalDate asOf = time.toLocalDate();
		ZonedDateTime started = now();
		this.log.info("run due at " + ScheduleLog.time(time) + " starts, as of " + asOf);
		RunOutcome ran;
		try {
			ran = this.launch.run(asOf);
		}
		catch (RuntimeException ex) {
			this.log.problem("the run due at " + ScheduleLog.time(time) + " failed: " + ex);
			ran = new RunOutcome(ExitCode.FAILED, asOf, null, false);
		}
		finally {
			synchronized (this.lock) {
				this.activity = Activity.IDLE;
			}
		}
		ExitCode code = ran.exitCode();
		ZonedDateTime finished = now();
		boolean stopped;
		synchronized (this.lock) {
			stopped = this.stopping;
		}
		String outcome = code.meaning();
		boolean bad = !code.succeeded();
		this.log.say(bad,
				"run due at " + ScheduleLog.time(time) + " ended in " + ScheduleLog.seconds(started, finished)
						+ ": exit " + code.code() + ", " + outcome + (stopped && bad ? " (stopped)" : "")
						+ (code.published() ? PublishedSet.describe(ran.published()) : ""));
		if (stopped) {
			return null;
		}
		return new ScheduleState(state.cron(), state.zone(), state.lastTime(), started.toString(), finished.toString(),
				asOf.toString(), code.code(), outcome);
	}

	/** False when the schedule is stopping. */
	private boolean sleep(Duration duration) {
		synchronized (this.lock) {
			if (this.stopping) {
				return false;
			}
			this.activity = Activity.SLEEPING;
		}
		try {
			this.sleeper.sleep(duration);
		}
		catch (InterruptedException ex) {
			// stop() interrupts only a sleep
		}
		finally {
			synchronized (this.lock) {
				this.activity = Activity.IDLE;
			}
			Thread.interrupted();
		}
		synchronized (this.lock) {
			return !this.stopping;
		}
	}

	private String describeNext(ZonedDateTime last) {
		ZonedDateTime next = this.times.next(last);
		return (next != null) ? ScheduleLog.time(next) : "never (the expression has no further time)";
	}

	private ZonedDateTime now() {
		return ZonedDateTime.now(this.clock);
	}

}
