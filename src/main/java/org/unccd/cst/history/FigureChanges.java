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

/** The figures that moved between two summaries, each with its label and how it moved. */
final class FigureChanges {

	private FigureChanges() {
	}

	/** Every figure that differs: its label and how it moved. */
	static List<String[]> between(Summary before, Summary after) {
		List<String[]> figures = new ArrayList<>();
		Summary.Budget b = before.budget();
		Summary.Budget a = after.budget();
		money(figures, "budget total", b.total(), a.total());
		money(figures, "budget secured", b.secured(), a.secured());
		money(figures, "budget pledged", b.pledged(), a.pledged());
		money(figures, "budget gap", b.gap(), a.gap());
		money(figures, "budget gap after pledges", b.gapAfterPledges(), a.gapAfterPledges());
		money(figures, "budget spent", b.spent(), a.spent());
		Map<String, Summary.LineStatus> lines = byKey(b.lines(), Summary.LineStatus::code);
		for (Summary.LineStatus line : a.lines()) {
			Summary.LineStatus old = lines.get(line.code());
			if (old != null) {
				money(figures, "budget line " + line.code() + " spent", old.spent(), line.spent());
			}
		}
		Map<String, Summary.OutcomeStatus> outcomes = byKey(before.outcomes(), Summary.OutcomeStatus::code);
		for (Summary.OutcomeStatus outcome : after.outcomes()) {
			Summary.OutcomeStatus old = outcomes.remove(outcome.code());
			String label = "outcome " + outcome.code();
			if (old == null) {
				figures.add(new String[] { label, "new: " + outcome.status() + " " + percent(outcome.percent()) });
			}
			else if (!Objects.equals(old.status(), outcome.status()) || !same(old.percent(), outcome.percent())
					|| old.overdue() != outcome.overdue()) {
				String overdue = (old.overdue() == outcome.overdue()) ? ""
						: outcome.overdue() ? " (now overdue)" : " (no longer overdue)";
				figures.add(new String[] { label, old.status() + " " + percent(old.percent()) + " -> "
						+ outcome.status() + " " + percent(outcome.percent()) + overdue });
			}
		}
		outcomes.keySet().forEach((code) -> figures.add(new String[] { "outcome " + code, "no longer listed" }));
		Map<String, Summary.WorkItemStatus> items = byKey(before.workItems(), Summary.WorkItemStatus::code);
		for (Summary.WorkItemStatus item : after.workItems()) {
			Summary.WorkItemStatus old = items.remove(item.code());
			String label = "work item " + item.code();
			if (old == null) {
				figures.add(new String[] { label, "new: " + item.status() + " " + percent(item.percent()) });
			}
			else if (!same(old.percent(), item.percent()) || !Objects.equals(old.status(), item.status())) {
				figures.add(new String[] { label, old.status() + " " + percent(old.percent()) + " -> " + item.status()
						+ " " + percent(item.percent()) });
			}
		}
		items.keySet().forEach((code) -> figures.add(new String[] { "work item " + code, "no longer listed" }));
		count(figures, "inputs read", before.inputs().read(), after.inputs().read());
		count(figures, "inputs accepted", before.inputs().accepted(), after.inputs().accepted());
		count(figures, "inputs rejected", before.inputs().rejected(), after.inputs().rejected());
		count(figures, "inputs dated after the as-of date", before.inputs().afterAsOf(), after.inputs().afterAsOf());
		count(figures, "proposals rejected", before.proposals().rejected(), after.proposals().rejected());
		return figures;
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

	private static void money(List<String[]> figures, String label, BigDecimal before, BigDecimal after) {
		if (!same(before, after)) {
			String change = (before != null && after != null) ? "  (" + signed(after.subtract(before)) + ")" : "";
			figures.add(new String[] { label, money(before) + " -> " + money(after) + change });
		}
	}

	private static void count(List<String[]> figures, String label, long before, long after) {
		if (before != after) {
			figures.add(new String[] { label,
					String.format(Locale.ROOT, "%,d -> %,d  (%+,d)", before, after, after - before) });
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
