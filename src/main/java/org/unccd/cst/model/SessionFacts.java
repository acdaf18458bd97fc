package org.unccd.cst.model;

import java.time.LocalDate;

/**
 * What a UN document's cover says of the session it is presented to; every part is
 * optional and {@code null} when the programme does not give it.
 *
 * @param opens the session's opening date, which also caps the default cut-off date
 * @param place where the session meets
 * @param dates the session's dates as the cover writes them
 * @param agenda the item of the provisional agenda the reports are presented under
 */
public record SessionFacts(LocalDate opens, Text place, Text dates, Agenda agenda) {

	/** A programme that says nothing of its session. */
	public static final SessionFacts NONE = new SessionFacts(null, null, null, null);

	/**
	 * An item of the provisional agenda.
	 *
	 * @param item its number as the agenda writes it, such as {@code 3 (a)}
	 * @param heading its heading, or {@code null}
	 */
	public record Agenda(String item, Text heading) {
	}

}
