package org.unccd.cst.report.pdf;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.openpdf.text.Phrase;
import org.unccd.cst.model.Messages;

import static org.unccd.cst.report.pdf.ReportLayout.start;

/**
 * The tables of figures of a report: a caption and column labels repeated on every page
 * the table runs onto, rows of cells that say when their text is in another language than
 * the report's, and columns as wide as their longest words.
 */
final class ReportGrids {

	private final ReportLayout layout;

	ReportGrids(ReportLayout layout) {
		this.layout = layout;
	}

	/** A table of figures with its column widths still to be fitted to its words. */
	record Grid(GridTable table, ColumnWidths widths) {
	}

	Grid grid(float[] widths) {
		return new Grid(GridTable.data(widths, this.layout.part()),
				new ColumnWidths(widths, Locale.forLanguageTag(this.layout.messages().lang())));
	}

	/** Adds a grid to the page flow, its columns wide enough for their longest words. */
	void add(Grid grid) {
		grid.table().widths(grid.widths().widths(this.layout.document().right() - this.layout.document().left()));
		this.layout.flow().add(grid.table());
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
			GridCell cell = GridCell.of(phrase, start());
			cells.add((lang != null) ? cell.in(lang) : cell);
		}
		grid.table().row(new GridRow(cells, 0, 0.3f));
	}

}
