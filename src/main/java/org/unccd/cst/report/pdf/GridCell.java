package org.unccd.cst.report.pdf;

import java.util.List;

import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;

/**
 * A cell: its paragraphs, the room around them, where it links to, if anywhere, and the
 * language of its text when it is not the document's.
 */
record GridCell(List<GridBlock> blocks, float padding, float paddingBottom, GridLink link, String lang) {

	GridCell(List<GridBlock> blocks, float padding, float paddingBottom) {
		this(blocks, padding, paddingBottom, null, null);
	}

	static GridCell of(Phrase phrase, int alignment) {
		return of(phrase, alignment, 4);
	}

	static GridCell of(Phrase phrase, int alignment, float paddingBottom) {
		Paragraph paragraph = new Paragraph(phrase);
		paragraph.setAlignment(alignment);
		return new GridCell(List.of(new GridBlock(paragraph, Tagging.P)), GridTable.PADDING, paddingBottom);
	}

	/** This cell, linked to {@code destination}. */
	GridCell linked(String destination, String description) {
		return new GridCell(this.blocks, this.padding, this.paddingBottom, new GridLink(destination, description),
				this.lang);
	}

	/** This cell, its text in {@code language}. */
	GridCell in(String language) {
		return new GridCell(this.blocks, this.padding, this.paddingBottom, this.link, language);
	}

}
