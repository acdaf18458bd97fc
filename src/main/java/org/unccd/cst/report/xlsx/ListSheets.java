package org.unccd.cst.report.xlsx;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.unccd.cst.aggregate.RejectsCsvWriter;
import org.unccd.cst.ingest.LedgerFiles;
import org.unccd.cst.ingest.Proposals;
import org.unccd.cst.model.Funding;
import org.unccd.cst.model.Messages;
import org.unccd.cst.model.Programme;
import org.unccd.cst.report.ReportData;
import org.unccd.cst.run.Summary;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

/**
 * The workbook's lists, read from the database: Expenditures (the whole ledger, streamed
 * from its files over as many sheets as it needs), Funding, Proposals (with the clusters'
 * legend) and Rejects.
 */
final class ListSheets {

	private final JdbcTemplate jdbc;

	private final Programme programme;

	private final Summary summary;

	private final Messages messages;

	private final ReportData data;

	private final int maxDataRows;

	private final LedgerFiles ledger;

	ListSheets(JdbcTemplate jdbc, LedgerFiles ledger, Programme programme, Summary summary, Messages messages,
			ReportData data, int maxDataRows) {
		this.jdbc = jdbc;
		this.ledger = ledger;
		this.programme = programme;
		this.summary = summary;
		this.messages = messages;
		this.data = data;
		this.maxDataRows = maxDataRows;
	}

	/**
	 * The whole ledger, in the order of the input, over as many sheets as it needs: the
	 * sheets and their headers are made now, the rows are streamed from the ledger's
	 * files ({@link LedgerFiles}) into each sheet as the workbook is written.
	 */
	void expenditures(StableWorkbook workbook, WorkbookStyles styles) {
		Messages m = this.messages;
		String[] header = { m.get("col.date"), m.get("col.line"), m.get("col.workItem"), m.get("col.originalAmount"),
				m.get("col.currency"), m.get("col.rate"), m.get("col.converted", this.summary.currency()),
				m.get("col.reference"), m.get("col.description"), m.get("col.file"), m.get("col.lineNo") };
		int[] widths = { 12, 10, 10, 16, 9, 12, 16, 18, 40, 34, 8 };
		long count = this.ledger.count();
		Map<Integer, String> files = new HashMap<>();
		this.jdbc.query("SELECT id, label FROM source_file", (rs) -> {
			files.put(rs.getInt(1), rs.getString(2));
		});
		int[] at = Stream
			.of("date", "budget_line", "work_item", "amount", "currency", "conversion_rate", "amount_pc", "reference",
					"description", this.data.variant("description"), "source_id", "line")
			.mapToInt(LedgerFiles::column)
			.toArray();
		int date = styles.date.getIndex();
		int text = styles.text.getIndex();
		int quoted = styles.quotedText.getIndex();
		int wrapped = styles.wrapped.getIndex();
		int quotedWrapped = styles.quotedWrapped.getIndex();
		int descriptionWidth = widths[8];
		int fileWidth = widths[9];
		int money = styles.money.getIndex();
		int given = styles.givenAmount.getIndex();
		int rate = styles.rate.getIndex();
		int integer = styles.integer.getIndex();
		// the sheets are written out in order, each going on after the last seq of the
		// sheet before it
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
				lastSeq[0] = this.ledger.read(lastSeq[0], rows, (row) -> {
					String variant = (String) row[at[9]];
					String description = (variant != null && !variant.isEmpty()) ? variant : (String) row[at[8]];
					String label = files.get((Integer) row[at[10]]);
					// the description and the file wrap: the row is as tall as they need
					int lines = Math.max(WrappedText.lines(description, descriptionWidth),
							WrappedText.lines(label, fileWidth));
					xml.row(++number[0], lines)
						.date((LocalDate) row[at[0]], date)
						.text((String) row[at[1]], text, quoted)
						.text((String) row[at[2]], text, quoted)
						.number((BigDecimal) row[at[3]], given)
						.text((String) row[at[4]], text, quoted)
						.number((BigDecimal) row[at[5]], rate)
						.number((BigDecimal) row[at[6]], money)
						.text((String) row[at[7]], text, quoted)
						.text(description, wrapped, quotedWrapped)
						.text(label, wrapped, quotedWrapped)
						.integer((Long) row[at[11]], integer);
				});
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

	void funding(SXSSFWorkbook workbook, WorkbookStyles styles) {
		Messages m = this.messages;
		PagedSheet sheet = new PagedSheet(workbook, styles, "Funding", "FundingList", this.maxDataRows,
				new String[] { m.get("col.date"), m.get("col.fundingSource"), m.get("col.fundingStatus"),
						m.get("col.originalAmount"), m.get("col.currency"), m.get("col.rate"),
						m.get("col.converted", this.summary.currency()), m.get("col.reference"), m.get("col.donor") },
				12, 16, 20, 16, 9, 12, 16, 18, 40);
		for (Funding funding : this.programme.funding()) {
			sheet.row()
				.skip()
				.longText(m.fundingSource(funding.source()))
				.longText(m.get("budget.programmeFunding"))
				.number(funding.amount(), styles.givenAmount)
				.text(this.programme.currency())
				.rate(BigDecimal.ONE)
				.money(funding.amount())
				.skip()
				.longText(funding.title().in(m.lang()));
		}
		this.jdbc.query("SELECT row_date, source, status, amount, currency, conversion_rate, amount_pc, reference, "
				+ this.data.localized("donor") + " FROM funding ORDER BY seq", (rs) -> {
					// the source and the status in the workbook's language, as the
					// reports name them
					sheet.row()
						.date(rs.getDate(1).toLocalDate())
						.longText(m.fundingSource(rs.getString(2)))
						.longText(m.fundingStatus(rs.getString(3)))
						.number(rs.getBigDecimal(4), styles.givenAmount)
						.text(rs.getString(5))
						.rate(rs.getBigDecimal(6))
						.money(rs.getBigDecimal(7))
						.text(rs.getString(8))
						.longText(rs.getString(9));
				});
		sheet.finish();
	}

	void proposals(SheetWriter sheet) {
		Messages m = this.messages;
		sheet.widths(12, 34, 12, 80, 9);
		// the legend of the cluster codes, each with what it stands for as the
		// programme's annex names it and its number of topics, then the list under its
		// own frozen header
		sheet.title(m.get("cluster.title"));
		sheet.row();
		sheet.label(m.get("col.cluster")).label(m.get("cluster.meaning")).label(m.get("col.count"));
		Map<String, Long> byCluster = this.summary.proposals().byCluster();
		java.util.Set<String> codes = new java.util.LinkedHashSet<>(Proposals.CLUSTERS);
		codes.addAll(byCluster.keySet());
		for (String code : codes) {
			String meaning = Proposals.CLUSTERS.contains(code) ? m.get("cluster." + code) : null;
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
						.longText(submitterType(rs.getString(3)))
						.longText(rs.getString(4))
						.text(rs.getString(5));
				});
		sheet.finish();
	}

	/**
	 * A submitter's type in the workbook's language; a type the contract does not name as
	 * given.
	 */
	private String submitterType(String given) {
		if (given == null) {
			return null;
		}
		String word = this.messages.codeWord("submitter", given.strip().toLowerCase(Locale.ROOT));
		return word.equals(given.strip().toLowerCase(Locale.ROOT)) ? given : word;
	}

	void rejects(SXSSFWorkbook workbook, WorkbookStyles styles) {
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
