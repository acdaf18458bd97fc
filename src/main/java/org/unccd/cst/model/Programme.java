package org.unccd.cst.model;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the work programme promised: the reference data every other stage reads.
 *
 * @param session the session code, which names the output folder
 * @param title the session's title
 * @param source the symbol of the document the programme comes from
 * @param currency the programme currency (ISO 4217)
 * @param reports the documents to publish, in order
 * @param workItems the top-level work items, each with its subtree
 * @param budgetLines the budget lines
 * @param funding the resources secured when the programme was adopted
 * @param facts what the covers say of the session: place, dates, agenda item
 */
public record Programme(String session, Text title, String source, String currency, List<Report> reports,
		List<WorkItem> workItems, List<BudgetLine> budgetLines, List<Funding> funding, SessionFacts facts) {

	public Programme {
		facts = (facts != null) ? facts : SessionFacts.NONE;
	}

	/** A programme that says nothing of its session's place, dates or agenda. */
	public Programme(String session, Text title, String source, String currency, List<Report> reports,
			List<WorkItem> workItems, List<BudgetLine> budgetLines, List<Funding> funding) {
		this(session, title, source, currency, reports, workItems, budgetLines, funding, SessionFacts.NONE);
	}

	/** Every work item, parents before their children, in programme order. */
	public List<WorkItem> allWorkItems() {
		List<WorkItem> all = new ArrayList<>();
		this.workItems.forEach((item) -> item.collect(all));
		return all;
	}

	/** Every outcome, in programme order. */
	public List<Outcome> allOutcomes() {
		return allWorkItems().stream().flatMap((item) -> item.outcomes().stream()).toList();
	}

	public Map<String, WorkItem> workItemsByCode() {
		Map<String, WorkItem> byCode = new LinkedHashMap<>();
		allWorkItems().forEach((item) -> byCode.put(item.code(), item));
		return byCode;
	}

	public Map<String, Outcome> outcomesByCode() {
		Map<String, Outcome> byCode = new LinkedHashMap<>();
		allOutcomes().forEach((outcome) -> byCode.put(outcome.code(), outcome));
		return byCode;
	}

	public Optional<Report> report(String id) {
		return this.reports.stream().filter((report) -> report.id().equals(id)).findFirst();
	}

	public BigDecimal budgetTotal() {
		return this.budgetLines.stream().map(BudgetLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
	}

}
