package org.unccd.cst.report.xlsx;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
import org.apache.poi.xddf.usermodel.chart.BarGrouping;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.unccd.cst.ingest.LedgerFiles;
import org.unccd.cst.run.Summary;
import org.unccd.cst.model.BudgetLine;
import org.unccd.cst.model.Messages;
import org.unccd.cst.model.Outcome;
import org.unccd.cst.model.Programme;
import org.unccd.cst.model.WorkItem;
import org.unccd.cst.report.ChartColours;
import org.unccd.cst.report.ReportData;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes the workbook of a session in one language: Summary, Charts (drawn from the cells
 * of Outcomes and Budget), Outcomes, Work items, Budget (live formulas with cached
 * values), Expenditures (the whole ledger, streamed), Funding, Proposals and Rejects.
 * Every sheet runs right to left in a right-to-left language.
 */
class WorkbookWriter {

	/**
	 * Rows of an Excel sheet below its header; a longer ledger goes on in another sheet.
	 */
	static final int MAX_DATA_ROWS = 1_048_575;

	private static final String OUTCOMES = "Outcomes";

	private static final String BUDGET = "Budget";

	/** Languages written right to left: their workbooks' sheets run from the right. */

	private final JdbcTemplate jdbc;

	private final LedgerFiles ledger;

	private final Programme programme;

	private final Summary summary;

	private final Messages messages;

	private final ReportData data;

	private int maxDataRows = MAX_DATA_ROWS;

	private boolean rightToLeft;

	WorkbookWriter(JdbcTemplate jdbc, LedgerFiles ledger, Programme programme, Summary summary, Messages messages) {
		this.jdbc = jdbc;
		this.ledger = ledger;
		this.programme = programme;
		this.summary = summary;
		this.messages = messages;
		this.data = new ReportData(jdbc, programme, summary.asOf(), messages.lang());
		this.rightToLeft = messages.rightToLeft();
	}

	/** Sets the sheets' direction, so that tests need no bundle of such a language. */
	WorkbookWriter rightToLeft(boolean rightToLeft) {
		this.rightToLeft = rightToLeft;
		return this;
	}

	/** Lowers the rows per list sheet, so that tests can see a list continue. */
	WorkbookWriter maxDataRows(int rows) {
		this.maxDataRows = rows;
		return this;
	}

	void write(Path file) throws IOException {
		try (StableWorkbook workbook = new StableWorkbook()) {
			WorkbookStyles styles = new WorkbookStyles(workbook);
			summarySheet(new SheetWriter(workbook.createSheet("Summary"), styles));
			// second, where a reader finds it; drawn once the data sheets are written
			SheetWriter charts = new SheetWriter(
					workbook.createSheet(WorkbookUtil.createSafeSheetName(this.messages.get("sheet.charts"))), styles);
			outcomes(new SheetWriter(workbook.createSheet(OUTCOMES), styles));
			workItems(new SheetWriter(workbook.createSheet("Work items"), styles));
			BudgetSheet.BudgetRows budgetRows = new BudgetSheet(this.programme, this.summary, this.messages)
				.write(new SheetWriter(workbook.createSheet(BUDGET), styles), styles);
			ListSheets lists = new ListSheets(this.jdbc, this.ledger, this.programme, this.summary, this.messages,
					this.data, this.maxDataRows);
			lists.expenditures(workbook, styles);
			lists.funding(workbook, styles);
			lists.proposals(new SheetWriter(workbook.createSheet("Proposals"), styles));
			lists.rejects(workbook, styles);
			charts(charts, budgetRows);
			printLayout(workbook, charts.sheet());
			if (this.rightToLeft) {
				workbook.forEach((sheet) -> sheet.setRightToLeft(true));
			}
			POIXMLProperties.CoreProperties core = workbook.getXSSFWorkbook().getProperties().getCoreProperties();
			core.setTitle(this.messages.get("sheet.title", this.programme.title().in(this.messages.lang()),
					this.messages.date(this.summary.asOf())));
			core.setCreator(this.programme.source());
			core.setCreated(
					Optional.of(java.util.Date.from(this.summary.asOf().atStartOfDay().toInstant(ZoneOffset.UTC))));
			try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
				workbook.write(out);
			}
		}
	}

	/**
	 * Every sheet prints in landscape, as wide as one page (the charts on one page), with
	 * "Page N of M" at its foot in the workbook's language; each sheet's header row was
	 * set to print on every page as the sheet finished.
	 */
	private void printLayout(StableWorkbook workbook, org.apache.poi.ss.usermodel.Sheet charts) {
		String footer = PrintLayout.footer(this.messages.get("print.page"), this.rightToLeft);
		for (org.apache.poi.ss.usermodel.Sheet sheet : workbook) {
			PrintLayout.page(sheet, footer, sheet == charts);
		}
	}

	private void summarySheet(SheetWriter sheet) {
		Messages m = this.messages;
		sheet.widths(40, 20);
		sheet.title(m.get("sheet.title", this.programme.title().in(m.lang()), m.date(this.summary.asOf())));
		sheet.header(m.get("col.figure"), m.get("col.value2"));
		sheet.row().text(m.get("summary.session")).text(this.summary.session());
		sheet.row().text(m.get("summary.asOf")).date(this.summary.asOf());
		sheet.row().text(m.get("summary.currency")).text(this.summary.currency());
		Summary.Budget b = this.summary.budget();
		sheet.row().text(m.get("budget.total")).money(b.total());
		sheet.row().text(m.get("budget.secured")).money(b.secured());
		sheet.row().text(m.get("budget.pledged")).money(b.pledged());
		sheet.row().text(m.get("budget.gap")).money(b.gap());
		sheet.row().text(m.get("budget.gapAfterPledges")).money(b.gapAfterPledges());
		sheet.row().text(m.get("budget.spentTotal")).money(b.spent());
		Summary.Inputs in = this.summary.inputs();
		sheet.row().text(m.get("summary.read")).integer(in.read());
		sheet.row().text(m.get("summary.accepted")).integer(in.accepted());
		sheet.row().text(m.get("summary.rejected")).integer(in.rejected());
		sheet.row().text(m.get("summary.afterAsOf")).integer(in.afterAsOf());
		sheet.row().text(m.get("summary.submissions")).integer(this.summary.proposals().submissions());
		sheet.row().text(m.get("summary.topics")).integer(this.summary.proposals().topics());
		sheet.finish();
	}

	private void outcomes(SheetWriter sheet) {
		Messages m = this.messages;
		Map<String, String> latest = this.data.latestSummaries();
		Map<String, Outcome> outcomes = this.programme.outcomesByCode();
		sheet.widths(10, 10, 60, 14, 8, 12, 9, 12, 60).table("OutcomeList");
		sheet.header(m.get("col.code"), m.get("col.workItem"), m.get("col.outcome"), m.get("col.status"),
				m.get("col.percent"), m.get("col.due"), m.get("col.overdue"), m.get("col.lastUpdate"),
				m.get("col.summary"));
		for (Summary.OutcomeStatus o : this.summary.outcomes()) {
			sheet.row()
				.text(o.code())
				.text(o.workItem())
				.longText(outcomes.get(o.code()).title().in(m.lang()))
				.text(m.status(o.status()))
				.percent(o.percent())
				.date(o.due())
				.text(o.overdue() ? m.get("yes") : m.get("no"))
				.date(o.lastUpdate())
				.longText(latest.get(o.code()));
		}
		sheet.finish();
	}

	private void workItems(SheetWriter sheet) {
		Messages m = this.messages;
		Map<String, WorkItem> items = this.programme.workItemsByCode();
		// the kind as wide as its longest word in any language (Russian
		// "координационная")
		sheet.widths(10, 18, 76, 16, 8, 16).table("WorkItemList");
		sheet.header(m.get("col.code"), m.get("col.kind"), m.get("col.title"), m.get("col.status"),
				m.get("col.percent"), m.get("col.spent"));
		for (Summary.WorkItemStatus w : this.summary.workItems()) {
			WorkItem item = items.get(w.code());
			sheet.row()
				.text(w.code())
				.longText(m.codeWord("kind", item.kind()))
				.longText(item.title().in(m.lang()))
				.text(m.status(w.status()))
				.percent(w.percent())
				.money(w.spent());
		}
		sheet.finish();
	}

	/**
	 * The charts sheet: percent complete per outcome, then under a heading the budget
	 * secured against the gap and the amount and spending per budget line, every series
	 * referring to the cells of Outcomes and Budget.
	 */
	private void charts(SheetWriter sheet, BudgetSheet.BudgetRows budget) {
		Messages m = this.messages;
		ChartSheet charts = new ChartSheet((SXSSFSheet) sheet.sheet(), this.rightToLeft);
		String currency = this.summary.currency();
		List<Summary.OutcomeStatus> outcomes = this.summary.outcomes();
		if (!outcomes.isEmpty()) {
			int last = outcomes.size();
			charts
				.bars(new int[] { 0, 0, 12, 20 }, m.get("chart.progress", m.date(this.summary.asOf())),
						m.get("col.outcome"), m.get("chart.percent"), "0", BarDirection.COL, BarGrouping.CLUSTERED,
						new ChartSheet.Cells(OUTCOMES, 1, last, 0),
						outcomes.stream().map(Summary.OutcomeStatus::code).toArray(String[]::new),
						new ChartSheet.Series(m.get("chart.percent"), new ChartSheet.Cells(OUTCOMES, 1, last, 4),
								outcomes.stream().map((o) -> number(o.percent())).toArray(Double[]::new),
								ChartColours.SECURED,
								outcomes.stream().mapToInt((o) -> ChartColours.status(o.status())).toArray(),
								outcomes.stream()
									.map(Summary.OutcomeStatus::status)
									.distinct()
									.map((status) -> new ChartSheet.Key(m.status(status), ChartColours.status(status)))
									.toList()))
				.setMaximum(100);
		}
		Summary.Budget b = this.summary.budget();
		sheet.skipRows(21);
		sheet.title(m.get("chart.budget", currency));
		String amount = m.get("chart.amount", currency);
		charts.bars(new int[] { 0, 22, 6, 40 }, m.get("budget.total"), null, amount, "#,##0", BarDirection.COL,
				BarGrouping.STACKED, new ChartSheet.Cells(BUDGET, budget.total() - 1, budget.total() - 1, 0),
				new String[] { m.get("budget.total") },
				new ChartSheet.Series(m.get("chart.secured"),
						new ChartSheet.Cells(BUDGET, budget.secured() - 1, budget.secured() - 1, 3),
						new Double[] { number(b.secured()) }, ChartColours.SECURED),
				new ChartSheet.Series(m.get("chart.gap"),
						new ChartSheet.Cells(BUDGET, budget.gap() - 1, budget.gap() - 1, 3),
						new Double[] { number(b.gap()) }, ChartColours.GAP));
		if (!b.lines().isEmpty()) {
			Map<String, BudgetLine> lines = new java.util.HashMap<>();
			this.programme.budgetLines().forEach((line) -> lines.put(line.code(), line));
			int first = budget.first() - 1;
			int last = budget.last() - 1;
			charts.bars(new int[] { 6, 22, 16, 40 }, m.get("col.line"), null, amount, "#,##0", BarDirection.BAR,
					BarGrouping.CLUSTERED, new ChartSheet.Cells(BUDGET, first, last, 1),
					b.lines()
						.stream()
						.map((line) -> lines.get(line.code()).title().in(m.lang()))
						.toArray(String[]::new),
					new ChartSheet.Series(amount, new ChartSheet.Cells(BUDGET, first, last, 3),
							b.lines().stream().map((line) -> number(line.amount())).toArray(Double[]::new),
							ChartColours.UNSPENT),
					new ChartSheet.Series(m.get("chart.spent"), new ChartSheet.Cells(BUDGET, first, last, 4),
							b.lines().stream().map((line) -> number(line.spent())).toArray(Double[]::new),
							ChartColours.SPENT));
		}
	}

	private static Double number(BigDecimal value) {
		return (value != null) ? value.doubleValue() : null;
	}

}
