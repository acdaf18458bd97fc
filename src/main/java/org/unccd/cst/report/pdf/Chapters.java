package org.unccd.cst.report.pdf;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.openpdf.text.Image;
import org.openpdf.text.pdf.PdfStructureElement;
import org.unccd.cst.aggregate.BudgetRules;
import org.unccd.cst.aggregate.RecommendationRules;
import org.unccd.cst.model.BudgetLine;
import org.unccd.cst.model.Messages;
import org.unccd.cst.model.Outcome;
import org.unccd.cst.model.Programme;
import org.unccd.cst.model.Report;
import org.unccd.cst.model.Text;
import org.unccd.cst.model.WorkItem;
import org.unccd.cst.report.ReportData;
import org.unccd.cst.run.Summary;

import static org.unccd.cst.report.pdf.ReportLayout.spaced;

/**
 * The body of a report, in numbered paragraphs: the introduction, progress against the
 * expected outcomes (a table and a figure), resources and budget (a table and a figure),
 * key findings with their sources as footnotes, and the lettered recommendations.
 */
final class Chapters {

	private final ReportLayout layout;

	private final Messages messages;

	private final PdfFonts fonts;

	private final PageFlow flow;

	private final ReportGrids grids;

	private final Programme programme;

	private final Report report;

	private final Summary summary;

	private final ReportData data;

	private final PdfCharts charts;

	private int figures;

	private int tables;

	Chapters(ReportLayout layout, Programme programme, Report report, Summary summary, ReportData data,
			PdfCharts charts) {
		this.layout = layout;
		this.messages = layout.messages();
		this.fonts = layout.fonts();
		this.flow = layout.flow();
		this.grids = layout.grids();
		this.programme = programme;
		this.report = report;
		this.summary = summary;
		this.data = data;
		this.charts = charts;
	}

	/** The chapters, one after the other. */
	void write() {
		introduction();
		progress();
		budget();
		findings();
		recommendations();
		this.layout.endSection();
	}

	private void introduction() {
		Messages m = this.messages;
		this.layout.heading(0);
		String covered = coveredItems().stream()
			.filter((item) -> this.report.covers().contains(item.code()))
			.map((item) -> item.code() + " " + this.layout.data(item.title()))
			.collect(Collectors.joining(m.get("list.separator")));
		this.layout.numbered(
				m.get("intro.mandate", this.programme.source(), this.layout.data(this.programme.title()), covered));
		// once per report: the texts of the data not given in the report's language
		List<String> outcomes = RecommendationRules.coveredOutcomes(this.programme, this.report)
			.stream()
			.map(Outcome::code)
			.toList();
		boolean english = this.data.fallsBackToEnglish(outcomes, this.report.id()) || titlesFallBackToEnglish();
		this.layout.numbered(m.get("intro.asof", m.date(this.summary.asOf())), english ? m.get("note.english") : null);
	}

	/**
	 * Whether a title of the programme that this report shows (on its cover and in its
	 * chapters: the session's, the report's, those of the work items and outcomes it
	 * covers and of the budget lines) is not given in the report's language, and so comes
	 * in English.
	 */
	private boolean titlesFallBackToEnglish() {
		String lang = this.messages.lang();
		if ("en".equals(lang)) {
			return false;
		}
		List<Text> titles = new ArrayList<>();
		titles.add(this.programme.title());
		titles.add(this.report.title());
		coveredItems().forEach((item) -> titles.add(item.title()));
		RecommendationRules.coveredOutcomes(this.programme, this.report)
			.forEach((outcome) -> titles.add(outcome.title()));
		this.programme.budgetLines().forEach((line) -> titles.add(line.title()));
		return titles.stream().anyMatch((title) -> !title.languageIn(lang).equals(lang));
	}

	private void progress() {
		Messages m = this.messages;
		this.layout.heading(1);
		Map<String, Summary.WorkItemStatus> items = this.summary.workItems()
			.stream()
			.collect(Collectors.toMap(Summary.WorkItemStatus::code, (w) -> w));
		for (WorkItem item : coveredItems()) {
			Summary.WorkItemStatus status = items.get(item.code());
			// a completed item is not said to be complete twice
			boolean completed = "completed".equals(status.status()) && status.percent() != null
					&& status.percent().compareTo(BigDecimal.valueOf(100)) == 0;
			this.layout.numbered(m.get(completed ? "progress.itemCompleted" : "progress.item", item.code(),
					this.layout.data(item.title()), m.status(status.status()), m.percent(status.percent())));
		}
		int table = ++this.tables;
		// the sentence that introduces a table stays with its first rows
		this.layout.lead(m.get("progress.outcomes", table));
		Map<String, Summary.OutcomeStatus> statuses = this.summary.outcomes()
			.stream()
			.collect(Collectors.toMap(Summary.OutcomeStatus::code, (o) -> o));
		Map<String, String> latest = this.data.latestSummaries();
		ReportGrids.Grid grid = this.grids.grid(new float[] { 1.1f, 3.6f, 1.3f, 0.7f, 1.3f, 3.4f });
		this.grids.header(grid, table, m.get("col.code"), m.get("col.outcome"), m.get("col.status"),
				m.get("col.percent"), m.get("col.due"), m.get("col.summary"));
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
				// in Arabic an English summary and its date in Arabic stand on lines of
				// their own, so that the date's brackets are not split between two
				// directions
				String embedded = this.layout.data(last);
				String separator = embedded.equals(last) ? " " : "\n";
				last = embedded + separator + "(" + m.date(status.lastUpdate()) + ")";
			}
			this.grids.cells(grid,
					this.grids.languages(null, outcome.title().languageIn(this.messages.lang()), null, null, null,
							this.data.latestInEnglish().contains(outcome.code()) ? "en" : null),
					outcome.code(), this.layout.data(outcome.title().in(this.messages.lang())), state,
					m.percent(status.percent()), m.date(outcome.due()), last);
			bars.add(new PdfCharts.Bar(outcome.code(), status.percent(), status.status()));
			read.add(m.get("alt.outcome", outcome.code(), m.status(status.status()), m.percent(status.percent())));
		}
		this.grids.add(grid);
		int figure = ++this.figures;
		this.layout.numbered(m.get("progress.figure", figure));
		figure(figure, m.get("chart.progress", m.date(this.summary.asOf())), this.charts.progress(bars),
				String.join(m.get("list.separator"), read));
	}

	private void budget() {
		Messages m = this.messages;
		this.layout.heading(2);
		Summary.Budget b = this.summary.budget();
		String currency = this.summary.currency();
		this.layout.numbered(m.get("budget.summary", currency, m.money(b.total()), m.money(b.secured()),
				m.money(b.gap()), m.money(b.pledged()), m.money(b.gapAfterPledges())));
		this.layout.numbered(m.get("budget.spent", currency, m.date(this.summary.asOf()), m.money(b.spent()),
				m.percent(BudgetRules.executionRate(b.spent(), b.total())), m.money(coveredSpent())));
		int table = ++this.tables;
		this.layout.lead(m.get("budget.lines", table));
		ReportGrids.Grid grid = this.grids.grid(new float[] { 0.8f, 3.6f, 1.6f, 1.5f, 1.5f, 1.1f });
		this.grids.header(grid, table, m.get("col.code"), m.get("col.line"), m.get("col.source"),
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
			this.grids.cells(grid, this.grids.languages(null, title.languageIn(this.messages.lang())), line.code(),
					title.in(this.messages.lang()), m.fundingSource(line.source()), m.money(line.amount()),
					m.money(line.spent()), m.percent(line.executionRate()));
			bars.add(new PdfCharts.Line(line.code(), line.amount(), line.spent()));
			read.add(m.get("alt.line", line.code(), m.money(line.amount()), m.money(line.spent())));
		}
		this.grids.add(grid);
		int figure = ++this.figures;
		this.layout.numbered(m.get("budget.figure", figure));
		figure(figure, m.get("chart.budget", currency), this.charts.budget(b.total(), b.secured(), b.gap(), bars),
				String.join(m.get("list.separator"), read));
	}

	/**
	 * A figure: its caption, then the chart, one figure for a reader however many pages
	 * its parts take, read out as {@code alternative}. The caption stays on the page of
	 * the figure's first part; a figure that does not fit on the rest of the page floats
	 * to the top of the next one ({@link PageFlow#figure}).
	 */
	private void figure(int number, String caption, List<Image> parts, String alternative) {
		PdfStructureElement captionTag = this.layout.tag(Tagging.P);
		PdfStructureElement figure = Tagging.figure(this.layout.part(), this.messages.typeset(alternative));
		this.flow.figure(
				spaced(this.fonts.phrase(this.messages.get("figure", number) + "\n" + caption, 10, true), 4, 2),
				captionTag, parts, figure,
				spaced(this.fonts.phrase(this.messages.get("figure.continued", number), 10, true), 0, 2));
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
		this.layout.heading(3);
		List<String> outcomes = RecommendationRules.coveredOutcomes(this.programme, this.report)
			.stream()
			.map(Outcome::code)
			.toList();
		List<ReportData.Finding> findings = this.data.findings(outcomes);
		if (findings.isEmpty()) {
			this.layout.numbered(m.get("findings.none"));
		}
		String previousSource = null;
		for (ReportData.Finding finding : findings) {
			if (finding.sourceRef() != null) {
				// a note that repeats the source of the note before it says so
				String note = finding.sourceRef().equals(previousSource) ? m.get("note.ibid")
						: m.get("source", finding.sourceRef());
				previousSource = finding.sourceRef();
				this.layout.numbered(this.layout.data(ReportLayout.sentence(finding.text())), note,
						finding.inEnglish());
			}
			else {
				this.layout.numbered(this.layout.data(ReportLayout.sentence(finding.text())), null,
						finding.inEnglish());
			}
		}
	}

	/**
	 * The recommendations of this report, each with its addressee, drafted ones first.
	 */
	List<String> recommendationTexts() {
		Messages m = this.messages;
		List<String> texts = new ArrayList<>();
		for (ReportData.Drafted recommendation : this.data.recommendations(this.report.id())) {
			String text = this.layout.data(ReportLayout.sentence(recommendation.text()));
			// not given in the report's language: the English text, quoted as English
			texts.add((recommendation.inEnglish() ? Quoted.in("en", text) : text) + " "
					+ m.get("recommendation.addressee", m.addressee(recommendation.addressee())));
		}
		List<Summary.Recommendation> derived = new ArrayList<>(
				RecommendationRules.derive(this.programme, this.report, this.summary, m));
		derived.sort(java.util.Comparator.comparingInt(Summary.Recommendation::priority));
		for (Summary.Recommendation recommendation : derived) {
			texts.add(this.layout.data(recommendation.text()) + " "
					+ m.get("recommendation.addressee", m.addressee(recommendation.addressee())));
		}
		return texts;
	}

	private void recommendations() {
		Messages m = this.messages;
		this.layout.heading(4);
		List<String> texts = recommendationTexts();
		if (texts.isEmpty()) {
			this.layout.numbered(m.get("recommendations.none"));
			return;
		}
		// the sentence that introduces the list stays with its first item
		this.layout.lead(m.get("recommendations.intro"));
		PdfStructureElement list = this.layout.tag(Tagging.L);
		int letter = 0;
		for (String text : texts) {
			this.layout.item(letter++, text, list);
		}
	}

	private List<WorkItem> coveredItems() {
		return RecommendationRules.coveredWorkItems(this.programme, this.report);
	}

}
