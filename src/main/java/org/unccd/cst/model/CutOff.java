package org.unccd.cst.model;

import java.time.LocalDate;

/** The cut-off date of a run that was given none: today, but never past the session. */
public final class CutOff {

	private CutOff() {
	}

	/**
	 * Today, capped at the day the session opens when the programme gives it: a run
	 * before the session reports as of its day, a run after it reports what the session
	 * received.
	 */
	public static LocalDate defaultAsOf(Programme programme, LocalDate today) {
		LocalDate opens = programme.facts().opens();
		return (opens != null && opens.isBefore(today)) ? opens : today;
	}

}
