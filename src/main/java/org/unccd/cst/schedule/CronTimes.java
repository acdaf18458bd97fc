package org.unccd.cst.schedule;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;

/** The times of the schedule's cron expression, read on the wall clock of its zone. */
final class CronTimes {

	private final ScheduleSettings settings;

	CronTimes(ScheduleSettings settings) {
		this.settings = settings;
	}

	/**
	 * The latest time of the expression from {@code first} (a time of it) to
	 * {@code until}.
	 */
	ZonedDateTime latest(ZonedDateTime first, ZonedDateTime until) {
		ZonedDateTime from = first;
		// after a long gap, start the walk near its end rather than at each missed time
		for (Duration back = Duration.ofHours(1);; back = back.multipliedBy(2)) {
			ZonedDateTime probe = until.minus(back);
			if (!probe.isAfter(first)) {
				break;
			}
			ZonedDateTime time = next(probe);
			if (time != null && !time.isAfter(until)) {
				from = time;
				break;
			}
		}
		ZonedDateTime latest = from;
		for (ZonedDateTime time = next(latest); time != null && !time.isAfter(until); time = next(latest)) {
			latest = time;
		}
		return latest;
	}

	/**
	 * The first time of the expression after {@code after}, read on the wall clock of the
	 * zone: a time that the clock skips when it springs forward comes right after the
	 * jump (02:00 is 03:00 that night), a time that it repeats when it falls back comes
	 * once, so that every day has its run.
	 */
	ZonedDateTime next(ZonedDateTime after) {
		LocalDateTime local = this.settings.cron()
			.next(after.withZoneSameInstant(this.settings.zone()).toLocalDateTime());
		return (local != null) ? ZonedDateTime.ofLocal(local, this.settings.zone(), null) : null;
	}

}
