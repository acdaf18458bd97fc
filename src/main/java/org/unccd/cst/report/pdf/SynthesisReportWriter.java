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
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TimeZone;
import java.util.stream.Collectors;

import org.openpdf.text.BadElementException;
import org.openpdf.text.Chunk;
import org.openpdf.text.Document;
import org.openpdf.text.DocumentException;
import org.openpdf.text.Element;
import org.openpdf.text.Image;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;
import org.openpdf.text.Rectangle;
import org.openpdf.text.pdf.ColumnText;
import org.openpdf.text.pdf.PdfDate;
import org.openpdf.text.pdf.PdfDictionary;
import org.openpdf.text.pdf.PdfEncryption;
import org.openpdf.text.pdf.PdfDestination;
import org.openpdf.text.pdf.PdfName;
import org.openpdf.text.pdf.PdfOutline;
import org.openpdf.text.pdf.PdfString;
import org.openpdf.text.pdf.PdfStructureElement;
import org.openpdf.text.pdf.PdfTemplate;
import org.openpdf.text.pdf.PdfWriter;
import org.unccd.cst.aggregate.RecommendationRules;
import org.unccd.cst.run.Summary;
import org.unccd.cst.model.BudgetLine;
import org.unccd.cst.model.Messages;
import org.unccd.cst.model.Outcome;
import org.unccd.cst.model.Programme;
import org.unccd.cst.model.Report;
import org.unccd.cst.model.SessionFacts;
import org.unccd.cst.model.Text;
import org.unccd.cst.model.WorkItem;
import org.unccd.cst.report.ReportData;

/**
 * Writes one synthesis report in one language as a UN document for the CST: the cover,
 * then numbered paragraphs on progress, resources, findings, and the conclusions and
 * policy-oriented recommendations. Same inputs, same bytes.
 */
class SynthesisReportWriter {

	private static final float BODY = 10.5f;

	/** The room of a paragraph's number or an item's letter before its text. */
	private static final float LABEL_WIDTH = 28;

	private final Programme programme;

	private final Report report;

	private final Summary summary;

	private final Messages messages;

	private final ReportData data;

	private final String documentKey;

	private PdfFonts fonts;

	private Document document;

	private PdfWriter writer;

	private PageFlow flow;

	private PdfCharts charts;

	private Tagging tagging;

	/** The structure element that the next heading, paragraph or table belongs to. */
	private PdfStructureElement part;

	private final List<Section> sections = new ArrayList<>();

	private int figures;

	private int notes;

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
		this.fonts = new PdfFonts(this.documentKey, this.messages.rightToLeft(), lang());
		this.document = new Document(PageSize.A4, 72, 72, 80, 72);
		try (OutputStream out = Files.newOutputStream(file)) {
			this.writer = PdfWriter.getInstance(this.document, out);
			this.writer.setRunDirection(
					this.messages.rightToLeft() ? PdfWriter.RUN_DIRECTION_RTL : PdfWriter.RUN_DIRECTION_LTR);
			this.writer.setPageEvent(
					new PageDecorations(this.fonts, this.messages, symbol(), this.report.jobNumbers().get(lang())));
			this.writer.setPDFXConformance(PdfArchive.LEVEL);
			this.writer.setViewerPreferences(PdfWriter.PageModeUseOutlines);
			this.tagging = new Tagging(this.writer);
			fixMetadata(this.writer);
			this.document.open();
			this.part = this.tagging.document();
			PdfArchive.apply(this.writer, lang());
			this.flow = new PageFlow(this.document, this.writer, this.messages.rightToLeft());
			this.charts = new PdfCharts(this.writer, this.fonts, this.messages,
					this.document.right() - this.document.left());
			cover();
			this.flow.newPage();
			contents();
			this.flow.newPage();
			introduction();
			progress();
			budget();
			findings();
			recommendations();
			endSection();
			this.flow.finish();
			fillContents();
			this.tagging.finish();
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
		return this.summary.asOf();
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

	/**
	 * The first page, laid out like the first page of a UN document: the symbol block,
	 * the session, the agenda item, the title, "Note by the secretariat" and a boxed
	 * Summary of this report.
	 */
	private void cover() {
		Messages m = this.messages;
		GridTable top = GridTable.layout(new float[] { 1, 1 }, this.part);
		top.row(new GridTable.Row(List.of(GridTable.Cell.of(this.fonts.phrase(m.get("un"), 12, true), start(), 6),
				GridTable.Cell.of(this.fonts.phrase(symbol(), 16, true), end(), 6)), 0, 1.2f));
		Phrase distribution = this.fonts.phrase("", 10);
		distribution.add(this.fonts.phrase(m.get("distr") + "\n", 10));
		distribution.add(this.fonts.phrase(m.date(asOf()) + "\n\n", 10));
		if (!"en".equals(lang())) {
			distribution.add(this.fonts.phrase(m.get("language") + "\n", 10));
		}
		distribution.add(this.fonts.phrase(m.get("original"), 10));
		top.row(new GridTable.Row(
				List.of(GridTable.Cell.of(this.fonts.phrase(m.get("convention"), 15, true), start(), 6),
						GridTable.Cell.of(distribution, start(), 6)),
				0, 1.2f));
		this.flow.add(top);
		this.flow.add(spaced(this.fonts.phrase(m.get("cop"), 11, true), 18, 0), tag(Tagging.P));
		this.flow.add(spaced(this.fonts.phrase(this.programme.title().in(lang()), 11, true), 2, 0), tag(Tagging.P));
		SessionFacts facts = this.programme.facts();
		String place = (facts.place() != null) ? facts.place().in(lang()) : null;
		String dates = (facts.dates() != null) ? facts.dates().in(lang()) : null;
		if (place != null || dates != null) {
			String line = (place != null && dates != null) ? m.get("cover.placeDates", place, dates)
					: (place != null) ? place : dates;
			this.flow.add(spaced(this.fonts.phrase(line, 11), 2, 0), tag(Tagging.P));
		}
		SessionFacts.Agenda agenda = this.report.agendaIn(this.programme);
		if (agenda != null) {
			this.flow.add(spaced(this.fonts.phrase(m.get("cover.agenda", agenda.item()), BODY), 10, 0), tag(Tagging.P));
			if (agenda.heading() != null) {
				this.flow.add(spaced(this.fonts.phrase(agenda.heading().in(lang()), BODY, true), 2, 0), tag(Tagging.P));
			}
		}
		this.flow.add(spaced(this.fonts.phrase(this.report.title().in(lang()), 15, true), 22, 8), tag(Tagging.H1));
		this.flow.add(spaced(this.fonts.phrase(m.get("cover.note"), 11), 0, 14), tag(Tagging.P));
		this.flow.add(summaryBox());
	}

	/** The boxed Summary: outcomes by status, money, and the recommendations made. */
	private GridTable summaryBox() {
		Messages m = this.messages;
		Map<String, Integer> counts = new java.util.HashMap<>();
		Map<String, Summary.OutcomeStatus> statuses = this.summary.outcomes()
			.stream()
			.collect(Collectors.toMap(Summary.OutcomeStatus::code, (o) -> o));
		List<Outcome> outcomes = RecommendationRules.coveredOutcomes(this.programme, this.report);
		for (Outcome outcome : outcomes) {
			counts.merge(statuses.get(outcome.code()).status(), 1, Integer::sum);
		}
		Summary.Budget b = this.summary.budget();
		List<String> recommendations = recommendationTexts();
		// a section of its own, its title a heading, in a box drawn for the eye only
		PdfStructureElement section = tag(Tagging.SECT);
		GridTable box = GridTable.layout(new float[] { 1 }, section);
		Paragraph title = spaced(this.fonts.phrase(m.get("cover.summary"), 11, true), 0, 6);
		title.setAlignment(Element.ALIGN_CENTER);
		List<GridTable.Block> blocks = List.of(new GridTable.Block(title, Tagging.H2),
				boxed(m.get("summary.outcomes", outcomes.size(), counts.getOrDefault("completed", 0),
						counts.getOrDefault("in_progress", 0), counts.getOrDefault("delayed", 0),
						counts.getOrDefault("planned", 0), counts.getOrDefault("cancelled", 0))),
				boxed(m.get("summary.budget", this.summary.currency(), m.money(b.total()), m.money(b.secured()),
						m.money(b.gap()), m.money(b.spent()),
						m.percent(org.unccd.cst.aggregate.BudgetRules.executionRate(b.spent(), b.total())))),
				boxed(recommendations.isEmpty() ? m.get("summary.noRecommendations")
						: m.get("summary.recommendations", recommendations.size(), recommendations.get(0))));
		box.row(new GridTable.Row(List.of(new GridTable.Cell(blocks, 10, 10)), 0.8f, 0.8f, true));
		return box;
	}

	private GridTable.Block boxed(String text) {
		Paragraph paragraph = spaced(this.fonts.phrase(this.messages.typeset(text), BODY), 0, 4);
		paragraph.setAlignment(start());
		return new GridTable.Block(paragraph, Tagging.P);
	}

	/**
	 * The table of contents: each section with its paragraphs and the page it starts on,
	 * filled in once the body is laid out.
	 */
	private void contents() {
		Messages m = this.messages;
		this.part = tag(this.tagging.document(), Tagging.SECT);
		this.flow.add(spaced(this.fonts.phrase(m.get("contents"), 13, true), 0, 10), tag(Tagging.H2));
		Grid grid = grid(new float[] { 0.5f, 5.5f, 1.3f, 0.8f });
		grid.table()
			.header(new GridTable.Row(List.of(GridTable.Cell.of(this.fonts.phrase("", 9), start(), 6),
					GridTable.Cell.of(this.fonts.phrase("", 9), start(), 6),
					GridTable.Cell.of(this.fonts.phrase(m.get("contents.paragraphs"), 9), end(), 6),
					GridTable.Cell.of(this.fonts.phrase(m.get("contents.page"), 9), end(), 6)), 0, 0));
		String[] numerals = m.get("section.numerals").split(",");
		List<String> titles = List.of("section.introduction", "section.progress", "section.budget", "section.findings",
				"section.recommendations");
		for (int i = 0; i < titles.size(); i++) {
			Section section = new Section(numerals[i].strip(), m.get(titles.get(i)), placeholder(), placeholder());
			this.sections.add(section);
			// the chapter's numeral and its dash never part
			String numeral = m.get("section.heading", section.number, "").strip().replace(' ', '\u00A0');
			Phrase number = this.fonts.phrase(numeral, BODY);
			Phrase title = this.fonts.phrase(section.title, BODY);
			grid.widths().measure(0, number, BODY);
			grid.widths().measure(1, title, BODY);
			// the chapter's title takes a reader to the chapter
			GridTable.Cell link = GridTable.Cell.of(title, start(), 6)
				.linked(destination(i), m.get("section.heading", section.number, section.title));
			grid.table()
				.row(new GridTable.Row(List.of(GridTable.Cell.of(number, end(), 6), link, image(section.paragraphs),
						image(section.page)), 0, 0));
		}
		add(grid);
	}

	private PdfTemplate placeholder() {
		PdfTemplate template = this.writer.getDirectContent().createTemplate(48, 12);
		template.setBoundingBox(new Rectangle(0, -3, 48, 12));
		return template;
	}

	/** A cell that shows a number filled in once the body is laid out. */
	private GridTable.Cell image(PdfTemplate template) {
		try {
			Phrase phrase = this.fonts.phrase("", BODY);
			phrase.add(new Chunk(Image.getInstance(template), 0, -3, false));
			return GridTable.Cell.of(phrase, end(), 6);
		}
		catch (BadElementException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private void fillContents() {
		for (Section section : this.sections) {
			String paragraphs = (section.last > section.first) ? section.first + "\u2013" + section.last
					: Integer.toString(section.first);
			fill(section.paragraphs, paragraphs);
			fill(section.page, Integer.toString(section.startPage));
		}
	}

	private void fill(PdfTemplate template, String text) {
		ColumnText.showTextAligned(template, this.messages.rightToLeft() ? Element.ALIGN_LEFT : Element.ALIGN_RIGHT,
				this.fonts.phrase(text, BODY), this.messages.rightToLeft() ? 0 : 48, 0, 0);
	}

	private void introduction() {
		Messages m = this.messages;
		heading(0);
		String covered = coveredItems().stream()
			.filter((item) -> this.report.covers().contains(item.code()))
			.map((item) -> item.code() + " " + data(item.title().in(lang())))
			.collect(Collectors.joining("; "));
		numbered(m.get("intro.mandate", this.programme.source(), this.programme.title().in(lang()), covered));
		// once per report: the texts of the data not given in the report's language
		List<String> outcomes = RecommendationRules.coveredOutcomes(this.programme, this.report)
			.stream()
			.map(Outcome::code)
			.toList();
		boolean english = this.data.fallsBackToEnglish(outcomes, this.report.id());
		numbered(m.get("intro.asof", m.date(asOf())), english ? m.get("note.english") : null);
	}

	private void progress() {
		Messages m = this.messages;
		heading(1);
		Map<String, Summary.WorkItemStatus> items = this.summary.workItems()
			.stream()
			.collect(Collectors.toMap(Summary.WorkItemStatus::code, (w) -> w));
		for (WorkItem item : coveredItems()) {
			Summary.WorkItemStatus status = items.get(item.code());
			numbered(m.get("progress.item", item.code(), data(item.title().in(lang())), m.status(status.status()),
					m.percent(status.percent())));
		}
		int table = ++this.tables;
		numbered(m.get("progress.outcomes", table));
		Map<String, Summary.OutcomeStatus> statuses = this.summary.outcomes()
			.stream()
			.collect(Collectors.toMap(Summary.OutcomeStatus::code, (o) -> o));
		Map<String, String> latest = this.data.latestSummaries();
		Grid grid = grid(new float[] { 1.1f, 3.6f, 1.3f, 0.7f, 1.3f, 3.4f });
		header(grid, table, m.get("col.code"), m.get("col.outcome"), m.get("col.status"), m.get("col.percent"),
				m.get("col.due"), m.get("col.summary"));
		List<PdfCharts.Bar> bars = new ArrayList<>();
		// what a reader hears instead of the chart
		List<String> read = new ArrayList<>();
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
				last = data(last) + " (" + m.date(status.lastUpdate()) + ")";
			}
			cells(grid,
					languages(null, outcome.title().languageIn(lang()), null, null, null,
							this.data.latestInEnglish().contains(outcome.code()) ? "en" : null),
					outcome.code(), data(outcome.title().in(lang())), state, m.percent(status.percent()),
					m.date(outcome.due()), last);
			bars.add(new PdfCharts.Bar(outcome.code(), status.percent(), status.status()));
			read.add(m.get("alt.outcome", outcome.code(), m.status(status.status()), m.percent(status.percent())));
		}
		add(grid);
		int figure = ++this.figures;
		numbered(m.get("progress.figure", figure));
		figure(figure, m.get("chart.progress", m.date(asOf())), this.charts.progress(bars), String.join("; ", read));
	}

	private void budget() {
		Messages m = this.messages;
		heading(2);
		Summary.Budget b = this.summary.budget();
		String currency = this.summary.currency();
		numbered(m.get("budget.summary", currency, m.money(b.total()), m.money(b.secured()), m.money(b.gap()),
				m.money(b.pledged()), m.money(b.gapAfterPledges())));
		numbered(m.get("budget.spent", currency, m.date(asOf()), m.money(b.spent()),
				m.percent(org.unccd.cst.aggregate.BudgetRules.executionRate(b.spent(), b.total())),
				m.money(coveredSpent())));
		int table = ++this.tables;
		numbered(m.get("budget.lines", table));
		Grid grid = grid(new float[] { 0.8f, 3.6f, 1.6f, 1.5f, 1.5f, 1.1f });
		header(grid, table, m.get("col.code"), m.get("col.line"), m.get("col.source"),
				m.get("col.amount") + " (" + currency + ")", m.get("col.spent") + " (" + currency + ")",
				m.get("col.execution"));
		Map<String, BudgetLine> lines = this.programme.budgetLines()
			.stream()
			.collect(Collectors.toMap(BudgetLine::code, (l) -> l));
		List<PdfCharts.Line> bars = new ArrayList<>();
		List<String> read = new ArrayList<>();
		read.add(m.get("alt.budget", currency, m.money(b.total()), m.money(b.secured()), m.money(b.gap())));
		for (Summary.LineStatus line : b.lines()) {
			Text title = lines.get(line.code()).title();
			cells(grid, languages(null, title.languageIn(lang())), line.code(), title.in(lang()),
					m.fundingSource(line.source()), m.money(line.amount()), m.money(line.spent()),
					m.percent(line.executionRate()));
			bars.add(new PdfCharts.Line(line.code(), line.amount(), line.spent()));
			read.add(m.get("alt.line", line.code(), m.money(line.amount()), m.money(line.spent())));
		}
		add(grid);
		int figure = ++this.figures;
		numbered(m.get("budget.figure", figure));
		figure(figure, m.get("chart.budget", currency), this.charts.budget(b.total(), b.secured(), b.gap(), bars),
				String.join("; ", read));
	}

	/**
	 * A figure: its caption, then the chart, one figure for a reader however many pages
	 * its parts take, read out as {@code alternative}.
	 */
	private void figure(int number, String caption, List<Image> parts, String alternative) {
		// the caption stays on the page of the figure's first part
		float first = parts.isEmpty() ? 0 : parts.get(0).getScaledHeight() + parts.get(0).getSpacingBefore() + 4;
		this.flow.addKeepingRoom(
				spaced(this.fonts.phrase(this.messages.get("figure", number) + "\n" + caption, 10, true), 4, 2),
				tag(Tagging.P), Math.max(60, first));
		PdfStructureElement figure = Tagging.figure(this.part, this.messages.typeset(alternative));
		for (Image part : parts) {
			this.flow.add(part, figure);
		}
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
		heading(3);
		List<String> outcomes = RecommendationRules.coveredOutcomes(this.programme, this.report)
			.stream()
			.map(Outcome::code)
			.toList();
		List<ReportData.Finding> findings = this.data.findings(outcomes);
		if (findings.isEmpty()) {
			numbered(m.get("findings.none"));
		}
		String previousSource = null;
		for (ReportData.Finding finding : findings) {
			if (finding.sourceRef() != null) {
				// a note that repeats the source of the note before it says so
				String note = finding.sourceRef().equals(previousSource) ? m.get("note.ibid")
						: m.get("source", finding.sourceRef());
				previousSource = finding.sourceRef();
				numbered(data(finding.text()), note, finding.inEnglish());
			}
			else {
				numbered(data(finding.text()), null, finding.inEnglish());
			}
		}
	}

	/**
	 * The recommendations of this report, each with its addressee, drafted ones first.
	 */
	private List<String> recommendationTexts() {
		Messages m = this.messages;
		List<String> texts = new ArrayList<>();
		for (ReportData.Drafted recommendation : this.data.recommendations(this.report.id())) {
			texts.add(data(recommendation.text()) + " "
					+ m.get("recommendation.addressee", m.addressee(recommendation.addressee())));
		}
		List<Summary.Recommendation> derived = new ArrayList<>(
				RecommendationRules.derive(this.programme, this.report, this.summary, m));
		derived.sort(java.util.Comparator.comparingInt(Summary.Recommendation::priority));
		for (Summary.Recommendation recommendation : derived) {
			texts.add(data(recommendation.text()) + " "
					+ m.get("recommendation.addressee", m.addressee(recommendation.addressee())));
		}
		return texts;
	}

	private void recommendations() {
		Messages m = this.messages;
		heading(4);
		List<String> texts = recommendationTexts();
		if (texts.isEmpty()) {
			numbered(m.get("recommendations.none"));
			return;
		}
		numbered(m.get("recommendations.intro"));
		PdfStructureElement list = tag(Tagging.L);
		int letter = 0;
		for (String text : texts) {
			item(letter++, text, list);
		}
	}

	private List<WorkItem> coveredItems() {
		return RecommendationRules.coveredWorkItems(this.programme, this.report);
	}

	/** One chapter of the body, as the table of contents lists it. */
	private static final class Section {

		private final String number;

		private final String title;

		private final PdfTemplate paragraphs;

		private final PdfTemplate page;

		private int first;

		private int last;

		private int startPage;

		Section(String number, String title, PdfTemplate paragraphs, PdfTemplate page) {
			this.number = number;
			this.title = title;
			this.paragraphs = paragraphs;
			this.page = page;
		}

	}

	private void endSection() {
		for (Section section : this.sections) {
			if (section.startPage > 0 && section.last == 0) {
				section.last = this.paragraph;
			}
		}
	}

	private void heading(int index) {
		endSection();
		Section section = this.sections.get(index);
		String text = this.messages.get("section.heading", section.number, section.title);
		Paragraph heading = spaced(this.fonts.phrase(text, 12, true), 16, 8);
		this.part = tag(this.tagging.document(), Tagging.SECT);
		this.flow.addKeepingRoom(heading, tag(Tagging.H2), 48);
		section.startPage = this.flow.page();
		section.first = this.paragraph + 1;
		// where the contents and the outline a viewer shows beside the pages take a
		// reader
		this.writer.getDirectContent()
			.localDestination(destination(index), new PdfDestination(PdfDestination.FITH, this.flow.y() + 40));
		new PdfOutline(this.writer.getRootOutline(), new PdfDestination(PdfDestination.FITH, this.flow.y() + 40), text);
	}

	private void numbered(String text) {
		numbered(text, null);
	}

	private void numbered(String text, String note) {
		numbered(text, note, false);
	}

	/**
	 * A numbered paragraph, with a footnote when {@code note} is given; {@code inEnglish}
	 * when its text is English in a report in another language.
	 */
	private void numbered(String text, String note, boolean inEnglish) {
		Phrase phrase = this.fonts.phrase("", BODY);
		phrase.add(label(this.messages.get("paragraph.number", ++this.paragraph)));
		phrase.add(this.fonts.phrase(this.messages.typeset(text), BODY));
		PdfStructureElement tag = tag(Tagging.P);
		if (inEnglish && !"en".equals(lang())) {
			Tagging.language(tag, "en");
		}
		List<PageFlow.Note> notes = List.of();
		if (note != null) {
			int number = ++this.notes;
			phrase.add(mark(number));
			Phrase line = this.fonts.phrase("", 8.5f);
			line.add(mark(number));
			line.add(this.fonts.phrase("\u2002" + this.messages.typeset(note), 8.5f));
			Paragraph footnote = new Paragraph(line);
			footnote.setAlignment(start());
			footnote.setSpacingAfter(2);
			notes = List.of(new PageFlow.Note(footnote, this.tagging.note(this.part, number)));
		}
		Paragraph paragraph = spaced(phrase, 0, 8);
		paragraph.setAlignment(start());
		indent(paragraph, 28, -28);
		this.flow.add(paragraph, tag, notes);
	}

	/**
	 * A paragraph's number or an item's letter, followed by a no-break space stretched so
	 * that the text after it starts at the indent of the lines below it.
	 */
	private Phrase label(String text) {
		Phrase label = this.fonts.phrase(text, BODY);
		float width = 0;
		for (Element element : label.getChunks()) {
			Chunk chunk = (Chunk) element;
			width += chunk.getFont().getBaseFont().getWidthPoint(chunk.getContent(), BODY);
		}
		Chunk space = new Chunk("\u00A0", ((Chunk) label.getChunks().get(0)).getFont());
		float spaceWidth = this.fonts.regular().getWidthPoint("\u00A0", BODY);
		space.setCharacterSpacing(Math.max(2, LABEL_WIDTH - width - spaceWidth));
		label.add(space);
		return label;
	}

	/** A footnote mark: the note's number, raised. */
	private Phrase mark(int number) {
		Phrase mark = this.fonts.phrase(Integer.toString(number), 6.5f);
		for (Element chunk : mark.getChunks()) {
			((Chunk) chunk).setTextRise(4);
		}
		return mark;
	}

	/** A lettered item of {@code list}: its letter and text are the item's body. */
	private void item(int index, String text, PdfStructureElement list) {
		String[] letters = this.messages.get("item.letters").split(",");
		// after the last letter the letters double: (aa), (bb), as UN documents do
		String letter = letters[index % letters.length].strip().repeat(index / letters.length + 1);
		Phrase phrase = this.fonts.phrase("", BODY);
		phrase.add(label(this.messages.get("item.format", letter)));
		phrase.add(this.fonts.phrase(this.messages.typeset(text), BODY));
		Paragraph paragraph = spaced(phrase, 0, 6);
		paragraph.setAlignment(start());
		indent(paragraph, 56, -28);
		this.flow.add(paragraph, Tagging.child(Tagging.child(list, Tagging.LI), Tagging.LBODY));
	}

	/** Indents from the side a line starts on: the left, or the right in Arabic. */
	private void indent(Paragraph paragraph, float indentation, float firstLine) {
		if (this.messages.rightToLeft()) {
			paragraph.setIndentationRight(indentation);
		}
		else {
			paragraph.setIndentationLeft(indentation);
		}
		paragraph.setFirstLineIndent(firstLine);
	}

	/**
	 * The alignment of the side a line starts on: OpenPDF mirrors the alignments of
	 * right-to-left text, so the left is the start in Arabic too.
	 */
	private static int start() {
		return Element.ALIGN_LEFT;
	}

	private static int end() {
		return Element.ALIGN_RIGHT;
	}

	private static Paragraph spaced(Phrase phrase, float before, float after) {
		Paragraph paragraph = new Paragraph(phrase);
		paragraph.setSpacingBefore(before);
		paragraph.setSpacingAfter(after);
		return paragraph;
	}

	/**
	 * A text of the data as it reads inside the report's sentences: in a right-to-left
	 * report, a text that starts left to right (an English fallback, a title in Latin
	 * letters) is embedded left to right, so that its full stop and brackets stay where
	 * its own direction puts them (Unicode's left-to-right embedding, which the bidi
	 * algorithm of every Java release honours).
	 */
	private String data(String text) {
		if (!this.messages.rightToLeft() || text == null || text.isEmpty()) {
			return text;
		}
		for (int i = 0; i < text.length();) {
			int c = text.codePointAt(i);
			byte direction = Character.getDirectionality(c);
			if (direction == Character.DIRECTIONALITY_LEFT_TO_RIGHT) {
				return "\u202A" + text + "\u202C";
			}
			if (direction == Character.DIRECTIONALITY_RIGHT_TO_LEFT
					|| direction == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC) {
				return text;
			}
			i += Character.charCount(c);
		}
		return text;
	}

	private static String destination(int section) {
		return "section-" + (section + 1);
	}

	/** A new element of {@code type} in the current part of the document. */
	private PdfStructureElement tag(PdfName type) {
		return tag(this.part, type);
	}

	private static PdfStructureElement tag(PdfStructureElement parent, PdfName type) {
		return Tagging.child(parent, type);
	}

	/** A table of figures with its column widths still to be fitted to its words. */
	private record Grid(GridTable table, ColumnWidths widths) {
	}

	private Grid grid(float[] widths) {
		return new Grid(GridTable.data(widths, this.part), new ColumnWidths(widths, Locale.forLanguageTag(lang())));
	}

	/** Adds a grid to the page flow, its columns wide enough for their longest words. */
	private void add(Grid grid) {
		grid.table().widths(grid.widths().widths(this.document.right() - this.document.left()));
		this.flow.add(grid.table());
	}

	/**
	 * The caption and column labels, repeated at the top of every page the table runs
	 * onto.
	 */
	private void header(Grid grid, int number, String... labels) {
		grid.table().caption(this.fonts.phrase(this.messages.get("table", number), 10, true));
		List<GridTable.Cell> cells = new ArrayList<>();
		for (int i = 0; i < labels.length; i++) {
			Phrase phrase = this.fonts.phrase(this.messages.typeset(labels[i]), 9, true);
			grid.widths().measure(i, phrase, 9);
			cells.add(GridTable.Cell.of(phrase, start()));
		}
		grid.table().header(new GridTable.Row(cells, 0.5f, 0.5f));
	}

	/**
	 * The language of each cell's text, by column, where it is not the report's: null for
	 * the report's language.
	 */
	private String[] languages(String... languages) {
		String[] other = languages.clone();
		for (int i = 0; i < other.length; i++) {
			if (lang().equals(other[i])) {
				other[i] = null;
			}
		}
		return other;
	}

	private void cells(Grid grid, String[] languages, String... values) {
		List<GridTable.Cell> cells = new ArrayList<>();
		for (int i = 0; i < values.length; i++) {
			Phrase phrase = this.fonts.phrase(this.messages.typeset(values[i]), 9);
			grid.widths().measure(i, phrase, 9);
			GridTable.Cell cell = GridTable.Cell.of(phrase, start());
			cells.add((i < languages.length && languages[i] != null) ? cell.in(languages[i]) : cell);
		}
		grid.table().row(new GridTable.Row(cells, 0, 0.3f));
	}

}
