package org.unccd.cst.aggregate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.unccd.cst.run.Summary;
import org.unccd.cst.model.Messages;
import org.unccd.cst.model.Outcome;
import org.unccd.cst.model.Programme;
import org.unccd.cst.model.Report;
import org.unccd.cst.model.WorkItem;

/**
 * Derives policy-oriented recommendations from the figures, by the rules the README
 * lists: a budget gap, an overdue or delayed outcome, an outcome with no progress report.
 */
public final class RecommendationRules {

	public static final String BUDGET_GAP = "budget-gap";

	public static final String OUTCOME_OVERDUE = "outcome-overdue";

	public static final String OUTCOME_DELAYED = "outcome-delayed";

	public static final String OUTCOME_UNREPORTED = "outcome-unreported";

	private RecommendationRules() {
	}

	/** The recommendations derived for one report, in the report's language. */
	public static List<Summary.Recommendation> derive(Programme programme, Report report, Summary summary,
			Messages messages) {
		List<Summary.Recommendation> derived = new ArrayList<>();
		Summary.Budget budget = summary.budget();
		if (budget.gap().signum() > 0) {
			// without pledges, the gap after them is the gap: it is not said twice
			boolean unpledged = budget.gapAfterPledges().compareTo(budget.gap()) == 0;
			derived.add(rule(report, BUDGET_GAP, 1, messages.get("addressee.cop"),
					messages.get("rule." + BUDGET_GAP + (unpledged ? ".unpledged" : ""), summary.currency(),
							messages.money(budget.total()), messages.money(budget.secured()),
							messages.money(budget.gap()), messages.money(budget.gapAfterPledges()),
							programme.source())));
		}
		Map<String, Summary.OutcomeStatus> statuses = summary.outcomes()
			.stream()
			.collect(Collectors.toMap(Summary.OutcomeStatus::code, (s) -> s));
		String secretariat = messages.get("addressee.secretariat");
		for (Outcome outcome : coveredOutcomes(programme, report)) {
			Summary.OutcomeStatus status = statuses.get(outcome.code());
			String title = outcome.title().in(messages.lang());
			if (status.overdue()) {
				derived.add(rule(report, OUTCOME_OVERDUE, 1, secretariat,
						messages.get("rule." + OUTCOME_OVERDUE, outcome.code(), title, messages.date(status.due()),
								messages.status(status.status()), messages.percent(status.percent()))));
			}
			else if (ProgressRules.DELAYED.equals(status.status())) {
				derived.add(rule(report, OUTCOME_DELAYED, 2, secretariat, messages.get("rule." + OUTCOME_DELAYED,
						outcome.code(), title, messages.percent(status.percent()))));
			}
			else if (status.lastUpdate() == null) {
				// one recommendation per outcome: an overdue or delayed one already asks
				// for a report; after the session opens, the report is for the next one
				String key = afterSession(programme, summary) ? "rule." + OUTCOME_UNREPORTED + ".next"
						: "rule." + OUTCOME_UNREPORTED;
				derived.add(rule(report, OUTCOME_UNREPORTED, 2, secretariat, messages.get(key, outcome.code(), title)));
			}
		}
		return derived;
	}

	/** Whether the cut-off date is on or after the day the session opens. */
	static boolean afterSession(Programme programme, Summary summary) {
		LocalDate opens = programme.facts().opens();
		return opens != null && !summary.asOf().isBefore(opens);
	}

	/** The outcomes of the work items a report covers, each once, in programme order. */
	public static List<Outcome> coveredOutcomes(Programme programme, Report report) {
		Set<String> covered = coveredWorkItems(programme, report).stream()
			.map(WorkItem::code)
			.collect(Collectors.toSet());
		return programme.allOutcomes().stream().filter((o) -> covered.contains(o.workItem())).toList();
	}

	/**
	 * The work items a report covers with their subtrees, each once, in programme order.
	 */
	public static List<WorkItem> coveredWorkItems(Programme programme, Report report) {
		Set<String> codes = report.covers()
			.stream()
			.flatMap((code) -> programme.workItemsByCode().get(code).subtree().stream())
			.map(WorkItem::code)
			.collect(Collectors.toSet());
		return programme.allWorkItems().stream().filter((item) -> codes.contains(item.code())).toList();
	}

	private static Summary.Recommendation rule(Report report, String rule, int priority, String addressee,
			String text) {
		return new Summary.Recommendation(report.id(), text, addressee, priority, "rule", rule);
	}

}
