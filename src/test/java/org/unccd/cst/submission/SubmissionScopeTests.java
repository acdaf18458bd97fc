package org.unccd.cst.submission;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.unccd.cst.ingest.DataTable;
import org.unccd.cst.ingest.RawRecord;
import org.unccd.cst.model.Outcome;
import org.unccd.cst.model.Programme;
import org.unccd.cst.model.Report;
import org.unccd.cst.model.Text;
import org.unccd.cst.model.WorkItem;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a scope lets a contributor submit: rows of its work items (with their sub-items),
 * of the reports it names or that cover them; never funding or rates.
 */
class SubmissionScopeTests {

	/**
	 * Objective A with sub-item A.1 (outcome A.1-x) and outcome A-x of its own;
	 * coordination B (outcome B-x); report alpha covers A.1, beta covers B.
	 */
	private static Programme programme() {
		WorkItem a1 = new WorkItem("A.1", "objective", Text.of("A one"), "A", List.of(),
				List.of(new Outcome("A.1-x", Text.of("x"), null, BigDecimal.ONE, "A.1")));
		WorkItem a = new WorkItem("A", "objective", Text.of("A"), null, List.of(a1),
				List.of(new Outcome("A-x", Text.of("x"), null, BigDecimal.ONE, "A")));
		WorkItem b = new WorkItem("B", "coordination", Text.of("B"), null, List.of(),
				List.of(new Outcome("B-x", Text.of("x"), null, BigDecimal.ONE, "B")));
		return new Programme("T1", Text.of("T"), "T/1", "EUR",
				List.of(new Report("alpha", "T/A", Text.of("Alpha"), List.of("A.1")),
						new Report("beta", "T/B", Text.of("Beta"), List.of("B"))),
				List.of(a, b), List.of(), List.of());
	}

	private static RawRecord record(DataTable table, String column, String value) {
		String[] values = new String[table.columns().size()];
		values[table.column(column)] = value;
		return new RawRecord(1, 1, "x.csv", table, 2, values, null);
	}

	private static String reason(SubmissionScope scope, DataTable table, String column, String value) {
		RawRecord.Problem problem = scope.problem(record(table, column, value));
		return (problem != null) ? problem.reason() : null;
	}

	@Test
	void aWorkItemBringsItsSubItemsAndTheReportsThatCoverThem() {
		SubmissionScope scope = new SubmissionScope(programme(), List.of("A"));
		assertThat(reason(scope, DataTable.PROGRESS, "outcome", "A-x")).isNull();
		assertThat(reason(scope, DataTable.FINDINGS, "outcome", "A.1-x")).isNull();
		assertThat(reason(scope, DataTable.PROGRESS, "outcome", "B-x")).isEqualTo(
				"outcome \"B-x\" is outside your scope (A): ask an officer to submit it, or to widen your scope");
		assertThat(reason(scope, DataTable.EXPENDITURES, "work_item", "A.1")).isNull();
		assertThat(reason(scope, DataTable.EXPENDITURES, "work_item", "B")).startsWith("work item \"B\" is outside");
		assertThat(reason(scope, DataTable.EXPENDITURES, "budget_line", "L1")).contains("fill in work_item");
		assertThat(reason(scope, DataTable.RECOMMENDATIONS, "report", "alpha")).isNull();
		assertThat(reason(scope, DataTable.RECOMMENDATIONS, "report", "beta")).startsWith("report \"beta\" is outside");
		assertThat(reason(scope, DataTable.FUNDING, "reference", "F-1"))
			.startsWith("funding rows belong to the whole programme");
		assertThat(reason(scope, DataTable.RATES, "currency", "USD"))
			.startsWith("rates rows belong to the whole programme");
	}

	@Test
	void aSubItemLeavesItsParentOutAndAReportBringsWhatItCovers() {
		SubmissionScope subItem = new SubmissionScope(programme(), List.of("A.1"));
		assertThat(reason(subItem, DataTable.PROGRESS, "outcome", "A.1-x")).isNull();
		assertThat(reason(subItem, DataTable.PROGRESS, "outcome", "A-x")).isNotNull();
		SubmissionScope report = new SubmissionScope(programme(), List.of("beta"));
		assertThat(reason(report, DataTable.PROGRESS, "outcome", "B-x")).isNull();
		assertThat(reason(report, DataTable.RECOMMENDATIONS, "report", "beta")).isNull();
		assertThat(reason(report, DataTable.PROGRESS, "outcome", "A.1-x")).isNotNull();
		SubmissionScope unknown = new SubmissionScope(programme(), List.of("Z"));
		assertThat(reason(unknown, DataTable.PROGRESS, "outcome", "A.1-x")).isNotNull();
	}

}
