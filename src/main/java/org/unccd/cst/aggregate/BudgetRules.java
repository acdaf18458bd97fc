package org.unccd.cst.aggregate;

import org.unccd.cst.model.Money;
import java.math.BigDecimal;

/**
 * The contract's budget figures that are not plain sums.
 */
public final class BudgetRules {

	private BudgetRules() {
	}

	/** {@code max(0, total - secured)}. */
	public static BigDecimal gap(BigDecimal total, BigDecimal secured) {
		return Money.halfEven(total.subtract(secured).max(BigDecimal.ZERO));
	}

	/** {@code max(0, gap - pledged)}. */
	public static BigDecimal gapAfterPledges(BigDecimal gap, BigDecimal pledged) {
		return Money.halfEven(gap.subtract(pledged).max(BigDecimal.ZERO));
	}

	/** Spent as a percentage of the amount, one decimal; 0 for a zero amount. */
	public static BigDecimal executionRate(BigDecimal spent, BigDecimal amount) {
		return Money.rate(spent, amount);
	}

}
