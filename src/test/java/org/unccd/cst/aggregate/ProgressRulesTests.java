package org.unccd.cst.aggregate;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.unccd.cst.aggregate.ProgressRules.OutcomeState;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ProgressRules}: overdue outcomes, weighted percent and work item
 * status.
 */
class ProgressRulesTests {

	private static final LocalDate AS_OF = LocalDate.of(2019, 6, 30);

	@Test
	void weightsPercentByOutcomeWeight() {
		BigDecimal percent = ProgressRules
			.percent(List.of(state("in_progress", "60", "2"), state("in_progress", "20", "1")));

		assertThat(percent).isEqualTo(new BigDecimal("46.7"));
	}

	@Test
	void roundsWeightedPercentHalfUp() {
		BigDecimal percent = ProgressRules.percent(List.of(state("in_progress", "60", "2"),
				state("in_progress", "20", "1"), state("in_progress", "55", "1")));

		assertThat(percent).isEqualTo(new BigDecimal("48.8"));
	}

	@Test
	void leavesCancelledOutcomesOutOfPercent() {
		BigDecimal percent = ProgressRules.percent(List.of(state("in_progress", "60", "2"),
				state("in_progress", "20", "1"), state("cancelled", "100", "5")));

		assertThat(percent).isEqualTo(new BigDecimal("46.7"));
	}

	@Test
	void percentIsZeroWhenAllAreCancelled() {
		BigDecimal percent = ProgressRules.percent(List.of(state("cancelled", "80", "1")));

		assertThat(percent).isEqualTo(new BigDecimal("0.0"));
	}

	@Test
	void percentIsZeroWithoutOutcomes() {
		assertThat(ProgressRules.percent(List.of())).isEqualTo(new BigDecimal("0.0"));
	}

	@Test
	void statusIsCompletedWhenAllLiveOutcomesAre() {
		String status = ProgressRules.status(List.of(state("completed", "100", "1"), state("cancelled", "0", "1")));

		assertThat(status).isEqualTo("completed");
	}

	@Test
	void statusIsDelayedWhenAnyOutcomeIsDelayed() {
		String status = ProgressRules.status(List.of(state("completed", "100", "1"), state("delayed", "30", "1")));

		assertThat(status).isEqualTo("delayed");
	}

	@Test
	void statusIsDelayedWhenAnyOutcomeIsOverdue() {
		String status = ProgressRules.status(List.of(state("completed", "100", "1"),
				new OutcomeState("in_progress", new BigDecimal("50"), BigDecimal.ONE, true)));

		assertThat(status).isEqualTo("delayed");
	}

	@Test
	void statusIsPlannedWhenNoneHasStarted() {
		String status = ProgressRules.status(List.of(state("planned", "0", "1"), state("planned", "0", "2")));

		assertThat(status).isEqualTo("planned");
	}

	@Test
	void statusIsInProgressWhenSomeHaveStarted() {
		String status = ProgressRules.status(List.of(state("planned", "0", "1"), state("completed", "100", "1")));

		assertThat(status).isEqualTo("in_progress");
	}

	@Test
	void statusIsCancelledWhenAllAreCancelled() {
		String status = ProgressRules.status(List.of(state("cancelled", "0", "1"), state("cancelled", "40", "1")));

		assertThat(status).isEqualTo("cancelled");
	}

	@Test
	void statusIsPlannedWithoutOutcomes() {
		assertThat(ProgressRules.status(List.of())).isEqualTo("planned");
	}

	@Test
	void outcomeDueBeforeAsOfAndNotDoneIsOverdue() {
		assertThat(ProgressRules.overdue(LocalDate.of(2019, 6, 29), "in_progress", AS_OF)).isEqualTo(true);
	}

	@Test
	void outcomeDueOnAsOfIsNotOverdue() {
		assertThat(ProgressRules.overdue(AS_OF, "planned", AS_OF)).isEqualTo(false);
	}

	@Test
	void completedOutcomeIsNotOverdue() {
		assertThat(ProgressRules.overdue(LocalDate.of(2019, 1, 1), "completed", AS_OF)).isEqualTo(false);
	}

	@Test
	void cancelledOutcomeIsNotOverdue() {
		assertThat(ProgressRules.overdue(LocalDate.of(2019, 1, 1), "cancelled", AS_OF)).isEqualTo(false);
	}

	@Test
	void outcomeWithoutDueDateIsNotOverdue() {
		assertThat(ProgressRules.overdue(null, "delayed", AS_OF)).isEqualTo(false);
	}

	private static OutcomeState state(String status, String percent, String weight) {
		return new OutcomeState(status, new BigDecimal(percent), new BigDecimal(weight), false);
	}

}
