package org.unccd.cst.console;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.unccd.cst.history.SummaryDiff;
import org.unccd.cst.run.Summary;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link FigureWording}: the figures that differ between two sets, worded in
 * the console's languages from its real message bundles.
 */
class FigureWordingTests {

	private static final ResourceBundleMessageSource MESSAGES = new ResourceBundleMessageSource();

	static {
		MESSAGES.setBasenames("messages.console", "messages.labels");
		MESSAGES.setDefaultEncoding("UTF-8");
		MESSAGES.setFallbackToSystemLocale(false);
	}

	private static Summary summary(String gap, String status, String percent, boolean overdue, int rejected) {
		Summary.Budget budget = new Summary.Budget(new BigDecimal("515000.00"), new BigDecimal("310000.00"),
				BigDecimal.ZERO, new BigDecimal(gap), new BigDecimal(gap), BigDecimal.ZERO, List.of(), Map.of());
		return new Summary("S1", LocalDate.parse("2019-06-30"), "EUR",
				List.of(new Summary.OutcomeStatus("O1-a", "O1", status, new BigDecimal(percent),
						LocalDate.of(2019, 6, 30), overdue, LocalDate.of(2019, 5, 2))),
				List.of(), budget, new Summary.Proposals(30, 39, Map.of(), 0), List.of(),
				new Summary.Inputs(10 + rejected, 10, rejected, 0, List.of()));
	}

	private static List<String> rows(String lang) {
		List<SummaryDiff.Figure> figures = SummaryDiff.figures(summary("205000.00", "in_progress", "50.0", false, 1),
				summary("200000.00", "delayed", "50.0", true, 3));
		return FigureWording.rows(figures, MESSAGES, Locale.forLanguageTag(lang))
			.stream()
			.map((row) -> (row.label() + ": " + row.change()).replaceAll("[\u2066-\u2069]", ""))
			.toList();
	}

	@Test
	void theFiguresAreWordedInEnglishWithTheReportsBudgetLabels() {
		assertThat(rows("en")).contains("Budget gap: 205,000.00 → 200,000.00 (-5,000.00)",
				"Outcome O1-a: in progress, 50.0 % → delayed, 50.0 %; now overdue", "Rows rejected: 1 → 3 (+2)");
	}

	@Test
	void theFiguresAreWordedInEachLanguageWithoutEnglishOrCodes() {
		assertThat(rows("fr")).contains("Déficit budgétaire: 205,000.00 → 200,000.00 (-5,000.00)",
				"Résultat O1-a: en cours, 50.0 % → en retard, 50.0 %\u00a0; désormais en retard");
		assertThat(rows("zh")).contains("成果O1-a: 进行中，50.0 % → 已延误，50.0 %；现已逾期");
		assertThat(rows("ar")).contains("النتيجة O1-a: قيد التنفيذ، 50.0 % ← متأخر، 50.0 %؛ فات موعده الآن");
		for (String lang : List.of("fr", "es", "ru", "zh", "ar")) {
			assertThat(String.join("\n", rows(lang))).as(lang)
				.doesNotContain("in_progress", "delayed", "budget", "overdue", "outcome", "->");
		}
	}

	@Test
	void anOutcomeNewOrNoLongerListedSaysSo() {
		Summary before = summary("205000.00", "in_progress", "50.0", false, 1);
		Summary after = new Summary(before.session(), before.asOf(), before.currency(), List.of(), List.of(),
				before.budget(), before.proposals(), List.of(), before.inputs());
		assertThat(FigureWording.rows(SummaryDiff.figures(before, after), MESSAGES, Locale.FRENCH))
			.extracting((row) -> row.change())
			.containsExactly("ne figure plus dans la liste");
		assertThat(FigureWording.rows(SummaryDiff.figures(after, before), MESSAGES, Locale.ENGLISH))
			.extracting((row) -> row.change().replaceAll("[\u2066-\u2069]", ""))
			.containsExactly("new: in progress, 50.0 %");
	}

}
