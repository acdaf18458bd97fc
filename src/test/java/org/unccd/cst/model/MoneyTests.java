package org.unccd.cst.model;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link Money}: half-even cents and one-decimal percentages.
 */
class MoneyTests {

	@Test
	void roundsHalfDownToEvenCent() {
		assertThat(Money.halfEven(new BigDecimal("1000.125"))).isEqualTo(new BigDecimal("1000.12"));
	}

	@Test
	void roundsHalfUpToEvenCent() {
		assertThat(Money.halfEven(new BigDecimal("1000.135"))).isEqualTo(new BigDecimal("1000.14"));
	}

	@Test
	void roundsAboveHalfUp() {
		assertThat(Money.halfEven(new BigDecimal("1000.1251"))).isEqualTo(new BigDecimal("1000.13"));
	}

	@Test
	void givesWholeAmountTwoDecimals() {
		assertThat(Money.halfEven(new BigDecimal("515000"))).isEqualTo(new BigDecimal("515000.00"));
	}

	@Test
	void keepsNullAsNull() {
		assertThat(Money.halfEven(null)).isNull();
	}

	@Test
	void convertsAtRateToCents() {
		assertThat(Money.convert(new BigDecimal("2000"), new BigDecimal("0.9"))).isEqualTo(new BigDecimal("1800.00"));
	}

	@Test
	void roundsConvertedAmountHalfEven() {
		assertThat(Money.convert(new BigDecimal("0.25"), new BigDecimal("0.5"))).isEqualTo(new BigDecimal("0.12"));
	}

	@Test
	void roundsPercentHalfUpToOneDecimal() {
		assertThat(Money.percent(new BigDecimal("48.75"))).isEqualTo(new BigDecimal("48.8"));
	}

	@Test
	void givesRateWithOneDecimal() {
		assertThat(Money.rate(new BigDecimal("1"), new BigDecimal("3"))).isEqualTo(new BigDecimal("33.3"));
	}

	@Test
	void givesZeroRateForZeroWhole() {
		assertThat(Money.rate(new BigDecimal("10"), BigDecimal.ZERO)).isEqualTo(new BigDecimal("0.0"));
	}

}
