package org.unccd.cst.schedule;

import java.time.DateTimeException;
import java.time.ZoneId;

import org.springframework.core.env.PropertyResolver;
import org.springframework.scheduling.support.CronExpression;

/**
 * When the schedule runs: a cron expression ({@code cst.schedule.cron}, six fields with
 * seconds, as Spring reads them) in a time zone ({@code cst.schedule.zone}, the system's
 * when empty).
 *
 * @param expression the cron expression as written
 * @param cron the parsed expression
 * @param zone the zone its times are in
 */
public record ScheduleSettings(String expression, CronExpression cron, ZoneId zone) {

	public static final String CRON = "cst.schedule.cron";

	public static final String ZONE = "cst.schedule.zone";

	/** Every day at 02:00. */
	public static final String DEFAULT_CRON = "0 0 2 * * *";

	/**
	 * The settings in {@code properties}.
	 * @throws IllegalArgumentException with a one-line message when they cannot be used
	 */
	public static ScheduleSettings from(PropertyResolver properties) {
		String expression = properties.getProperty(CRON, DEFAULT_CRON).strip();
		CronExpression cron;
		try {
			cron = CronExpression.parse(expression);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException(CRON + "=\"" + expression + "\" is not a cron expression ("
					+ ex.getMessage() + "); six fields: second minute hour day-of-month month day-of-week, " + "e.g. \""
					+ DEFAULT_CRON + "\"");
		}
		String zoneName = properties.getProperty(ZONE, "").strip();
		ZoneId zone;
		try {
			zone = zoneName.isEmpty() ? ZoneId.systemDefault() : ZoneId.of(zoneName);
		}
		catch (DateTimeException ex) {
			throw new IllegalArgumentException(
					ZONE + "=\"" + zoneName + "\" is not a time zone (e.g. Europe/Berlin, UTC, +02:00)");
		}
		return new ScheduleSettings(expression, cron, zone);
	}

}
