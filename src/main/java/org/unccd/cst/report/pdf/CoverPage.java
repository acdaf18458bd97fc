package org.unccd.cst.report.pdf;

import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import org.openpdf.text.Element;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;
import org.openpdf.text.pdf.PdfStructureElement;
import org.unccd.cst.aggregate.BudgetRules;
import org.unccd.cst.aggregate.RecommendationRules;
import org.unccd.cst.model.Messages;
import org.unccd.cst.model.Outcome;
import org.unccd.cst.model.Programme;
import org.unccd.cst.model.Report;
import org.unccd.cst.model.SessionFacts;
import org.unccd.cst.run.Summary;

import static org.unccd.cst.report.pdf.ReportLayout.BODY;
import static org.unccd.cst.report.pdf.ReportLayout.end;
import static org.unccd.cst.report.pdf.ReportLayout.spaced;
import static org.unccd.cst.report.pdf.ReportLayout.start;

/**
 * The cover of a report, laid out like the first page of a UN document: the symbol block,
 * the session, the agenda item, the title, "Note by the secretariat" and a boxed Summary
 * of the report.
 */
final class CoverPage {

	private final ReportLayout layout;

	private final Messages messages;

	private final PdfFonts fonts;

	private final PageFlow flow;

	private final Programme programme;

	private final Report report;

	private final Summary summary;

	private final String symbol;

	private final Chapters chapters;

	CoverPage(ReportLayout layout, Programme programme, Report report, Summary summary, String symbol,
			Chapters chapters) {
		this.layout = layout;
		this.messages = layout.messages();
		this.fonts = layout.fonts();
		this.flow = layout.flow();
		this.programme = programme;
		this.report = report;
		this.summary = summary;
		this.symbol = symbol;
		this.chapters = chapters;
	}

	/**
	 * The first page, laid out like the first page of a UN document: the symbol block,
	 * the session, the agenda item, the title, "Note by the secretariat" and a boxed
	 * Summary of this report.
	 */
	void write() {
		Messages m = this.messages;
		GridTable top = GridTable.layout(new float[] { 1, 1 }, this.layout.part());
		top.row(new GridRow(List.of(GridCell.of(this.fonts.phrase(m.get("un"), 12, true), start(), 6),
				GridCell.of(this.fonts.phrase(this.symbol, 16, true), end(), 6)), 0, 1.2f));
		// the distribution block in the language the UN prints it in for this version
		// (English in Arabic, Chinese and Russian), set from its own side
		Messages masthead = Messages.of(m.get("masthead.lang"));
		boolean own = masthead.lang().equals(m.lang());
		UnaryOperator<String> set = (own || !m.rightToLeft()) ? (text) -> text : ReportLayout::isolated;
		Phrase distribution = this.fonts.phrase("", 10);
		distribution.add(this.fonts.phrase(set.apply(m.get("distr")) + "\n", 10));
		distribution.add(this.fonts.phrase(set.apply(masthead.date(this.summary.asOf())) + "\n\n", 10));
		if (!"en".equals(this.messages.lang())) {
			distribution.add(this.fonts.phrase(set.apply(m.get("cover.version")) + "\n", 10));
		}
		distribution.add(this.fonts.phrase(set.apply(m.get("original")), 10));
		GridCell block = GridCell.of(distribution, (own || !m.rightToLeft()) ? start() : end(), 6);
		top.row(new GridRow(List.of(GridCell.of(this.fonts.phrase(m.get("convention"), 15, true), start(), 6),
				own ? block : block.in(masthead.lang())), 0, 1.2f));
		this.flow.add(top);
		this.flow.add(spaced(this.fonts.phrase(m.get("cop"), 11, true), 18, 0), this.layout.tag(Tagging.P));
		this.flow.add(spaced(this.fonts.phrase(this.programme.title().in(this.messages.lang()), 11, true), 2, 0),
				this.layout.tag(Tagging.P));
		SessionFacts facts = this.programme.facts();
		// each isolated when it is given in English only, so that an Arabic cover keeps
		// "Bonn, Germany" and "1-5 January 2030" whole on either side of its comma
		String place = (facts.place() != null) ? this.layout.data(facts.place().in(this.messages.lang())) : null;
		String dates = (facts.dates() != null) ? this.layout.data(facts.dates().in(this.messages.lang())) : null;
		if (place != null || dates != null) {
			String line = (place != null && dates != null) ? m.get("cover.placeDates", place, dates)
					: (place != null) ? place : dates;
			this.flow.add(spaced(this.fonts.phrase(line, 11), 2, 0), this.layout.tag(Tagging.P));
		}
		SessionFacts.Agenda agenda = this.report.agendaIn(this.programme);
		if (agenda != null) {
			this.flow.add(spaced(this.fonts.phrase(m.get("cover.agenda", agenda.item()), BODY), 10, 0),
					this.layout.tag(Tagging.P));
			if (agenda.heading() != null) {
				this.flow.add(spaced(this.fonts.phrase(agenda.heading().in(this.messages.lang()), BODY, true), 2, 0),
						this.layout.tag(Tagging.P));
			}
		}
		this.flow.add(spaced(this.fonts.phrase(this.report.title().in(this.messages.lang()), 15, true), 22, 8),
				this.layout.tag(Tagging.H1));
		this.flow.add(spaced(this.fonts.phrase(m.get("cover.note"), 11), 0, 14), this.layout.tag(Tagging.P));
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
		List<String> recommendations = this.chapters.recommendationTexts();
		// a section of its own, its title a heading, in a box drawn for the eye only
		PdfStructureElement section = this.layout.tag(Tagging.SECT);
		GridTable box = GridTable.layout(new float[] { 1 }, section);
		Paragraph title = spaced(this.fonts.phrase(m.get("cover.summary"), 11, true), 0, 6);
		title.setAlignment(Element.ALIGN_CENTER);
		List<GridBlock> blocks = List.of(new GridBlock(title, Tagging.H2),
				boxed(m.get("summary.outcomes", outcomes.size(), counts.getOrDefault("completed", 0),
						counts.getOrDefault("in_progress", 0), counts.getOrDefault("delayed", 0),
						counts.getOrDefault("planned", 0), counts.getOrDefault("cancelled", 0))),
				boxed(m.get("summary.budget", this.summary.currency(), m.money(b.total()), m.money(b.secured()),
						m.money(b.gap()), m.money(b.spent()),
						m.percent(BudgetRules.executionRate(b.spent(), b.total())))),
				boxed(switch (recommendations.size()) {
					case 0 -> m.get("summary.noRecommendations");
					case 1 -> m.get("summary.oneRecommendation", recommendations.get(0));
					default -> m.get("summary.recommendations", recommendations.size(), recommendations.get(0));
				}));
		box.row(new GridRow(List.of(new GridCell(blocks, 10, 10)), 0.8f, 0.8f, true));
		return box;
	}

	private GridBlock boxed(String text) {
		Paragraph paragraph = spaced(this.fonts.phrase(this.messages.typeset(text), BODY), 0, 4);
		paragraph.setAlignment(start());
		return new GridBlock(paragraph, Tagging.P);
	}

}
