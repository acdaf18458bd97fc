package org.unccd.cst.aggregate;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.unccd.cst.model.Money;
import org.unccd.cst.run.Summary;
import org.unccd.cst.ingest.DataTable;
import org.unccd.cst.ingest.LatestProgress;
import org.unccd.cst.ingest.Proposals;
import org.unccd.cst.ingest.StagingTotals;
import org.unccd.cst.model.BudgetLine;
import org.unccd.cst.model.Funding;
import org.unccd.cst.model.Messages;
import org.unccd.cst.model.Outcome;
import org.unccd.cst.model.Programme;
import org.unccd.cst.model.Report;
import org.unccd.cst.model.WorkItem;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Computes the summary of a run: sums and latest rows in SQL over the staging tables, the
 * rules that are not sums in {@link ProgressRules}, {@link BudgetRules} and
 * {@link RecommendationRules}.
 */
public class SummaryCalculator {

	private final JdbcTemplate jdbc;

	private final Programme programme;

	private final LocalDate asOf;

	/** Each outcome's percent as reported, before rounding: work items average these. */
	private final Map<String, BigDecimal> reportedPercents = new HashMap<>();

	/** What the ingest step's totals cover ({@link StagingTotals#covered}). */
	private long covered = -1;

	public SummaryCalculator(JdbcTemplate jdbc, Programme programme, LocalDate asOf) {
		this.jdbc = jdbc;
		this.programme = programme;
		this.asOf = asOf;
	}

	public Summary calculate() {
		List<Summary.OutcomeStatus> outcomes = outcomes();
		Map<String, BigDecimal> spentByItem = sumBy(DataTable.EXPENDITURES, "key1",
				"after_as_of = 0 AND key1 IS NOT NULL");
		List<Summary.WorkItemStatus> workItems = workItems(outcomes, spentByItem);
		Summary.Budget budget = budget();
		Summary partial = new Summary(this.programme.session(), this.asOf, this.programme.currency(), outcomes,
				workItems, budget, proposals(), List.of(), inputs());
		return new Summary(partial.session(), partial.asOf(), partial.currency(), outcomes, workItems, budget,
				partial.proposals(), recommendations(partial), partial.inputs());
	}

	private List<Summary.OutcomeStatus> outcomes() {
		// outcomes are few and rows many: the ingest step kept the latest row of each
		Map<String, BigDecimal> percents = this.reportedPercents;
		List<Summary.OutcomeStatus> statuses = new ArrayList<>();
		for (Outcome outcome : this.programme.allOutcomes()) {
			Long latest = LatestProgress.seq(this.jdbc, outcome.code(), LatestProgress.Kind.STATUS, this.asOf,
					covered());
			Object[] row = (latest == null) ? null
					: this.jdbc.queryForObject("SELECT status, row_date FROM progress WHERE seq = ?",
							(rs, n) -> new Object[] { rs.getString(1), rs.getDate(2).toLocalDate() }, latest);
			Long withPercent = LatestProgress.seq(this.jdbc, outcome.code(), LatestProgress.Kind.PERCENT, this.asOf,
					covered());
			if (withPercent != null) {
				this.jdbc.query(
						"SELECT CASE WHEN status = 'completed' THEN 100 ELSE percent END FROM progress WHERE seq = ?",
						(rs, n) -> rs.getBigDecimal(1), withPercent)
					.forEach((percent) -> percents.put(outcome.code(), percent));
			}
			String status = (row != null) ? (String) row[0] : ProgressRules.PLANNED;
			BigDecimal percent = Money.percent(percents.getOrDefault(outcome.code(), BigDecimal.ZERO));
			boolean overdue = ProgressRules.overdue(outcome.due(), status, this.asOf);
			statuses.add(new Summary.OutcomeStatus(outcome.code(), outcome.workItem(), status, percent, outcome.due(),
					overdue, (row != null) ? (LocalDate) row[1] : null));
		}
		return statuses;
	}

	private List<Summary.WorkItemStatus> workItems(List<Summary.OutcomeStatus> outcomes,
			Map<String, BigDecimal> spentByItem) {
		Map<String, Summary.OutcomeStatus> byCode = new HashMap<>();
		outcomes.forEach((o) -> byCode.put(o.code(), o));
		Map<String, Outcome> programmeOutcomes = this.programme.outcomesByCode();
		List<Summary.WorkItemStatus> items = new ArrayList<>();
		for (WorkItem item : this.programme.allWorkItems()) {
			List<ProgressRules.OutcomeState> states = item.subtreeOutcomes()
				.stream()
				.map((o) -> byCode.get(o.code()))
				.map((s) -> new ProgressRules.OutcomeState(s.status(),
						this.reportedPercents.getOrDefault(s.code(), BigDecimal.ZERO),
						programmeOutcomes.get(s.code()).weight(), s.overdue()))
				.toList();
			BigDecimal spent = item.subtree()
				.stream()
				.map((each) -> spentByItem.getOrDefault(each.code(), BigDecimal.ZERO))
				.reduce(BigDecimal.ZERO, BigDecimal::add);
			items.add(new Summary.WorkItemStatus(item.code(), ProgressRules.status(states),
					ProgressRules.percent(states), Money.halfEven(spent)));
		}
		return items;
	}

	private Summary.Budget budget() {
		Map<String, BigDecimal> spentByLine = sumBy(DataTable.EXPENDITURES, "key2", "after_as_of = 0");
		Map<String, BigDecimal> received = sumBy(DataTable.FUNDING, "key1", "after_as_of = 0 AND key2 = 'received'");
		BigDecimal pledged = this.jdbc.queryForObject(
				"SELECT COALESCE(SUM(amount), 0) FROM (" + StagingTotals.figures(DataTable.FUNDING)
						+ ") f WHERE after_as_of = 0 AND key2 = 'pledged'",
				BigDecimal.class, StagingTotals.arguments(DataTable.FUNDING, this.asOf, covered()));
		Map<String, BigDecimal[]> bySource = new LinkedHashMap<>();
		for (String source : List.of("core", "extrabudgetary")) {
			bySource.put(source, new BigDecimal[] { BigDecimal.ZERO, received.getOrDefault(source, BigDecimal.ZERO),
					BigDecimal.ZERO });
		}
		for (Funding funding : this.programme.funding()) {
			BigDecimal[] figures = bySource.get(funding.source());
			figures[1] = figures[1].add(funding.amount());
		}
		List<Summary.LineStatus> lines = new ArrayList<>();
		BigDecimal total = BigDecimal.ZERO;
		BigDecimal spent = BigDecimal.ZERO;
		for (BudgetLine line : this.programme.budgetLines()) {
			BigDecimal lineSpent = Money.halfEven(spentByLine.getOrDefault(line.code(), BigDecimal.ZERO));
			lines.add(new Summary.LineStatus(line.code(), line.source(), Money.halfEven(line.amount()), lineSpent,
					BudgetRules.executionRate(lineSpent, line.amount())));
			BigDecimal[] figures = bySource.get(line.source());
			figures[0] = figures[0].add(line.amount());
			figures[2] = figures[2].add(lineSpent);
			total = total.add(line.amount());
			spent = spent.add(lineSpent);
		}
		Map<String, Summary.SourceStatus> sources = new LinkedHashMap<>();
		BigDecimal secured = BigDecimal.ZERO;
		for (Map.Entry<String, BigDecimal[]> entry : bySource.entrySet()) {
			BigDecimal[] f = entry.getValue();
			sources.put(entry.getKey(),
					new Summary.SourceStatus(Money.halfEven(f[0]), Money.halfEven(f[1]), Money.halfEven(f[2])));
			secured = secured.add(f[1]);
		}
		BigDecimal gap = BudgetRules.gap(total, secured);
		return new Summary.Budget(Money.halfEven(total), Money.halfEven(secured), Money.halfEven(pledged), gap,
				BudgetRules.gapAfterPledges(gap, pledged), Money.halfEven(spent), lines, sources);
	}

	private Summary.Proposals proposals() {
		Map<String, Long> byCluster = new LinkedHashMap<>();
		Proposals.CLUSTERS.forEach((cluster) -> byCluster.put(cluster, 0L));
		this.jdbc.query("SELECT cluster, COUNT(*) FROM proposal GROUP BY cluster", (rs) -> {
			byCluster.put(rs.getString(1), rs.getLong(2));
		});
		long submissions = this.jdbc.queryForObject("SELECT COUNT(DISTINCT no) FROM proposal", Long.class);
		long topics = this.jdbc.queryForObject("SELECT COUNT(*) FROM proposal", Long.class);
		long rejected = this.jdbc.queryForObject("SELECT COUNT(*) FROM reject WHERE source_id = ?", Long.class,
				Proposals.SOURCE);
		return new Summary.Proposals(submissions, topics, byCluster, rejected);
	}

	private List<Summary.Recommendation> recommendations(Summary summary) {
		Messages english = Messages.of("en");
		List<Summary.Recommendation> all = new ArrayList<>();
		for (Report report : this.programme.reports()) {
			List<Summary.Recommendation> input = new ArrayList<>();
			this.jdbc.query("SELECT text, addressee, priority FROM recommendation WHERE report = ? "
					+ "AND (row_date IS NULL OR row_date <= ?) ORDER BY priority, seq", (rs) -> {
						input.add(new Summary.Recommendation(report.id(), rs.getString(1),
								(rs.getString(2) != null) ? rs.getString(2) : english.get("addressee.cop"),
								rs.getInt(3), "input", null));
					}, report.id(), Date.valueOf(this.asOf));
			all.addAll(input);
			List<Summary.Recommendation> derived = new ArrayList<>(
					RecommendationRules.derive(this.programme, report, summary, english));
			derived.sort(Comparator.comparingInt(Summary.Recommendation::priority));
			all.addAll(derived);
		}
		return all;
	}

	/** The data rows read, accepted and rejected, per file and in total. */
	Summary.Inputs inputs() {
		Map<Integer, long[]> counts = new LinkedHashMap<>();
		Map<Integer, String> labels = new LinkedHashMap<>();
		this.jdbc.query("SELECT id, label FROM source_file WHERE id >= 0 ORDER BY id", (rs) -> {
			labels.put(rs.getInt(1), rs.getString(2));
			counts.put(rs.getInt(1), new long[2]);
		});
		long[] afterAsOf = { 0 };
		for (DataTable table : DataTable.values()) {
			this.jdbc.query("SELECT source_id, SUM(n), SUM(after_as_of * n) FROM (" + StagingTotals.figures(table)
					+ ") f GROUP BY source_id HAVING SUM(n) <> 0", (rs) -> {
						counts.computeIfAbsent(rs.getInt(1), (id) -> new long[2])[0] += rs.getLong(2);
						afterAsOf[0] += rs.getLong(3);
					}, StagingTotals.arguments(table, this.asOf, covered()));
		}
		this.jdbc.query("SELECT source_id, COUNT(*) FROM reject WHERE source_id >= 0 GROUP BY source_id", (rs) -> {
			counts.computeIfAbsent(rs.getInt(1), (id) -> new long[2])[1] += rs.getLong(2);
		});
		List<Summary.FileCount> files = new ArrayList<>();
		long accepted = 0;
		long rejected = 0;
		for (Map.Entry<Integer, long[]> entry : counts.entrySet()) {
			long[] c = entry.getValue();
			files.add(new Summary.FileCount(labels.get(entry.getKey()), c[0] + c[1], c[0], c[1]));
			accepted += c[0];
			rejected += c[1];
		}
		return new Summary.Inputs(accepted + rejected, accepted, rejected, afterAsOf[0], files);
	}

	/**
	 * Sums of converted amounts of a table's rows by a key of its totals, for the groups
	 * that have rows.
	 */
	private Map<String, BigDecimal> sumBy(DataTable table, String key, String condition) {
		Map<String, BigDecimal> sums = new HashMap<>();
		this.jdbc.query("SELECT " + key + ", SUM(amount) FROM (" + StagingTotals.figures(table) + ") f WHERE "
				+ condition + " GROUP BY " + key + " HAVING SUM(n) <> 0", (rs) -> {
					sums.put(rs.getString(1), rs.getBigDecimal(2));
				}, StagingTotals.arguments(table, this.asOf, covered()));
		return sums;
	}

	private long covered() {
		if (this.covered < 0) {
			this.covered = StagingTotals.covered(this.jdbc, this.asOf);
		}
		return this.covered;
	}

}
