package org.unccd.cst.model;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Rounding of money and percentages as the contract fixes it.
 */
public final class Money {

	private Money() {
	}

	/** Rounds to cents, half to even. */
	public static BigDecimal halfEven(BigDecimal amount) {
		return (amount != null) ? amount.setScale(2, RoundingMode.HALF_EVEN) : null;
	}

	/**
	 * An amount in the programme currency: converted at {@code rate} and rounded to
	 * cents.
	 */
	public static BigDecimal convert(BigDecimal amount, BigDecimal rate) {
		return halfEven(amount.multiply(rate));
	}

	/** A percentage rounded to one decimal, half up. */
	public static BigDecimal percent(BigDecimal value) {
		return value.setScale(1, RoundingMode.HALF_UP);
	}

	/**
	 * {@code part} as a percentage of {@code whole}, one decimal; 0 when the whole is 0.
	 */
	public static BigDecimal rate(BigDecimal part, BigDecimal whole) {
		if (whole.signum() == 0) {
			return BigDecimal.ZERO.setScale(1);
		}
		return percent(part.multiply(BigDecimal.valueOf(100)).divide(whole, 10, RoundingMode.HALF_UP));
	}

}
