package org.unccd.cst.report.pdf;

import java.util.ArrayList;
import java.util.List;

import org.openpdf.text.Document;
import org.openpdf.text.DocumentException;
import org.openpdf.text.Element;
import org.openpdf.text.pdf.ColumnText;
import org.openpdf.text.pdf.PdfContentByte;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfWriter;

/**
 * Lays the body of a report out down the pages in the language's direction, and sets each
 * footnote at the foot of the page that holds its mark, as UN documents have them.
 * <p>
 * Everything goes through {@link ColumnText}, the part of OpenPDF that can set text right
 * to left and shape Arabic: paragraphs and tables split across pages where they must; an
 * element that has footnotes moves to the next page when it and its notes do not fit.
 */
final class PageFlow {

	/** Room between the body and the rule above the footnotes. */
	private static final float NOTE_GAP = 10;

	private final Document document;

	private final PdfWriter writer;

	private final int runDirection;

	private final List<Element> notesOnPage = new ArrayList<>();

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

	/** The number of the page the next element starts on. */
	int page() {
		return this.writer.getPageNumber();
	}

	/** Adds an element to the body, going on to further pages as needed. */
	void add(Element element) {
		add(element, List.of(), 0);
	}

	/**
	 * Adds an element that should have at least {@code roomAfter} points below it on the
	 * same page (a heading keeps with what follows).
	 */
	void addKeepingRoom(Element element, float roomAfter) {
		add(element, List.of(), roomAfter);
	}

	/** Adds an element whose footnotes must stand at the foot of the same page. */
	void add(Element element, List<? extends Element> notes) {
		add(element, notes, 0);
	}

	private void add(Element element, List<? extends Element> notes, float roomAfter) {
		float ownNotes = notes.isEmpty() ? 0 : height(notes) + (this.notesOnPage.isEmpty() ? NOTE_GAP : 0);
		// the foot of the page keeps room for the notes already on it and this element's
		float needed = this.notesHeight + ownNotes;
		ColumnText column = column(element);
		if (element instanceof PdfPTable table && notes.isEmpty()) {
			// a table splits between rows with its header repeated: it moves on only when
			// not even its header and first row fit, and is never tried out beforehand,
			// since a trial run of OpenPDF's layout can split the rows it measures
			if (!this.fresh && this.y - opening(table) < bottom() + needed) {
				newPage();
			}
		}
		else if (!this.fresh) {
			ColumnText trial = ColumnText.duplicate(column);
			trial.setSimpleColumn(left(), bottom() + needed, right(), this.y);
			int status = go(trial, true);
			if (ColumnText.hasMoreText(status) || trial.getYLine() - roomAfter < bottom() + needed) {
				newPage();
				ownNotes = notes.isEmpty() ? 0 : height(notes) + NOTE_GAP;
				needed = ownNotes;
			}
		}
		// on a fresh page the element starts even if it is longer than a page
		column.setSimpleColumn(left(), bottom() + needed, right(), this.y);
		int status = go(column, false);
		int emptyPages = 0;
		while (ColumnText.hasMoreText(status)) {
			newPage();
			needed = notes.isEmpty() ? 0 : height(notes) + NOTE_GAP;
			column.setSimpleColumn(left(), bottom() + needed, right(), this.y);
			status = go(column, false);
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

	/** The height of a table's spacing, header rows and first body row. */
	private float opening(PdfPTable table) {
		table.setTotalWidth((right() - left()) * table.getWidthPercentage() / 100);
		float height = table.spacingBefore();
		int rows = Math.min(table.size(), table.getHeaderRows() + 1);
		for (int i = 0; i < rows; i++) {
			height += table.getRowHeight(i);
		}
		return height;
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
		canvas.saveState();
		canvas.setLineWidth(0.5f);
		canvas.moveTo(ruleStart, top + 4);
		canvas.lineTo(ruleStart + ruleWidth, top + 4);
		canvas.stroke();
		canvas.restoreState();
		ColumnText column = new ColumnText(canvas);
		column.setRunDirection(this.runDirection);
		for (Element note : this.notesOnPage) {
			column.addElement(note);
		}
		column.setSimpleColumn(left(), this.document.bottom() - 1, right(), top);
		go(column, false);
		this.notesOnPage.clear();
		this.notesHeight = 0;
	}

	private float height(List<? extends Element> elements) {
		ColumnText column = new ColumnText(this.writer.getDirectContent());
		column.setRunDirection(this.runDirection);
		elements.forEach(column::addElement);
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
