package org.unccd.cst.history;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import org.unccd.cst.run.Summary;

/**
 * The figures that moved between two summaries, each with its label and how it moved, in
 * English as {@code --diff} prints them and in parts that a page words in its language.
 */
final class FigureChanges {

	private FigureChanges() {
	}

	/** Every figure that differs: its label and how it moved. */
	static List<SummaryDiff.Figure> between(Summary before, Summary after) {
		List<SummaryDiff.Figure> figures = new ArrayList<>();
		Summary.Budget b = before.budget();
		Summary.Budget a = after.budget();
		money(figures, "budget.total", "budget total", b.total(), a.total());
		money(figures, "budget.secured", "budget secured", b.secured(), a.secured());
		money(figures, "budget.pledged", "budget pledged", b.pledged(), a.pledged());
		money(figures, "budget.gap", "budget gap", b.gap(), a.gap());
		money(figures, "budget.gapAfterPledges", "budget gap after pledges", b.gapAfterPledges(), a.gapAfterPledges());
		money(figures, "budget.spent", "budget spent", b.spent(), a.spent());
		Map<String, Summary.LineStatus> lines = byKey(b.lines(), Summary.LineStatus::code);
		for (Summary.LineStatus line : a.lines()) {
			Summary.LineStatus old = lines.get(line.code());
			if (old != null && !same(old.spent(), line.spent())) {
				figures.add(money("line.spent", line.code(), "budget line " + line.code() + " spent", old.spent(),
						line.spent()));
			}
		}
		Map<String, Summary.OutcomeStatus> outcomes = byKey(before.outcomes(), Summary.OutcomeStatus::code);
		for (Summary.OutcomeStatus outcome : after.outcomes()) {
			Summary.OutcomeStatus old = outcomes.remove(outcome.code());
			if (old == null) {
				figures.add(status("outcome", outcome.code(), "outcome ", null, null, outcome.status(),
						outcome.percent(), null));
			}
			else if (!Objects.equals(old.status(), outcome.status()) || !same(old.percent(), outcome.percent())
					|| old.overdue() != outcome.overdue()) {
				String overdue = (old.overdue() == outcome.overdue()) ? null
						: outcome.overdue() ? "nowOverdue" : "noLongerOverdue";
				figures.add(status("outcome", outcome.code(), "outcome ", old.status(), old.percent(), outcome.status(),
						outcome.percent(), overdue));
			}
		}
		outcomes.keySet().forEach((code) -> figures.add(gone("outcome", code, "outcome ")));
		Map<String, Summary.WorkItemStatus> items = byKey(before.workItems(), Summary.WorkItemStatus::code);
		for (Summary.WorkItemStatus item : after.workItems()) {
			Summary.WorkItemStatus old = items.remove(item.code());
			if (old == null) {
				figures.add(
						status("workItem", item.code(), "work item ", null, null, item.status(), item.percent(), null));
			}
			else if (!same(old.percent(), item.percent()) || !Objects.equals(old.status(), item.status())) {
				figures.add(status("workItem", item.code(), "work item ", old.status(), old.percent(), item.status(),
						item.percent(), null));
			}
		}
		items.keySet().forEach((code) -> figures.add(gone("workItem", code, "work item ")));
		count(figures, "inputs.read", "inputs read", before.inputs().read(), after.inputs().read());
		count(figures, "inputs.accepted", "inputs accepted", before.inputs().accepted(), after.inputs().accepted());
		count(figures, "inputs.rejected", "inputs rejected", before.inputs().rejected(), after.inputs().rejected());
		count(figures, "inputs.afterAsOf", "inputs dated after the as-of date", before.inputs().afterAsOf(),
				after.inputs().afterAsOf());
		count(figures, "proposals.rejected", "proposals rejected", before.proposals().rejected(),
				after.proposals().rejected());
		return figures;
	}

	private static SummaryDiff.Figure status(String key, String code, String label, String beforeStatus,
			BigDecimal beforePercent, String afterStatus, BigDecimal afterPercent, String note) {
		SummaryDiff.Value after = new SummaryDiff.Value(afterStatus, percent(afterPercent));
		if (beforeStatus == null && beforePercent == null) {
			return new SummaryDiff.Figure(label + code, "new: " + after.english(), key, code, null, after, null, "new");
		}
		SummaryDiff.Value before = new SummaryDiff.Value(beforeStatus, percent(beforePercent));
		String english = (note == null) ? ""
				: " (" + ("nowOverdue".equals(note) ? "now overdue" : "no longer overdue") + ")";
		return new SummaryDiff.Figure(label + code, before.english() + " -> " + after.english() + english, key, code,
				before, after, null, note);
	}

	private static SummaryDiff.Figure gone(String key, String code, String label) {
		return new SummaryDiff.Figure(label + code, "no longer listed", key, code, null, null, null, "gone");
	}

	private static <T> Map<String, T> byKey(List<T> list, Function<T, String> key) {
		Map<String, T> map = new LinkedHashMap<>();
		if (list != null) {
			list.forEach((item) -> map.put(key.apply(item), item));
		}
		return map;
	}

	private static boolean same(BigDecimal a, BigDecimal b) {
		return (a == null) ? b == null : b != null && a.compareTo(b) == 0;
	}

	private static void money(List<SummaryDiff.Figure> figures, String key, String label, BigDecimal before,
			BigDecimal after) {
		if (!same(before, after)) {
			figures.add(money(key, null, label, before, after));
		}
	}

	private static SummaryDiff.Figure money(String key, String code, String label, BigDecimal before,
			BigDecimal after) {
		String delta = (before != null && after != null) ? signed(after.subtract(before)) : null;
		String change = money(before) + " -> " + money(after) + ((delta != null) ? "  (" + delta + ")" : "");
		return new SummaryDiff.Figure(label, change, key, code, new SummaryDiff.Value(null, money(before)),
				new SummaryDiff.Value(null, money(after)), delta, null);
	}

	private static void count(List<SummaryDiff.Figure> figures, String key, String label, long before, long after) {
		if (before != after) {
			String delta = String.format(Locale.ROOT, "%+,d", after - before);
			figures
				.add(new SummaryDiff.Figure(label, String.format(Locale.ROOT, "%,d -> %,d  (%s)", before, after, delta),
						key, null, new SummaryDiff.Value(null, String.format(Locale.ROOT, "%,d", before)),
						new SummaryDiff.Value(null, String.format(Locale.ROOT, "%,d", after)), delta, null));
		}
	}

	static String money(BigDecimal value) {
		return (value != null) ? String.format(Locale.ROOT, "%,.2f", value) : "-";
	}

	private static String signed(BigDecimal value) {
		return ((value.signum() >= 0) ? "+" : "") + money(value);
	}

	private static String percent(BigDecimal value) {
		return (value != null) ? String.format(Locale.ROOT, "%.1f %%", value) : "-";
	}

}
