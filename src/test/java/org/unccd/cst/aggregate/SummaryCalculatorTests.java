package org.unccd.cst.aggregate;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unccd.cst.TestInputs;
import org.unccd.cst.ingest.CrossRowChecks;
import org.unccd.cst.ingest.LedgerFiles;
import org.unccd.cst.ingest.IngestedRows;
import org.unccd.cst.ingest.ProposalsLoader;
import org.unccd.cst.ingest.StagingItemWriter;
import org.unccd.cst.ingest.StagingSchema;
import org.unccd.cst.model.Programme;
import org.unccd.cst.programme.ProgrammeLoader;
import org.unccd.cst.run.Summary;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Tests for {@link SummaryCalculator}: the contract's aggregation rules over staging
 * tables filled as the ingest step fills them, on the test programme (A.1-x due
 * 2021-03-31 with weight 3, A.1-y, B-x; lines L1 80,000 and L2 20,000; 50,000 secured at
 * adoption), as of 2021-04-30. Every expected figure is worked out by hand.
 */
class SummaryCalculatorTests {

	private static final LocalDate AS_OF = LocalDate.parse(TestInputs.AS_OF);

	@TempDir
	Path dir;

	private JdbcTemplate jdbc;

	private Programme programme;

	private final IngestedRows rows = new IngestedRows();

	@BeforeEach
	void stage() throws Exception {
		JdbcDataSource dataSource = new JdbcDataSource();
		dataSource.setURL("jdbc:h2:mem:" + getClass().getSimpleName() + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
		this.jdbc = new JdbcTemplate(dataSource);
		StagingSchema.statements().forEach(this.jdbc::execute);
		Path input = TestInputs.write(this.dir.resolve("in"));
		this.programme = ProgrammeLoader.load(input);
		new ProposalsLoader(this.jdbc).load(input);
		StagingItemWriter writer = new StagingItemWriter(this.jdbc,
				new LedgerFiles(this.jdbc, this.dir.resolve("ledger")), this.dir, AS_OF);
		writer.open(new ExecutionContext());
		writer.write(new Chunk<>(this.rows.progress("A.1-x", "2021-01-10", "in_progress", "40"),
				// a status-only update keeps the earlier percent
				this.rows.progress("A.1-x", "2021-02-20", "delayed", null),
				this.rows.progress("A.1-y", "2021-02-01", "completed", null),
				// after the as-of date: B-x stays planned
				this.rows.progress("B-x", "2021-05-01", "in_progress", "10"),
				this.rows.expenditure("X-1", "L1", "A.1", "2021-01-15", "1234.56"),
				this.rows.expenditure("X-3", "L2", null, "2021-03-01", "5000.00"),
				this.rows.expenditure("X-9", "L1", "B", "2021-06-01", "999.00"),
				this.rows.funding("F-1", "received", "2021-02-01", "10000.00"),
				this.rows.funding("F-2", "pledged", "2021-03-01", "5000.00"),
				this.rows.funding("F-3", "received", "2021-06-01", "7000.00")));
		writer.close();
		new CrossRowChecks(this.jdbc, AS_OF, new LedgerFiles(this.jdbc, this.dir.resolve("ledger"))).run();
	}

	@Test
	void anOutcomeHasItsLatestStatusAndTheLatestPercentGiven() {
		Summary summary = calculate();

		assertThat(summary.outcomes())
			.extracting(Summary.OutcomeStatus::code, Summary.OutcomeStatus::status, (o) -> o.percent().toPlainString(),
					Summary.OutcomeStatus::overdue)
			.containsExactly(tuple("A.1-x", "delayed", "40.0", true), tuple("A.1-y", "completed", "100.0", false),
					tuple("B-x", "planned", "0.0", false));
	}

	@Test
	void aWorkItemAveragesItsSubtreeByWeightAndSpendsWhatItsSubtreeSpent() {
		Summary summary = calculate();

		// (40 x 3 + 100 x 1) / 4 = 55; delayed because A.1-x is
		assertThat(summary.workItems())
			.extracting(Summary.WorkItemStatus::code, Summary.WorkItemStatus::status,
					(w) -> w.percent().toPlainString(), (w) -> w.spent().toPlainString())
			.containsExactly(tuple("A", "delayed", "55.0", "1234.56"), tuple("A.1", "delayed", "55.0", "1234.56"),
					tuple("B", "planned", "0.0", "0.00"));
	}

	@Test
	void theBudgetCountsReceivedFundingUpToTheAsOfDateAndPledgesApart() {
		Summary.Budget budget = calculate().budget();

		assertThat(budget.total()).isEqualByComparingTo("100000");
		// 50,000 at adoption + F-1; F-3 came after the as-of date
		assertThat(budget.secured()).isEqualByComparingTo("60000");
		assertThat(budget.pledged()).isEqualByComparingTo("5000");
		assertThat(budget.gap()).isEqualByComparingTo("40000");
		assertThat(budget.gapAfterPledges()).isEqualByComparingTo("35000");
		// X-9 came after the as-of date
		assertThat(budget.spent()).isEqualByComparingTo("6234.56");
		// 1,234.56 / 80,000 = 1.54 %; 5,000 / 20,000 = 25 %
		assertThat(budget.lines())
			.extracting(Summary.LineStatus::code, (l) -> l.spent().toPlainString(),
					(l) -> l.executionRate().toPlainString())
			.containsExactly(tuple("L1", "1234.56", "1.5"), tuple("L2", "5000.00", "25.0"));
		Map<String, Summary.SourceStatus> bySource = budget.bySource();
		assertThat(bySource.get("core").secured()).isEqualByComparingTo("20000");
		assertThat(bySource.get("extrabudgetary").secured()).isEqualByComparingTo("40000");
		assertThat(bySource.get("extrabudgetary").spent()).isEqualByComparingTo("1234.56");
	}

	@Test
	void theInputsCountEveryRowAndThoseDatedAfterTheAsOfDate() {
		Summary summary = calculate();

		assertThat(summary.inputs().read()).isEqualTo(10);
		assertThat(summary.inputs().accepted()).isEqualTo(10);
		assertThat(summary.inputs().rejected()).isZero();
		// B-x's row, X-9 and F-3
		assertThat(summary.inputs().afterAsOf()).isEqualTo(3);
		assertThat(summary.proposals().submissions()).isEqualTo(2);
		assertThat(summary.proposals().topics()).isEqualTo(3);
		assertThat(summary.session()).isEqualTo("T1");
		assertThat(summary.asOf()).isEqualTo(LocalDate.of(2021, 4, 30));
	}

	private Summary calculate() {
		return new SummaryCalculator(this.jdbc, this.programme, AS_OF).calculate();
	}

}
