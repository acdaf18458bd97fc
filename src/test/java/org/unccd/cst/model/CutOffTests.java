package org.unccd.cst.model;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Tests for {@link CutOff}: the default cut-off date never passes the session. */
class CutOffTests {

	private static final LocalDate TODAY = LocalDate.of(2026, 12, 4);

	@Test
	void isTodayBeforeTheSessionOpens() {
		assertThat(CutOff.defaultAsOf(opening(LocalDate.of(2027, 3, 1)), TODAY)).isEqualTo(TODAY);
	}

	@Test
	void isTheOpeningDayOnceTheSessionHasOpened() {
		assertThat(CutOff.defaultAsOf(opening(LocalDate.of(2019, 9, 3)), TODAY)).isEqualTo(LocalDate.of(2019, 9, 3));
	}

	@Test
	void isTodayWhenTheProgrammeGivesNoOpeningDay() {
		assertThat(CutOff.defaultAsOf(opening(null), TODAY)).isEqualTo(TODAY);
	}

	private static Programme opening(LocalDate opens) {
		return new Programme("S", Text.of("S"), "", "EUR", List.of(), List.of(), List.of(), List.of(),
				new SessionFacts(opens, null, null, null));
	}

}
