package org.unccd.cst.aggregate;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link BudgetRules}: the funding gaps and execution rates.
 */
class BudgetRulesTests {

	@Test
	void gapIsTotalLessSecured() {
		assertThat(BudgetRules.gap(new BigDecimal("515000"), new BigDecimal("310000")))
			.isEqualTo(new BigDecimal("205000.00"));
	}

	@Test
	void gapIsNeverNegative() {
		assertThat(BudgetRules.gap(new BigDecimal("515000"), new BigDecimal("600000.50")))
			.isEqualTo(new BigDecimal("0.00"));
	}

	@Test
	void gapAfterPledgesIsGapLessPledged() {
		assertThat(BudgetRules.gapAfterPledges(new BigDecimal("205000.00"), new BigDecimal("50000.25")))
			.isEqualTo(new BigDecimal("154999.75"));
	}

	@Test
	void gapAfterPledgesIsNeverNegative() {
		assertThat(BudgetRules.gapAfterPledges(new BigDecimal("205000.00"), new BigDecimal("300000")))
			.isEqualTo(new BigDecimal("0.00"));
	}

	@Test
	void executionRateHasOneDecimal() {
		assertThat(BudgetRules.executionRate(new BigDecimal("20000"), new BigDecimal("50000.25")))
			.isEqualTo(new BigDecimal("40.0"));
	}

	@Test
	void executionRateRoundsToNearestTenth() {
		assertThat(BudgetRules.executionRate(new BigDecimal("12345.67"), new BigDecimal("400000")))
			.isEqualTo(new BigDecimal("3.1"));
	}

	@Test
	void executionRateMayExceedHundred() {
		assertThat(BudgetRules.executionRate(new BigDecimal("120000"), new BigDecimal("115000")))
			.isEqualTo(new BigDecimal("104.3"));
	}

	@Test
	void executionRateIsZeroForZeroAmount() {
		assertThat(BudgetRules.executionRate(new BigDecimal("500"), new BigDecimal("0.00")))
			.isEqualTo(new BigDecimal("0.0"));
	}

}
