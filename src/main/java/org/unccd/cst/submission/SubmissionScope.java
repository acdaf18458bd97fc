package org.unccd.cst.submission;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import org.unccd.cst.ingest.RawRecord;
import org.unccd.cst.model.Outcome;
import org.unccd.cst.model.Programme;
import org.unccd.cst.model.Report;
import org.unccd.cst.model.WorkItem;

/**
 * What a contributor with a scope may submit rows for: the work items named (each with
 * its whole subtree) and those the named reports cover; the reports named, and those that
 * cover a work item of the scope. A progress or findings row is in the scope when its
 * outcome belongs to one of those work items; an expenditure when it names such a work
 * item in {@code work_item}; a recommendation when its report is one of those reports.
 * Funding and rates belong to the whole programme: no scoped contributor submits them.
 */
public final class SubmissionScope {

	private final List<String> codes;

	private final Set<String> workItems = new LinkedHashSet<>();

	private final Set<String> reports = new LinkedHashSet<>();

	private final java.util.Map<String, Outcome> outcomes;

	/** The scope of the codes (work item codes or report ids) in the programme. */
	public SubmissionScope(Programme programme, List<String> codes) {
		this.codes = List.copyOf(codes);
		this.outcomes = programme.outcomesByCode();
		java.util.Map<String, WorkItem> items = programme.workItemsByCode();
		for (String code : codes) {
			if (items.containsKey(code)) {
				items.get(code).subtree().forEach((item) -> this.workItems.add(item.code()));
			}
			programme.report(code).ifPresent((report) -> {
				this.reports.add(report.id());
				for (String covered : report.covers()) {
					if (items.containsKey(covered)) {
						items.get(covered).subtree().forEach((item) -> this.workItems.add(item.code()));
					}
				}
			});
		}
		for (Report report : programme.reports()) {
			if (report.covers().stream().anyMatch(this.workItems::contains)) {
				this.reports.add(report.id());
			}
		}
	}

	/** The rule a submission check applies to the rows the run would accept. */
	public Function<RawRecord, RawRecord.Problem> rule() {
		return this::problem;
	}

	/** Why a row the run would accept is outside the scope, or {@code null}. */
	RawRecord.Problem problem(RawRecord record) {
		if (record.table() == null) {
			return null;
		}
		String scope = String.join(", ", this.codes);
		return switch (record.table()) {
			case PROGRESS, FINDINGS -> {
				String code = record.value("outcome");
				Outcome outcome = this.outcomes.get(code);
				yield (outcome != null && this.workItems.contains(outcome.workItem())) ? null
						: new RawRecord.Problem("outcome", code, "outcome \"" + code + "\" is outside your scope ("
								+ scope + "): ask an officer to submit it, or to widen your scope");
			}
			case EXPENDITURES -> {
				String item = record.value("work_item");
				if (item.isEmpty()) {
					yield new RawRecord.Problem("work_item", "", "an expenditure submitted with a scope (" + scope
							+ ") names its work item: fill in work_item");
				}
				yield this.workItems.contains(item) ? null
						: new RawRecord.Problem("work_item", item, "work item \"" + item + "\" is outside your scope ("
								+ scope + "): ask an officer to submit it, or to widen your scope");
			}
			case RECOMMENDATIONS -> {
				String report = record.value("report");
				yield this.reports.contains(report) ? null
						: new RawRecord.Problem("report", report, "report \"" + report + "\" is outside your scope ("
								+ scope + "): ask an officer to submit it, or to widen your scope");
			}
			case FUNDING,
					RATES ->
				new RawRecord.Problem("", "",
						record.table().prefix() + " rows belong to the whole programme, outside your scope (" + scope
								+ "): an officer submits them");
		};
	}

}
