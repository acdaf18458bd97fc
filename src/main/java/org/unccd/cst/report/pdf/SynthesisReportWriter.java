package org.unccd.cst.report.pdf;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TimeZone;
import java.util.stream.Collectors;

import org.openpdf.text.Document;
import org.openpdf.text.DocumentException;
import org.openpdf.text.Element;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;
import org.openpdf.text.Rectangle;
import org.openpdf.text.pdf.PdfDate;
import org.openpdf.text.pdf.PdfDictionary;
import org.openpdf.text.pdf.PdfEncryption;
import org.openpdf.text.pdf.PdfName;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfString;
import org.openpdf.text.pdf.PdfWriter;
import org.unccd.cst.aggregate.RecommendationRules;
import org.unccd.cst.aggregate.Summary;
import org.unccd.cst.model.BudgetLine;
import org.unccd.cst.model.Messages;
import org.unccd.cst.model.Outcome;
import org.unccd.cst.model.Programme;
import org.unccd.cst.model.Report;
import org.unccd.cst.model.WorkItem;
import org.unccd.cst.report.ReportData;

/**
 * Writes one synthesis report in one language as a UN document for the CST: the cover,
 * then numbered paragraphs on progress, resources, findings, and the conclusions and
 * policy-oriented recommendations. Same inputs, same bytes.
 */
class SynthesisReportWriter {

	private static final float BODY = 10.5f;

	private final Programme programme;

	private final Report report;

	private final Summary summary;

	private final Messages messages;

	private final ReportData data;

	private final String documentKey;

	private PdfFonts fonts;

	private Document document;

	private int paragraph;

	private int tables;

	SynthesisReportWriter(Programme programme, Report report, Summary summary, Messages messages, ReportData data,
			String documentKey) {
		this.programme = programme;
		this.report = report;
		this.summary = summary;
		this.messages = messages;
		this.data = data;
		this.documentKey = documentKey;
	}

	/** Writes the PDF and says how many characters no embedded font could show. */
	int write(Path file) throws IOException {
		this.fonts = new PdfFonts(this.documentKey);
		this.document = new Document(PageSize.A4, 72, 72, 80, 72);
		try (OutputStream out = Files.newOutputStream(file)) {
			PdfWriter writer = PdfWriter.getInstance(this.document, out);
			writer.setPageEvent(new PageDecorations(this.fonts, this.messages, symbol()));
			fixMetadata(writer);
			this.document.open();
			cover();
			this.document.newPage();
			introduction();
			progress();
			budget();
			findings();
			recommendations();
			this.document.close();
		}
		catch (DocumentException ex) {
			throw new IOException("Cannot write " + file + ": " + ex.getMessage(), ex);
		}
		return this.fonts.missing();
	}

	private String lang() {
		return this.messages.lang();
	}

	private String symbol() {
		return (this.report.symbol() != null) ? this.report.symbol()
				: this.programme.session() + "/" + this.report.id();
	}

	private LocalDate asOf() {
		return LocalDate.parse(this.summary.asOf());
	}

	private void fixMetadata(PdfWriter writer) {
		Calendar date = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
		date.clear();
		date.set(asOf().getYear(), asOf().getMonthValue() - 1, asOf().getDayOfMonth());
		PdfDictionary info = writer.getInfo();
		info.put(PdfName.CREATIONDATE, new PdfDate(date));
		info.put(PdfName.MODDATE, new PdfDate(date));
		info.put(PdfName.TITLE, new PdfString(this.report.title().in(lang()), PdfString.TEXT_UNICODE));
		info.put(PdfName.SUBJECT, new PdfString(symbol(), PdfString.TEXT_UNICODE));
		info.put(PdfName.CREATOR, new PdfString(this.programme.source(), PdfString.TEXT_UNICODE));
		byte[] id = Arrays.copyOf(digest(this.documentKey), 16);
		info.put(PdfName.FILEID, PdfEncryption.createInfoId(id, id));
		writer.getExtraCatalog().put(PdfName.LANG, new PdfString(lang()));
	}

	private static byte[] digest(String key) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private void cover() {
		Messages m = this.messages;
		PdfPTable top = table(new float[] { 1, 1 });
		top.addCell(plain(this.fonts.phrase(m.get("un"), 12, true), Element.ALIGN_LEFT));
		top.addCell(plain(this.fonts.phrase(symbol(), 16, true), Element.ALIGN_RIGHT));
		rule(top, 2);
		top.addCell(plain(this.fonts.phrase(m.get("convention"), 15, true), Element.ALIGN_LEFT));
		Phrase distribution = this.fonts.phrase("", 10);
		distribution.add(this.fonts.phrase(m.get("distr") + "\n", 10));
		distribution.add(this.fonts.phrase(m.date(asOf()) + "\n\n", 10));
		distribution.add(this.fonts.phrase(m.get("original"), 10));
		top.addCell(plain(distribution, Element.ALIGN_LEFT));
		rule(top, 2);
		add(top);
		add(spaced(this.fonts.phrase(m.get("cop"), 11, true), 18, 0));
		add(spaced(this.fonts.phrase(this.programme.title().in(lang()), 11, true), 4, 0));
		add(spaced(this.fonts.phrase(this.report.title().in(lang()), 15, true), 24, 12));
		add(spaced(this.fonts.phrase(m.get("intro.asof", m.date(asOf())), BODY), 12, 0));
	}

	private void introduction() {
		Messages m = this.messages;
		heading("I", m.get("section.introduction"));
		String covered = coveredItems().stream()
			.filter((item) -> this.report.covers().contains(item.code()))
			.map((item) -> item.code() + " " + item.title().in(lang()))
			.collect(Collectors.joining("; "));
		numbered(m.get("intro.mandate", this.programme.source(), this.programme.title().in(lang()), covered));
		numbered(m.get("intro.asof", m.date(asOf())));
	}

	private void progress() {
		Messages m = this.messages;
		heading("II", m.get("section.progress"));
		Map<String, Summary.WorkItemStatus> items = this.summary.workItems()
			.stream()
			.collect(Collectors.toMap(Summary.WorkItemStatus::code, (w) -> w));
		for (WorkItem item : coveredItems()) {
			Summary.WorkItemStatus status = items.get(item.code());
			numbered(m.get("progress.item", item.code(), item.title().in(lang()), m.status(status.status()),
					m.percent(status.percent())));
		}
		int table = ++this.tables;
		numbered(m.get("progress.outcomes", table));
		Map<String, Summary.OutcomeStatus> statuses = this.summary.outcomes()
			.stream()
			.collect(Collectors.toMap(Summary.OutcomeStatus::code, (o) -> o));
		Map<String, String> latest = this.data.latestSummaries();
		PdfPTable grid = table(new float[] { 1.1f, 3.6f, 1.3f, 0.7f, 1.3f, 3.4f });
		header(grid, table, m.get("col.code"), m.get("col.outcome"), m.get("col.status"), m.get("col.percent"),
				m.get("col.due"), m.get("col.summary"));
		for (Outcome outcome : RecommendationRules.coveredOutcomes(this.programme, this.report)) {
			Summary.OutcomeStatus status = statuses.get(outcome.code());
			String state = m.status(status.status());
			if (status.overdue()) {
				state += "\n" + m.get("progress.overdue", m.date(outcome.due()));
			}
			String last = latest.get(outcome.code());
			if (last == null) {
				last = (status.lastUpdate() == null) ? m.get("progress.none") : "";
			}
			else if (status.lastUpdate() != null) {
				last = last + " (" + m.date(LocalDate.parse(status.lastUpdate())) + ")";
			}
			cells(grid, outcome.code(), outcome.title().in(lang()), state, m.percent(status.percent()),
					m.date(outcome.due()), last);
		}
		add(grid);
	}

	private void budget() {
		Messages m = this.messages;
		heading("III", m.get("section.budget"));
		Summary.Budget b = this.summary.budget();
		String currency = this.summary.currency();
		numbered(m.get("budget.summary", currency, m.money(b.total()), m.money(b.secured()), m.money(b.gap()),
				m.money(b.pledged()), m.money(b.gapAfterPledges())));
		numbered(m.get("budget.spent", currency, m.date(asOf()), m.money(b.spent()),
				m.percent(org.unccd.cst.aggregate.BudgetRules.executionRate(b.spent(), b.total())),
				m.money(coveredSpent())));
		int table = ++this.tables;
		numbered(m.get("budget.lines", table));
		PdfPTable grid = table(new float[] { 0.8f, 3.6f, 1.6f, 1.5f, 1.5f, 1.1f });
		header(grid, table, m.get("col.code"), m.get("col.line"), m.get("col.source"),
				m.get("col.amount") + " (" + currency + ")", m.get("col.spent") + " (" + currency + ")",
				m.get("col.execution"));
		Map<String, BudgetLine> lines = this.programme.budgetLines()
			.stream()
			.collect(Collectors.toMap(BudgetLine::code, (l) -> l));
		for (Summary.LineStatus line : b.lines()) {
			cells(grid, line.code(), lines.get(line.code()).title().in(lang()), line.source(), m.money(line.amount()),
					m.money(line.spent()), m.percent(line.executionRate()));
		}
		add(grid);
	}

	private BigDecimal coveredSpent() {
		Set<String> covered = new HashSet<>(this.report.covers());
		Map<String, WorkItem> all = this.programme.workItemsByCode();
		BigDecimal spent = BigDecimal.ZERO;
		for (Summary.WorkItemStatus status : this.summary.workItems()) {
			WorkItem item = all.get(status.code());
			// count an item only where no covered ancestor already includes it
			if (covered.contains(item.code()) && !hasCoveredAncestor(item, covered, all)) {
				spent = spent.add(status.spent());
			}
		}
		return spent;
	}

	private static boolean hasCoveredAncestor(WorkItem item, Set<String> covered, Map<String, WorkItem> all) {
		for (String parent = item.parent(); parent != null; parent = all.get(parent).parent()) {
			if (covered.contains(parent)) {
				return true;
			}
		}
		return false;
	}

	private void findings() {
		Messages m = this.messages;
		heading("IV", m.get("section.findings"));
		List<String> outcomes = RecommendationRules.coveredOutcomes(this.programme, this.report)
			.stream()
			.map(Outcome::code)
			.toList();
		List<ReportData.Finding> findings = this.data.findings(outcomes);
		if (findings.isEmpty()) {
			numbered(m.get("findings.none"));
		}
		for (ReportData.Finding finding : findings) {
			String source = (finding.sourceRef() != null) ? " " + m.get("source", finding.sourceRef()) : "";
			numbered(finding.text() + " [" + finding.outcome() + "]" + source);
		}
	}

	private void recommendations() {
		Messages m = this.messages;
		heading("V", m.get("section.recommendations"));
		List<ReportData.Drafted> drafted = this.data.recommendations(this.report.id());
		List<Summary.Recommendation> derived = new ArrayList<>(
				RecommendationRules.derive(this.programme, this.report, this.summary, m));
		derived.sort(java.util.Comparator.comparingInt(Summary.Recommendation::priority));
		if (drafted.isEmpty() && derived.isEmpty()) {
			numbered(m.get("recommendations.none"));
			return;
		}
		numbered(m.get("recommendations.intro"));
		char letter = 'a';
		for (ReportData.Drafted recommendation : drafted) {
			String addressee = (recommendation.addressee() != null) ? recommendation.addressee()
					: m.get("addressee.cop");
			item(letter++, recommendation.text() + " " + m.get("recommendation.addressee", addressee));
		}
		for (Summary.Recommendation recommendation : derived) {
			item(letter++, recommendation.text() + " " + m.get("recommendation.addressee", recommendation.addressee())
					+ " " + m.get("recommendation.rule"));
		}
	}

	private List<WorkItem> coveredItems() {
		return RecommendationRules.coveredWorkItems(this.programme, this.report);
	}

	private void heading(String number, String title) {
		Paragraph heading = spaced(this.fonts.phrase(number + ".\u2002" + title, 12, true), 16, 8);
		heading.setKeepTogether(true);
		add(heading);
	}

	private void numbered(String text) {
		Phrase phrase = this.fonts.phrase("", BODY);
		phrase.add(this.fonts.phrase(++this.paragraph + ".\u2002", BODY));
		phrase.add(this.fonts.phrase(text, BODY));
		Paragraph paragraph = spaced(phrase, 0, 8);
		paragraph.setAlignment(Element.ALIGN_JUSTIFIED);
		paragraph.setIndentationLeft(28);
		paragraph.setFirstLineIndent(-28);
		add(paragraph);
	}

	private void item(char letter, String text) {
		Paragraph paragraph = spaced(this.fonts.phrase("(" + letter + ")\u2002" + text, BODY), 0, 6);
		paragraph.setAlignment(Element.ALIGN_JUSTIFIED);
		paragraph.setIndentationLeft(56);
		paragraph.setFirstLineIndent(-28);
		add(paragraph);
	}

	private static Paragraph spaced(Phrase phrase, float before, float after) {
		Paragraph paragraph = new Paragraph(phrase);
		paragraph.setSpacingBefore(before);
		paragraph.setSpacingAfter(after);
		return paragraph;
	}

	private PdfPTable table(float[] widths) {
		PdfPTable table = new PdfPTable(widths);
		table.setWidthPercentage(100);
		table.setSpacingBefore(4);
		table.setSpacingAfter(10);
		return table;
	}

	/**
	 * The caption and column labels, repeated at the top of every page the table runs
	 * onto.
	 */
	private void header(PdfPTable table, int number, String... labels) {
		PdfPCell caption = new PdfPCell(this.fonts.phrase(this.messages.get("table", number), 10, true));
		caption.setColspan(labels.length);
		caption.setBorder(Rectangle.NO_BORDER);
		caption.setPaddingBottom(6);
		table.addCell(caption);
		for (String label : labels) {
			PdfPCell cell = new PdfPCell(this.fonts.phrase(label, 9, true));
			cell.setBorder(Rectangle.BOTTOM | Rectangle.TOP);
			cell.setPaddingBottom(4);
			table.addCell(cell);
		}
		table.setHeaderRows(2);
	}

	private void cells(PdfPTable table, String... values) {
		for (String value : values) {
			PdfPCell cell = new PdfPCell(this.fonts.phrase(value, 9));
			cell.setBorder(Rectangle.BOTTOM);
			cell.setBorderWidth(0.3f);
			cell.setPaddingBottom(4);
			table.addCell(cell);
		}
	}

	private static PdfPCell plain(Phrase phrase, int alignment) {
		PdfPCell cell = new PdfPCell(phrase);
		cell.setBorder(Rectangle.NO_BORDER);
		cell.setHorizontalAlignment(alignment);
		cell.setPaddingBottom(6);
		return cell;
	}

	private void rule(PdfPTable table, int columns) {
		PdfPCell line = new PdfPCell(this.fonts.phrase(" ", 2));
		line.setColspan(columns);
		line.setBorder(Rectangle.BOTTOM);
		line.setBorderWidth(1.2f);
		line.setFixedHeight(4);
		table.addCell(line);
	}

	private void add(Element element) {
		this.document.add(element);
	}

}
