package org.unccd.cst.report.pdf;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.openpdf.text.Phrase;
import org.unccd.cst.model.Messages;

import static org.unccd.cst.report.pdf.ReportLayout.end;
import static org.unccd.cst.report.pdf.ReportLayout.start;

/**
 * The tables of figures of a report: a caption and column labels repeated on every page
 * the table runs onto, rows of cells that say when their text is in another language than
 * the report's, and columns as wide as their longest words. A figure (an amount, a
 * percentage, a count) is set against the end of its cell, so that the figures of a
 * column line up by their units, and a column of figures has its label on the same side.
 */
final class ReportGrids {

	private final ReportLayout layout;

	ReportGrids(ReportLayout layout) {
		this.layout = layout;
	}

	/**
	 * A figure, as the messages write it in any of the six languages: an optional
	 * currency code, a sign, digits with their group and decimal separators, an optional
	 * per cent sign. Dates, codes and words are not figures.
	 */
	private static final Pattern FIGURE = Pattern
		.compile("(\\p{Lu}{3}[ \u00A0\u202F])?[-\u2212]?\\d[\\d.,'\u00A0\u202F\u066B\u066C ]*([ \u00A0\u202F]?%)?");

	/** The marks of direction that the messages put around text in Arabic. */
	private static final Pattern DIRECTION_MARKS = Pattern.compile("[\u061C\u200E\u200F\u2066-\u2069]");

	/**
	 * A table of figures with its column widths still to be fitted to its words; which of
	 * its columns hold text other than figures, and its column labels.
	 */
	record Grid(GridTable table, ColumnWidths widths, boolean[] words, List<GridCell> labels) {
	}

	Grid grid(float[] widths) {
		return new Grid(GridTable.data(widths, this.layout.part()),
				new ColumnWidths(widths, Locale.forLanguageTag(this.layout.messages().lang())),
				new boolean[widths.length], new ArrayList<>());
	}

	/**
	 * Adds a grid to the page flow, its columns wide enough for their longest words, the
	 * label of a column of figures set on the figures' side.
	 */
	void add(Grid grid) {
		for (int i = 0; i < grid.labels().size() && i < grid.words().length; i++) {
			if (!grid.words()[i]) {
				grid.labels().get(i).blocks().forEach((block) -> block.paragraph().setAlignment(end()));
			}
		}
		grid.table().widths(grid.widths().widths(this.layout.document().right() - this.layout.document().left()));
		this.layout.flow().add(grid.table());
	}

	/** Whether {@code text} is a figure, set against the end of its cell. */
	static boolean figure(String text) {
		return text != null && FIGURE.matcher(DIRECTION_MARKS.matcher(text).replaceAll("").strip()).matches();
	}

	/**
	 * The caption and column labels, repeated at the top of every page the table runs
	 * onto, where the caption says that the table is continued.
	 */
	void header(Grid grid, int number, String... labels) {
		Messages m = this.layout.messages();
		grid.table()
			.caption(this.layout.fonts().phrase(m.get("table", number), 10, true),
					this.layout.fonts().phrase(m.get("table.continued", number), 10, true));
		List<GridCell> cells = new ArrayList<>();
		for (int i = 0; i < labels.length; i++) {
			Phrase phrase = this.layout.fonts().phrase(this.layout.messages().typeset(labels[i]), 9, true);
			grid.widths().measure(i, phrase, 9);
			cells.add(GridCell.of(phrase, start()));
		}
		grid.labels().addAll(cells);
		grid.table().header(new GridRow(cells, 0.5f, 0.5f));
	}

	/**
	 * The language of each cell's text, by column, where it is not the report's: null for
	 * the report's language.
	 */
	String[] languages(String... languages) {
		String[] other = languages.clone();
		for (int i = 0; i < other.length; i++) {
			if (this.layout.messages().lang().equals(other[i])) {
				other[i] = null;
			}
		}
		return other;
	}

	void cells(Grid grid, String[] languages, String... values) {
		List<GridCell> cells = new ArrayList<>();
		for (int i = 0; i < values.length; i++) {
			String lang = (i < languages.length) ? languages[i] : null;
			// a cell in another language keeps that language's typography
			Phrase phrase = this.layout.fonts().phrase(this.layout.messages().typeset(values[i], lang), 9);
			grid.widths().measure(i, phrase, 9);
			boolean figure = figure(values[i]);
			if (!figure && values[i] != null && !values[i].isBlank() && i < grid.words().length) {
				grid.words()[i] = true;
			}
			GridCell cell = GridCell.of(phrase, figure ? end() : start());
			cells.add((lang != null) ? cell.in(lang) : cell);
		}
		grid.table().row(new GridRow(cells, 0, 0.3f));
	}

}
