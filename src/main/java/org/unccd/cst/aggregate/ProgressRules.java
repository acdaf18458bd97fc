package org.unccd.cst.aggregate;

import org.unccd.cst.model.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;

/**
 * The contract's rules for outcomes and work items that are not sums: overdue, a work
 * item's weighted percent and its status.
 */
public final class ProgressRules {

	public static final String PLANNED = "planned";

	public static final String IN_PROGRESS = "in_progress";

	public static final String COMPLETED = "completed";

	public static final String DELAYED = "delayed";

	public static final String CANCELLED = "cancelled";

	private ProgressRules() {
	}

	/** An outcome's state at the as-of date. */
	public record OutcomeState(String status, BigDecimal percent, BigDecimal weight, boolean overdue) {
	}

	/** Due before the as-of date and neither completed nor cancelled. */
	public static boolean overdue(LocalDate due, String status, LocalDate asOf) {
		return due != null && due.isBefore(asOf) && !COMPLETED.equals(status) && !CANCELLED.equals(status);
	}

	/**
	 * The weight-averaged percent of the outcomes, cancelled ones left out; 0 when none
	 * counts.
	 */
	public static BigDecimal percent(List<OutcomeState> outcomes) {
		BigDecimal weighted = BigDecimal.ZERO;
		BigDecimal weights = BigDecimal.ZERO;
		for (OutcomeState outcome : outcomes) {
			if (CANCELLED.equals(outcome.status())) {
				continue;
			}
			weighted = weighted.add(outcome.weight().multiply(outcome.percent()));
			weights = weights.add(outcome.weight());
		}
		if (weights.signum() == 0) {
			return BigDecimal.ZERO.setScale(1);
		}
		return Money.percent(weighted.divide(weights, 10, RoundingMode.HALF_UP));
	}

	/**
	 * A work item's status from its subtree's outcomes, cancelled ones left out:
	 * completed when all are, delayed when any is delayed or overdue, planned when none
	 * has started, otherwise in progress. With no outcome left it is cancelled (all were)
	 * or planned.
	 */
	public static String status(List<OutcomeState> outcomes) {
		List<OutcomeState> live = outcomes.stream().filter((o) -> !CANCELLED.equals(o.status())).toList();
		if (live.isEmpty()) {
			return outcomes.isEmpty() ? PLANNED : CANCELLED;
		}
		if (live.stream().allMatch((o) -> COMPLETED.equals(o.status()))) {
			return COMPLETED;
		}
		if (live.stream().anyMatch((o) -> DELAYED.equals(o.status()) || o.overdue())) {
			return DELAYED;
		}
		if (live.stream().allMatch((o) -> PLANNED.equals(o.status()))) {
			return PLANNED;
		}
		return IN_PROGRESS;
	}

}
