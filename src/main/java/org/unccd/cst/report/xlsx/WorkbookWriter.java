package org.unccd.cst.report.xlsx;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
import org.apache.poi.xddf.usermodel.chart.BarGrouping;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.unccd.cst.aggregate.RejectsCsvWriter;
import org.unccd.cst.aggregate.Summary;
import org.unccd.cst.model.BudgetLine;
import org.unccd.cst.model.Funding;
import org.unccd.cst.model.Messages;
import org.unccd.cst.model.Outcome;
import org.unccd.cst.model.Programme;
import org.unccd.cst.model.WorkItem;
import org.unccd.cst.report.ChartColours;
import org.unccd.cst.report.ReportData;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

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

	private final Programme programme;

	private final Summary summary;

	private final Messages messages;

	private final ReportData data;

	private int maxDataRows = MAX_DATA_ROWS;

	private boolean rightToLeft;

	WorkbookWriter(JdbcTemplate jdbc, Programme programme, Summary summary, Messages messages) {
		this.jdbc = jdbc;
		this.programme = programme;
		this.summary = summary;
		this.messages = messages;
		this.data = new ReportData(jdbc, programme, LocalDate.parse(summary.asOf()), messages.lang());
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
			BudgetRows budgetRows = budget(new SheetWriter(workbook.createSheet(BUDGET), styles), styles);
			expenditures(workbook, styles);
			funding(workbook, styles);
			proposals(new SheetWriter(workbook.createSheet("Proposals"), styles));
			rejects(workbook, styles);
			charts(charts, budgetRows);
			printLayout(workbook, charts.sheet());
			if (this.rightToLeft) {
				workbook.forEach((sheet) -> sheet.setRightToLeft(true));
			}
			POIXMLProperties.CoreProperties core = workbook.getXSSFWorkbook().getProperties().getCoreProperties();
			core.setTitle(this.messages.get("sheet.title", this.programme.title().in(this.messages.lang()),
					this.messages.date(LocalDate.parse(this.summary.asOf()))));
			core.setCreator(this.programme.source());
			core.setCreated(Optional.of(java.util.Date
				.from(LocalDate.parse(this.summary.asOf()).atStartOfDay().toInstant(ZoneOffset.UTC))));
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
		sheet.title(m.get("sheet.title", this.programme.title().in(m.lang()),
				m.date(LocalDate.parse(this.summary.asOf()))));
		sheet.header(m.get("col.figure"), m.get("col.value2"));
		sheet.row().text(m.get("summary.session")).text(this.summary.session());
		sheet.row().text(m.get("summary.asOf")).date(LocalDate.parse(this.summary.asOf()));
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
				.date((o.due() != null) ? LocalDate.parse(o.due()) : null)
				.text(o.overdue() ? m.get("yes") : m.get("no"))
				.date((o.lastUpdate() != null) ? LocalDate.parse(o.lastUpdate()) : null)
				.longText(latest.get(o.code()));
		}
		sheet.finish();
	}

	private void workItems(SheetWriter sheet) {
		Messages m = this.messages;
		Map<String, WorkItem> items = this.programme.workItemsByCode();
		sheet.widths(10, 14, 80, 14, 8, 16).table("WorkItemList");
		sheet.header(m.get("col.code"), m.get("col.kind"), m.get("col.title"), m.get("col.status"),
				m.get("col.percent"), m.get("col.spent"));
		for (Summary.WorkItemStatus w : this.summary.workItems()) {
			WorkItem item = items.get(w.code());
			sheet.row()
				.text(w.code())
				.text(item.kind())
				.longText(item.title().in(m.lang()))
				.text(m.status(w.status()))
				.percent(w.percent())
				.money(w.spent());
		}
		sheet.finish();
	}

	/**
	 * Where the Budget sheet holds what the charts show (1-based rows, as formulas name
	 * them).
	 *
	 * @param first the first budget line
	 * @param last the last budget line
	 * @param total the total budget
	 * @param secured the funding secured
	 * @param gap the budget gap
	 */
	private record BudgetRows(int first, int last, int total, int secured, int gap) {
	}

	private BudgetRows budget(SheetWriter sheet, WorkbookStyles styles) {
		Messages m = this.messages;
		Summary.Budget b = this.summary.budget();
		sheet.widths(30, 45, 16, 16, 16, 12).table("BudgetLines");
		sheet.header(m.get("col.code"), m.get("col.line"), m.get("col.source"), m.get("col.amount"), m.get("col.spent"),
				m.get("col.execution"));
		int first = sheet.rowNumber() + 1;
		Map<String, BudgetLine> lines = new java.util.HashMap<>();
		this.programme.budgetLines().forEach((line) -> lines.put(line.code(), line));
		for (Summary.LineStatus line : b.lines()) {
			sheet.row().text(line.code()).longText(lines.get(line.code()).title().in(m.lang())).text(line.source());
			int r = sheet.rowNumber();
			sheet.money(line.amount())
				.money(line.spent())
				.formula("IF(D" + r + "=0,0,ROUND(E" + r + "/D" + r + "*100,1))", line.executionRate(), styles.percent);
		}
		// the table is the budget lines; the totals below refer to them by cell
		sheet.endTable();
		int last = Math.max(sheet.rowNumber(), first);
		String amounts = "D" + first + ":D" + last;
		String spent = "E" + first + ":E" + last;
		BigDecimal adoption = this.programme.funding()
			.stream()
			.map(Funding::amount)
			.reduce(BigDecimal.ZERO, BigDecimal::add);
		sheet.row();
		sheet.row()
			.text(m.get("budget.total"))
			.skip()
			.skip()
			.formula("SUM(" + amounts + ")", b.total(), styles.moneyBold);
		int total = sheet.rowNumber();
		sheet.row().text(m.get("budget.programmeFunding")).skip().skip().money(adoption);
		int adopted = sheet.rowNumber();
		sheet.row().text(m.get("budget.received")).skip().skip().money(b.secured().subtract(adoption));
		int received = sheet.rowNumber();
		sheet.row()
			.text(m.get("budget.secured"))
			.skip()
			.skip()
			.formula("D" + adopted + "+D" + received, b.secured(), styles.moneyBold);
		int secured = sheet.rowNumber();
		sheet.row().text(m.get("budget.pledged")).skip().skip().money(b.pledged());
		int pledged = sheet.rowNumber();
		sheet.row()
			.text(m.get("budget.gap"))
			.skip()
			.skip()
			.formula("MAX(0,D" + total + "-D" + secured + ")", b.gap(), styles.moneyBold);
		int gap = sheet.rowNumber();
		sheet.row()
			.text(m.get("budget.gapAfterPledges"))
			.skip()
			.skip()
			.formula("MAX(0,D" + gap + "-D" + pledged + ")", b.gapAfterPledges(), styles.moneyBold);
		sheet.row()
			.text(m.get("budget.spentTotal"))
			.skip()
			.skip()
			.formula("SUM(" + spent + ")", b.spent(), styles.money);
		int spentRow = sheet.rowNumber();
		sheet.row()
			.text(m.get("budget.executionTotal"))
			.skip()
			.skip()
			.formula("IF(D" + total + "=0,0,ROUND(D" + spentRow + "/D" + total + "*100,1))",
					org.unccd.cst.aggregate.BudgetRules.executionRate(b.spent(), b.total()), styles.percent);
		sheet.row();
		sheet.row()
			.text(m.get("col.source"))
			.skip()
			.skip()
			.text(m.get("col.amount"))
			.text(m.get("budget.secured"))
			.text(m.get("col.spent"));
		for (Map.Entry<String, Summary.SourceStatus> entry : b.bySource().entrySet()) {
			sheet.row().text(entry.getKey()).skip().skip();
			String source = sheet.here().replace("D", "A");
			sheet
				.formula("SUMIF(C" + first + ":C" + last + "," + source + "," + amounts + ")",
						entry.getValue().amount(), styles.money)
				.money(entry.getValue().secured())
				.formula("SUMIF(C" + first + ":C" + last + "," + source + "," + spent + ")", entry.getValue().spent(),
						styles.money);
		}
		sheet.finish();
		return new BudgetRows(first, first + b.lines().size() - 1, total, secured, gap);
	}

	/**
	 * The charts sheet: percent complete per outcome, then under a heading the budget
	 * secured against the gap and the amount and spending per budget line, every series
	 * referring to the cells of Outcomes and Budget.
	 */
	private void charts(SheetWriter sheet, BudgetRows budget) {
		Messages m = this.messages;
		ChartSheet charts = new ChartSheet((SXSSFSheet) sheet.sheet(), this.rightToLeft);
		String currency = this.summary.currency();
		List<Summary.OutcomeStatus> outcomes = this.summary.outcomes();
		if (!outcomes.isEmpty()) {
			int last = outcomes.size();
			charts
				.bars(new int[] { 0, 0, 12, 20 }, m.get("chart.progress", m.date(LocalDate.parse(this.summary.asOf()))),
						m.get("col.outcome"), m.get("chart.percent"), "0", BarDirection.COL, BarGrouping.CLUSTERED,
						new ChartSheet.Cells(OUTCOMES, 1, last, 0),
						outcomes.stream().map(Summary.OutcomeStatus::code).toArray(String[]::new),
						new ChartSheet.Series(m.get("chart.percent"), new ChartSheet.Cells(OUTCOMES, 1, last, 4),
								outcomes.stream().map((o) -> number(o.percent())).toArray(Double[]::new),
								ChartColours.SECURED,
								outcomes.stream().mapToInt((o) -> ChartColours.status(o.status())).toArray()))
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

	/**
	 * The whole ledger, in the order of the input, over as many sheets as it needs: the
	 * sheets and their headers are made now, the rows are streamed from the database into
	 * each sheet as the workbook is written.
	 */
	private void expenditures(StableWorkbook workbook, WorkbookStyles styles) {
		Messages m = this.messages;
		String[] header = { m.get("col.date"), m.get("col.line"), m.get("col.workItem"), m.get("col.originalAmount"),
				m.get("col.currency"), m.get("col.rate"), m.get("col.converted", this.summary.currency()),
				m.get("col.reference"), m.get("col.description"), m.get("col.file"), m.get("col.lineNo") };
		int[] widths = { 12, 10, 10, 16, 9, 12, 16, 18, 40, 34, 8 };
		long count = this.jdbc.queryForObject("SELECT COUNT(*) FROM expenditure", Long.class);
		String query = "SELECT e.row_date, e.budget_line, e.work_item, e.amount, e.currency, e.conversion_rate, "
				+ "e.amount_pc, e.reference, " + this.data.localized("description") + ", f.label, e.line, e.seq "
				+ "FROM expenditure e JOIN source_file f ON f.id = e.source_id WHERE e.seq > ? "
				+ "ORDER BY e.seq FETCH NEXT ? ROWS ONLY";
		int date = styles.date.getIndex();
		int text = styles.text.getIndex();
		int quoted = styles.quotedText.getIndex();
		int wrapped = styles.wrapped.getIndex();
		int quotedWrapped = styles.quotedWrapped.getIndex();
		int descriptionWidth = widths[8];
		int fileWidth = widths[9];
		int money = styles.money.getIndex();
		int rate = styles.rate.getIndex();
		int integer = styles.integer.getIndex();
		// the sheets are written out in order, each going on after the last seq of the
		// sheet before it, found on the primary key: no sheet reads the rows of another
		long[] lastSeq = { Long.MIN_VALUE };
		int[] sheetsWritten = { 0 };
		long part = 0;
		do {
			long rows = Math.min(this.maxDataRows, count - part * this.maxDataRows);
			int index = (int) part;
			String name = (part == 0) ? "Expenditures" : "Expenditures (" + (part + 1) + ")";
			SXSSFSheet sheet = workbook.createSheet(name);
			new SheetWriter(sheet, styles).widths(widths)
				.header(header)
				.table(PagedSheet.tableName("Ledger", index + 1))
				.skipRows((int) rows)
				.finish();
			workbook.streamRows(sheet, new CellRangeAddress(0, (int) rows, 0, header.length - 1), (xml) -> {
				if (sheetsWritten[0] != index) {
					throw new IllegalStateException(
							"ledger sheet " + name + " written before the " + index + " sheets before it");
				}
				long[] number = { 1 };
				streamQuery(query, (rs) -> {
					String description = rs.getString(9);
					String label = rs.getString(10);
					// the description and the file wrap: the row is as tall as they need
					int lines = Math.max(WrappedText.lines(description, descriptionWidth),
							WrappedText.lines(label, fileWidth));
					xml.row(++number[0], lines)
						.date(rs.getDate(1).toLocalDate(), date)
						.text(rs.getString(2), text, quoted)
						.text(rs.getString(3), text, quoted)
						.number(rs.getBigDecimal(4), money)
						.text(rs.getString(5), text, quoted)
						.number(rs.getBigDecimal(6), rate)
						.number(rs.getBigDecimal(7), money)
						.text(rs.getString(8), text, quoted)
						.text(description, wrapped, quotedWrapped)
						.text(label, wrapped, quotedWrapped)
						.integer(rs.getLong(11), integer);
					lastSeq[0] = rs.getLong(12);
				}, lastSeq[0], rows);
				sheetsWritten[0]++;
			});
			part++;
		}
		while (part * this.maxDataRows < count);
	}

	/**
	 * Runs a query whose rows are read once, in order, as they come: H2 otherwise copies
	 * the whole result into a temporary file before handing over the first row, which for
	 * a ledger of a million rows takes longer than writing it out.
	 */
	private void streamQuery(String sql, RowCallbackHandler handler, Object... args) {
		this.jdbc.execute((ConnectionCallback<Void>) (connection) -> {
			boolean h2 = "H2".equals(connection.getMetaData().getDatabaseProductName());
			if (h2) {
				lazy(connection, true);
			}
			try (PreparedStatement statement = connection.prepareStatement(sql)) {
				statement.setFetchSize(1000);
				for (int i = 0; i < args.length; i++) {
					statement.setObject(i + 1, args[i]);
				}
				try (ResultSet rs = statement.executeQuery()) {
					while (rs.next()) {
						handler.processRow(rs);
					}
				}
			}
			finally {
				if (h2) {
					lazy(connection, false);
				}
			}
			return null;
		});
	}

	private static void lazy(Connection connection, boolean lazy) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute("SET LAZY_QUERY_EXECUTION " + lazy);
		}
	}

	private void funding(SXSSFWorkbook workbook, WorkbookStyles styles) {
		Messages m = this.messages;
		PagedSheet sheet = new PagedSheet(workbook, styles, "Funding", "FundingList", this.maxDataRows,
				new String[] { m.get("col.date"), m.get("col.fundingSource"), m.get("col.fundingStatus"),
						m.get("col.originalAmount"), m.get("col.currency"), m.get("col.rate"),
						m.get("col.converted", this.summary.currency()), m.get("col.reference"), m.get("col.donor") },
				12, 16, 20, 16, 9, 12, 16, 18, 40);
		for (Funding funding : this.programme.funding()) {
			sheet.row()
				.skip()
				.text(funding.source())
				.text(m.get("budget.programmeFunding"))
				.money(funding.amount())
				.text(this.programme.currency())
				.rate(BigDecimal.ONE)
				.money(funding.amount())
				.skip()
				.longText(funding.title().in(m.lang()));
		}
		this.jdbc.query("SELECT row_date, source, status, amount, currency, conversion_rate, amount_pc, reference, "
				+ this.data.localized("donor") + " FROM funding ORDER BY seq", (rs) -> {
					sheet.row()
						.date(rs.getDate(1).toLocalDate())
						.text(rs.getString(2))
						.text(rs.getString(3))
						.money(rs.getBigDecimal(4))
						.text(rs.getString(5))
						.rate(rs.getBigDecimal(6))
						.money(rs.getBigDecimal(7))
						.text(rs.getString(8))
						.longText(rs.getString(9));
				});
		sheet.finish();
	}

	/** The clusters a thematic proposal is put in, in the order the annex gives them. */
	static final List<String> CLUSTERS = List.of("a.i", "a.ii", "a.iii", "b", "c", "*", "-");

	private void proposals(SheetWriter sheet) {
		Messages m = this.messages;
		sheet.widths(12, 34, 12, 80, 9);
		// the legend of the cluster codes, each with what it stands for as the
		// programme's annex names it and its number of topics, then the list under its
		// own frozen header
		sheet.title(m.get("cluster.title"));
		sheet.row();
		sheet.label(m.get("col.cluster")).label(m.get("cluster.meaning")).label(m.get("col.count"));
		Map<String, Long> byCluster = this.summary.proposals().byCluster();
		java.util.Set<String> codes = new java.util.LinkedHashSet<>(CLUSTERS);
		codes.addAll(byCluster.keySet());
		for (String code : codes) {
			String meaning = CLUSTERS.contains(code) ? m.get("cluster." + code) : null;
			sheet.row().text(code).longText(meaning).integer(byCluster.getOrDefault(code, 0L));
		}
		sheet.row().skip().text(m.get("summary.topics")).integer(this.summary.proposals().topics());
		sheet.row().skip().text(m.get("summary.submissions")).integer(this.summary.proposals().submissions());
		sheet.row();
		sheet.table("ProposalList");
		sheet.header(m.get("col.no"), m.get("col.submitter"), m.get("col.submitterType"), m.get("col.topic"),
				m.get("col.cluster"));
		String topic = "zh".equals(m.lang()) ? "COALESCE(NULLIF(topic_zh, ''), topic)" : "topic";
		this.jdbc.query("SELECT no, submitter, submitter_type, " + topic + ", cluster FROM proposal ORDER BY line",
				(rs) -> {
					sheet.row()
						.text(rs.getString(1))
						.longText(rs.getString(2))
						.text(rs.getString(3))
						.longText(rs.getString(4))
						.text(rs.getString(5));
				});
		sheet.finish();
	}

	private void rejects(SXSSFWorkbook workbook, WorkbookStyles styles) {
		Messages m = this.messages;
		PagedSheet sheet = new PagedSheet(
				workbook, styles, "Rejects", "RejectList", this.maxDataRows, new String[] { m.get("col.file"),
						m.get("col.lineNo"), m.get("col.column"), m.get("col.value"), m.get("col.reason") },
				34, 8, 14, 30, 80);
		this.jdbc.query(RejectsCsvWriter.QUERY, (rs) -> {
			sheet.row()
				.text(rs.getString(1))
				.integer(rs.getLong(2))
				.text(rs.getString(3))
				.longText(rs.getString(4))
				.longText(rs.getString(5));
		});
		sheet.finish();
	}

}
