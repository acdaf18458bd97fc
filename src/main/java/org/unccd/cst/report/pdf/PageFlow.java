package org.unccd.cst.report.pdf;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import org.openpdf.text.Document;
import org.openpdf.text.DocumentException;
import org.openpdf.text.Element;
import org.openpdf.text.Image;
import org.openpdf.text.pdf.ColumnText;
import org.openpdf.text.pdf.PdfContentByte;
import org.openpdf.text.pdf.PdfStructureElement;
import org.openpdf.text.pdf.PdfWriter;

/**
 * Lays the body of a report out down the pages in the language's direction, and sets each
 * footnote at the foot of the page that holds its mark, as UN documents have them.
 * <p>
 * Everything goes through {@link ColumnText}, the part of OpenPDF that can set text right
 * to left and shape Arabic: paragraphs split across pages where they must, tables between
 * rows with their caption and header rows repeated; an element that has footnotes moves
 * to the next page when it and its notes do not fit. Each element is marked in the page
 * content as the content of its structure element (see {@link Tagging}), on every page it
 * stands on.
 */
final class PageFlow {

	/** A footnote and the structure element it is the content of. */
	record Note(Element element, PdfStructureElement tag) {
	}

	/** Room between the body and the rule above the footnotes. */
	private static final float NOTE_GAP = 10;

	private final Document document;

	private final PdfWriter writer;

	private final int runDirection;

	private final List<Note> notesOnPage = new ArrayList<>();

	private float notesHeight;

	private float y;

	private boolean fresh = true;

	PageFlow(Document document, PdfWriter writer, boolean rightToLeft) {
		this.document = document;
		this.writer = writer;
		this.runDirection = rightToLeft ? PdfWriter.RUN_DIRECTION_RTL : PdfWriter.RUN_DIRECTION_LTR;
		this.y = document.top();
	}

	int runDirection() {
		return this.runDirection;
	}

	/** How far down the page the body has come: the top of the next element. */
	float y() {
		return this.y;
	}

	/** The number of the page the next element starts on. */
	int page() {
		return this.writer.getPageNumber();
	}

	/**
	 * Adds an element to the body as the content of {@code tag}, going on to further
	 * pages as needed.
	 */
	void add(Element element, PdfStructureElement tag) {
		add(element, tag, List.of(), 0);
	}

	/**
	 * Adds an element that should have at least {@code roomAfter} points below it on the
	 * same page (a heading keeps with what follows).
	 */
	void addKeepingRoom(Element element, PdfStructureElement tag, float roomAfter) {
		add(element, tag, List.of(), roomAfter);
	}

	/** Adds an element whose footnotes must stand at the foot of the same page. */
	void add(Element element, PdfStructureElement tag, List<Note> notes) {
		add(element, tag, notes, 0);
	}

	/**
	 * Adds a table: it starts on the next page only when not even its caption, header and
	 * first row fit, splits between rows, and repeats its caption and header rows at the
	 * top of every page it runs onto. A row taller than a page stops the run.
	 */
	void add(GridTable table) {
		float width = right() - left();
		float caption = table.captionHeight(width, this.runDirection);
		float header = 0;
		for (GridRow row : table.headerRows()) {
			header += table.height(row, width, this.runDirection);
		}
		List<GridRow> rows = table.bodyRows();
		float first = rows.isEmpty() ? 0 : table.height(rows.get(0), width, this.runDirection);
		if (!this.fresh && this.y - table.spacingBefore() - caption - header - first < bottom() + this.notesHeight) {
			newPage();
		}
		if (!this.fresh) {
			this.y -= table.spacingBefore();
		}
		PdfContentByte canvas = this.writer.getDirectContent();
		this.y = opening(table, canvas, false);
		for (GridRow row : rows) {
			float height = table.height(row, width, this.runDirection);
			if (this.y - height < bottom() + this.notesHeight) {
				newPage();
				if (caption + header + height > this.y - bottom()) {
					throw new IllegalStateException(
							"Cannot lay out the report: a row of a table is larger than a page");
				}
				this.y = opening(table, canvas, true);
			}
			this.y = table.draw(canvas, row, false, false, left(), right(), this.y, this.runDirection);
		}
		this.y -= table.spacingAfter();
		this.fresh = false;
	}

	/** Draws a table's caption and header rows, again as artifacts on a later page. */
	private float opening(GridTable table, PdfContentByte canvas, boolean repeated) {
		float top = table.drawCaption(canvas, left(), right(), this.y, this.runDirection, repeated);
		for (GridRow row : table.headerRows()) {
			top = table.draw(canvas, row, true, repeated, left(), right(), top, this.runDirection);
		}
		return top;
	}

	private void add(Element element, PdfStructureElement tag, List<Note> notes, float roomAfter) {
		float ownNotes = notes.isEmpty() ? 0 : height(notes) + (this.notesOnPage.isEmpty() ? NOTE_GAP : 0);
		// the foot of the page keeps room for the notes already on it and this element's
		float needed = this.notesHeight + ownNotes;
		ColumnText column = column(element);
		if (!this.fresh) {
			ColumnText trial = ColumnText.duplicate(column);
			trial.setSimpleColumn(left(), bottom() + needed, right(), this.y);
			int status = go(trial, true);
			if (ColumnText.hasMoreText(status) || trial.getYLine() - roomAfter < bottom() + needed) {
				newPage();
				ownNotes = notes.isEmpty() ? 0 : height(notes) + NOTE_GAP;
				needed = ownNotes;
			}
		}
		// the marks of the element's notes, as the text reaches them
		Deque<PdfStructureElement> marks = new ArrayDeque<>(notes.stream().map(Note::tag).toList());
		// on a fresh page the element starts even if it is longer than a page
		column.setSimpleColumn(left(), bottom() + needed, right(), this.y);
		int status = go(column, element, tag, marks);
		int emptyPages = 0;
		while (ColumnText.hasMoreText(status)) {
			newPage();
			needed = notes.isEmpty() ? 0 : height(notes) + NOTE_GAP;
			column.setSimpleColumn(left(), bottom() + needed, right(), this.y);
			status = go(column, element, tag, marks);
			// a part that cannot go on even an empty page would ask for pages forever
			emptyPages = (column.getYLine() >= this.y) ? emptyPages + 1 : 0;
			if (emptyPages > 1) {
				throw new IllegalStateException("Cannot lay out the report: a part of it is larger than a page");
			}
		}
		this.y = column.getYLine();
		this.fresh = false;
		if (!notes.isEmpty()) {
			this.notesOnPage.addAll(notes);
			this.notesHeight = needed;
		}
	}

	/** Ends the current page, setting its footnotes, and starts a new one. */
	void newPage() {
		setNotes();
		this.writer.setPageEmpty(false);
		this.document.newPage();
		this.y = this.document.top();
		this.fresh = true;
	}

	/** Sets the last page's footnotes; call before closing the document. */
	void finish() {
		setNotes();
	}

	private void setNotes() {
		if (this.notesOnPage.isEmpty()) {
			return;
		}
		PdfContentByte canvas = this.writer.getDirectContent();
		float top = bottom() + this.notesHeight - NOTE_GAP;
		float ruleWidth = (right() - left()) / 4;
		float ruleStart = (this.runDirection == PdfWriter.RUN_DIRECTION_RTL) ? right() - ruleWidth : left();
		Tagging.beginLayout(canvas);
		canvas.saveState();
		canvas.setLineWidth(0.5f);
		canvas.moveTo(ruleStart, top + 4);
		canvas.lineTo(ruleStart + ruleWidth, top + 4);
		canvas.stroke();
		canvas.restoreState();
		Tagging.end(canvas);
		ColumnText column = new ColumnText(canvas);
		column.setRunDirection(this.runDirection);
		column.setSimpleColumn(left(), this.document.bottom() - 1, right(), top);
		for (Note note : this.notesOnPage) {
			column.addElement(note.element());
			go(column, note.element(), note.tag(), new ArrayDeque<>());
		}
		this.notesOnPage.clear();
		this.notesHeight = 0;
	}

	private float height(List<Note> notes) {
		ColumnText column = new ColumnText(this.writer.getDirectContent());
		column.setRunDirection(this.runDirection);
		notes.forEach((note) -> column.addElement(note.element()));
		float top = 100_000;
		column.setSimpleColumn(left(), 0, right(), top);
		go(column, true);
		return top - column.getYLine();
	}

	private ColumnText column(Element element) {
		ColumnText column = new ColumnText(this.writer.getDirectContent());
		column.setRunDirection(this.runDirection);
		column.addElement(element);
		return column;
	}

	/**
	 * Sets what fits of the column as (more of) the content of {@code tag}: the text of a
	 * paragraph with the marks of its notes as references to them ({@link MarkedText}), a
	 * picture as a whole.
	 */
	private int go(ColumnText column, Element element, PdfStructureElement tag, Deque<PdfStructureElement> marks) {
		PdfContentByte canvas = this.writer.getDirectContent();
		if (element instanceof Image) {
			column.setCanvas(canvas);
			Tagging.begin(canvas, tag);
			int status = go(column, false);
			Tagging.end(canvas);
			return status;
		}
		MarkedText text = MarkedText.of(this.writer, tag, marks);
		column.setCanvas(text);
		int status = go(column, false);
		canvas.add(text);
		return status;
	}

	private static int go(ColumnText column, boolean simulate) {
		try {
			return column.go(simulate);
		}
		catch (DocumentException ex) {
			throw new IllegalStateException("Cannot lay out the report: " + ex.getMessage(), ex);
		}
	}

	private float left() {
		return this.document.left();
	}

	private float right() {
		return this.document.right();
	}

	private float bottom() {
		return this.document.bottom();
	}

}
