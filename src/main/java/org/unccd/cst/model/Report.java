package org.unccd.cst.model;

import java.util.List;
import java.util.Map;

/**
 * One document to publish, in every requested language.
 *
 * @param id the report id, which names its PDF files
 * @param symbol the UN document symbol, or {@code null}
 * @param title the report's title
 * @param covers codes of the work items the report covers, each with its subtree
 * @param agenda the agenda item the report is presented under, where it differs from the
 * programme's; or {@code null}
 * @param jobNumbers the job number printed at the foot of the cover, by language (may be
 * empty)
 */
public record Report(String id, String symbol, Text title, List<String> covers, SessionFacts.Agenda agenda,
		Map<String, String> jobNumbers) {

	public Report {
		jobNumbers = (jobNumbers != null) ? Map.copyOf(jobNumbers) : Map.of();
	}

	/** A report with no agenda item of its own and no job numbers. */
	public Report(String id, String symbol, Text title, List<String> covers) {
		this(id, symbol, title, covers, null, Map.of());
	}

	/**
	 * The agenda item of this report: its own, else the programme's, else {@code null}.
	 */
	public SessionFacts.Agenda agendaIn(Programme programme) {
		return (this.agenda != null) ? this.agenda : programme.facts().agenda();
	}

}
