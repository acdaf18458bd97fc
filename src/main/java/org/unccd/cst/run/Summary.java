package org.unccd.cst.run;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Every aggregate figure of a run, as {@code summary.json} holds it; amounts in the
 * programme currency.
 */
public record Summary(String session, LocalDate asOf, String currency, List<OutcomeStatus> outcomes,
		List<WorkItemStatus> workItems, Budget budget, Proposals proposals, List<Recommendation> recommendations,
		Inputs inputs) {

	public record OutcomeStatus(String code, String workItem, String status, BigDecimal percent, LocalDate due,
			boolean overdue, LocalDate lastUpdate) {
	}

	public record WorkItemStatus(String code, String status, BigDecimal percent, BigDecimal spent) {
	}

	public record Budget(BigDecimal total, BigDecimal secured, BigDecimal pledged, BigDecimal gap,
			BigDecimal gapAfterPledges, BigDecimal spent, List<LineStatus> lines, Map<String, SourceStatus> bySource) {
	}

	public record LineStatus(String code, String source, BigDecimal amount, BigDecimal spent,
			BigDecimal executionRate) {
	}

	public record SourceStatus(BigDecimal amount, BigDecimal secured, BigDecimal spent) {
	}

	public record Proposals(long submissions, long topics, Map<String, Long> byCluster, long rejected) {
	}

	/**
	 * A policy-oriented recommendation.
	 *
	 * @param origin {@code input} or {@code rule}
	 * @param rule the rule that derived it, {@code null} for input ones
	 */
	public record Recommendation(String report, String text, String addressee, int priority, String origin,
			String rule) {
	}

	public record Inputs(long read, long accepted, long rejected, long afterAsOf, List<FileCount> files) {
	}

	public record FileCount(String file, long read, long accepted, long rejected) {
	}

}
