package org.unccd.cst.schedule;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The schedule's log lines: each with the time it was written and "schedule:". */
final class ScheduleLog {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss xxx");

	private final PrintStream out;

	private final PrintStream err;

	private final Clock clock;

	ScheduleLog(PrintStream out, PrintStream err, Clock clock) {
		this.out = out;
		this.err = err;
		this.clock = clock;
	}

	/** A line about what the schedule does. */
	void info(String message) {
		say(false, message);
	}

	/** A line about something that went wrong. */
	void problem(String message) {
		say(true, message);
	}

	void say(boolean problem, String message) {
		(problem ? this.err : this.out).println(time(ZonedDateTime.now(this.clock)) + " schedule: " + message);
	}

	static String time(ZonedDateTime time) {
		return TIME.format(time);
	}

	static String seconds(ZonedDateTime from, ZonedDateTime to) {
		Duration duration = Duration.between(from, to);
		return (duration.toMillis() < 60_000) ? String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0)
				: duration.toMinutes() + " min " + duration.toSecondsPart() + " s";
	}

}
