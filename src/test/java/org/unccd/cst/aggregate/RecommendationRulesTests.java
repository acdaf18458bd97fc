package org.unccd.cst.aggregate;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.unccd.cst.run.Summary;
import org.unccd.cst.model.Messages;
import org.unccd.cst.model.Outcome;
import org.unccd.cst.model.Programme;
import org.unccd.cst.model.Report;
import org.unccd.cst.model.SessionFacts;
import org.unccd.cst.model.Text;
import org.unccd.cst.model.WorkItem;

import static org.assertj.core.api.Assertions.assertThat;

/** Tests for {@link RecommendationRules}: what each rule derives, once per outcome. */
class RecommendationRulesTests {

	private static final Messages EN = Messages.of("en");

	@Test
	void asksTheCopToCloseABudgetGap() {
		List<Summary.Recommendation> derived = derive(gap(1000), "2019-06-30", null,
				outcome("planned", false, "2019-01-01"));

		assertThat(derived).extracting(Summary.Recommendation::rule).containsExactly(RecommendationRules.BUDGET_GAP);
		assertThat(derived.get(0).addressee()).isEqualTo("Conference of the Parties");
		assertThat(derived.get(0).text()).contains("EUR 1,000.00", "ICCD/COP(13)/CST/7");
	}

	@Test
	void givesTheGapAfterPledgesOnlyWhenPledgesChangeIt() {
		Summary.OutcomeStatus status = outcome("planned", false, "2019-01-01");
		// no pledge: the gap is said once
		assertThat(derive(gap(1000), "2019-06-30", null, status).get(0).text()).contains("a gap of EUR 1,000.00.")
			.doesNotContain("after pledges");
		// EUR 400 pledged: the gap after them too
		Summary.Budget pledged = new Summary.Budget(BigDecimal.valueOf(5000), BigDecimal.valueOf(4000),
				BigDecimal.valueOf(400), BigDecimal.valueOf(1000), BigDecimal.valueOf(600), BigDecimal.ZERO, List.of(),
				Map.of());
		assertThat(derive(pledged, "2019-06-30", null, status).get(0).text())
			.contains("a gap of EUR 1,000.00 (EUR 600.00 after pledges).");
	}

	@Test
	void makesOneRecommendationForAnOverdueOutcomeThatWasNeverReported() {
		List<Summary.Recommendation> derived = derive(gap(0), "2019-07-31", null, outcome("planned", true, null));

		assertThat(derived).extracting(Summary.Recommendation::rule)
			.containsExactly(RecommendationRules.OUTCOME_OVERDUE);
	}

	@Test
	void makesOneRecommendationForADelayedOutcome() {
		List<Summary.Recommendation> derived = derive(gap(0), "2019-05-31", null,
				outcome("delayed", false, "2019-05-01"));

		assertThat(derived).extracting(Summary.Recommendation::rule)
			.containsExactly(RecommendationRules.OUTCOME_DELAYED);
	}

	@Test
	void asksForAStatusReportBeforeTheSessionOpens() {
		List<Summary.Recommendation> derived = derive(gap(0), "2019-05-31", LocalDate.of(2019, 9, 3),
				outcome("planned", false, null));

		assertThat(derived).singleElement()
			.extracting(Summary.Recommendation::text)
			.asString()
			.contains("before the session");
	}

	@Test
	void asksForAReportAtTheNextSessionOnceTheSessionHasOpened() {
		List<Summary.Recommendation> derived = derive(gap(0), "2019-09-03", LocalDate.of(2019, 9, 3),
				outcome("planned", false, null));

		assertThat(derived).singleElement()
			.extracting(Summary.Recommendation::text)
			.asString()
			.contains("next session")
			.doesNotContain("before the session");
	}

	private static List<Summary.Recommendation> derive(Summary.Budget budget, String asOf, LocalDate opens,
			Summary.OutcomeStatus status) {
		Outcome outcome = new Outcome("O1-a", Text.of("Technical guidance note"), LocalDate.of(2019, 6, 30),
				BigDecimal.ONE, "O1");
		WorkItem item = new WorkItem("O1", "objective", Text.of("Guidance"), null, List.of(), List.of(outcome));
		Report report = new Report("obj-1", null, Text.of("Report"), List.of("O1"));
		Programme programme = new Programme("CST14", Text.of("CST"), "ICCD/COP(13)/CST/7", "EUR", List.of(report),
				List.of(item), List.of(), List.of(), new SessionFacts(opens, null, null, null));
		Summary summary = new Summary("CST14", LocalDate.parse(asOf), "EUR", List.of(status), List.of(), budget, null,
				List.of(), null);
		return RecommendationRules.derive(programme, report, summary, EN);
	}

	private static Summary.OutcomeStatus outcome(String status, boolean overdue, String lastUpdate) {
		return new Summary.OutcomeStatus("O1-a", "O1", status, BigDecimal.ZERO, LocalDate.of(2019, 6, 30), overdue,
				(lastUpdate != null) ? LocalDate.parse(lastUpdate) : null);
	}

	private static Summary.Budget gap(int gap) {
		BigDecimal g = BigDecimal.valueOf(gap);
		return new Summary.Budget(BigDecimal.valueOf(5000), BigDecimal.valueOf(5000).subtract(g), BigDecimal.ZERO, g, g,
				BigDecimal.ZERO, List.of(), Map.of());
	}

}
