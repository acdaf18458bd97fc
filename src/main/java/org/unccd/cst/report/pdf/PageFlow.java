package org.unccd.cst.report.pdf;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import org.openpdf.text.Document;
import org.openpdf.text.DocumentException;
import org.openpdf.text.Element;
import org.openpdf.text.Image;
import org.openpdf.text.Paragraph;
import org.openpdf.text.pdf.ColumnText;
import org.openpdf.text.pdf.PdfContentByte;
import org.openpdf.text.pdf.PdfStructureElement;
import org.openpdf.text.pdf.PdfWriter;

/**
 * Lays the body of a report out down the pages in the language's direction, and sets each
 * footnote at the foot of the page that holds its mark, as UN documents have them.
 * <p>
 * Everything goes through {@link ColumnText}, the part of OpenPDF that can set text right
 * to left and shape Arabic. The page breaks follow the rules of book typesetting (see
 * docs/reports.md, "Page breaks"):
 * <ul>
 * <li>a paragraph splits across pages with at least {@value #LINES_KEPT} lines on each
 * side of the break, and moves whole to the next page when it cannot;</li>
 * <li>a heading, a caption or a lead-in ({@link #keepWithNext}) waits for the block after
 * it and goes to the next page with it when the first part of that block does not fit
 * below it;</li>
 * <li>a table splits between rows with at least {@value #ROWS_KEPT} body rows on each
 * side and its caption and header rows repeated;</li>
 * <li>a figure that does not fit on the rest of the page floats to the top of the next
 * page, and the text after it fills the rest of this one up to the next heading: a
 * floated figure never passes a heading ({@link #heading}), so it stays in its
 * section.</li>
 * </ul>
 * An element that has footnotes keeps them on the page of its mark, which ends it. Each
 * element is marked in the page content as the content of its structure element (see
 * {@link Tagging}), on every page it stands on.
 */
final class PageFlow {

	/** A footnote and the structure element it is the content of. */
	record Note(Element element, PdfStructureElement tag) {
	}

	/** The fewest lines of a paragraph on either side of a page break. */
	static final int LINES_KEPT = 2;

	/** The fewest body rows of a table on either side of a page break. */
	static final int ROWS_KEPT = 2;

	/**
	 * The share of a page above which a table with too few rows to split by the rule is
	 * split all the same rather than leave so much of the page empty.
	 */
	private static final float MOSTLY_EMPTY = 0.5f;

	/** Room between the body and the rule above the footnotes. */
	private static final float NOTE_GAP = 10;

	/** Whether the next block can start on the page from {@code top}. */
	private interface Starts {

		boolean test(float top);

	}

	/** A block waiting to go on the page with the first part of the block after it. */
	private record Kept(Element element, PdfStructureElement tag, Runnable placed) {
	}

	/** A figure waiting for the top of the next page: its caption and its parts. */
	private record Figure(Element caption, PdfStructureElement captionTag, List<Image> parts, PdfStructureElement tag,
			Element continued) {
	}

	/**
	 * Where the first part of a block ends on a page: the whole block, a part of
	 * {@code lines} lines down to {@code bottom}, or nothing (the block moves on).
	 */
	private record Part(boolean whole, int lines, float bottom) {

		static final Part NONE = new Part(false, 0, 0);

		boolean none() {
			return !this.whole && this.lines == 0;
		}

	}

	private final Document document;

	private final PdfWriter writer;

	private final int runDirection;

	private final List<Note> notesOnPage = new ArrayList<>();

	private final List<Kept> kept = new ArrayList<>();

	private final List<Figure> floating = new ArrayList<>();

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
		add(element, tag, List.of());
	}

	/**
	 * Adds a heading, a caption or a lead-in that never ends a page: it goes on the page
	 * where the block after it starts, with at least that block's first
	 * {@value #LINES_KEPT} lines (or the whole block when it is shorter), first table
	 * rows or figure. {@code placed} runs once it stands on its page, where
	 * {@link #page()} and {@link #y()} are those just below it.
	 */
	void keepWithNext(Element element, PdfStructureElement tag, Runnable placed) {
		this.kept.add(new Kept(element, tag, placed));
	}

	/**
	 * Adds a heading, kept with the block after it like {@link #keepWithNext}. A figure
	 * that floats to the top of the next page never passes a heading: when one waits, the
	 * rest of this page stays empty and the figure goes to the top of the next page
	 * first, then the heading, so that the figure stays in the section of the paragraph
	 * that refers to it.
	 */
	void heading(Element element, PdfStructureElement tag, Runnable placed) {
		if (!this.floating.isEmpty()) {
			keepWith((top) -> true);
			newPage();
		}
		keepWithNext(element, tag, placed);
	}

	/** Adds an element whose footnotes must stand at the foot of the same page. */
	void add(Element element, PdfStructureElement tag, List<Note> notes) {
		ColumnText column = column(element);
		float ownNotes = notes.isEmpty() ? 0 : height(notes) + (this.notesOnPage.isEmpty() ? NOTE_GAP : 0);
		keepWith((top) -> !part(column, element, top, this.notesHeight + ownNotes, this.notesHeight, false).none());
		// the foot of the page keeps room for the notes already on it and this element's
		float needed = this.notesHeight + ownNotes;
		Part part = part(column, element, this.y, needed, this.notesHeight, this.fresh);
		while (part.none()) {
			newPage();
			needed = notes.isEmpty() ? 0 : height(notes) + NOTE_GAP;
			part = part(column, element, this.y, needed, 0, this.fresh);
		}
		// the marks of the element's notes, as the text reaches them
		Deque<PdfStructureElement> marks = new ArrayDeque<>(notes.stream().map(Note::tag).toList());
		column.setSimpleColumn(left(), part.bottom(), right(), this.y);
		int status = go(column, element, tag, marks);
		int emptyPages = 0;
		while (ColumnText.hasMoreText(status)) {
			do {
				newPage();
				needed = notes.isEmpty() ? 0 : height(notes) + NOTE_GAP;
				// on a page of its own the rest goes on, even if it is longer than a page
				part = part(column, element, this.y, needed, 0, this.fresh);
			}
			while (part.none());
			column.setSimpleColumn(left(), part.bottom(), right(), this.y);
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

	/**
	 * What of the rest of {@code column} goes on the page from {@code top}: the whole
	 * when it fits above {@code wholeBottom} (which keeps room for the element's notes),
	 * else a part above {@code partBottom} that leaves at least {@value #LINES_KEPT}
	 * lines of a paragraph on each side of the break, else nothing. On a page with
	 * nothing else on it ({@code must}) what fits goes, whatever the lines left.
	 */
	private Part part(ColumnText column, Element element, float top, float wholeBottom, float partBottom,
			boolean must) {
		float whole = bottom() + wholeBottom;
		if (!ColumnText.hasMoreText(trial(column, whole, top))) {
			return new Part(true, 0, whole);
		}
		float lowest = bottom() + partBottom;
		if (!(element instanceof Paragraph)) {
			return must ? new Part(false, 1, lowest) : Part.NONE;
		}
		int fit = lines(column, lowest, top);
		int total = lines(column, top - 100_000, top);
		int lines = Math.min(fit, total - LINES_KEPT);
		if (lines < LINES_KEPT) {
			if (!must) {
				return Part.NONE;
			}
			// a paragraph longer than a page: the page full, one line kept back if
			// that leaves none alone
			lines = (fit > LINES_KEPT && total - fit < LINES_KEPT) ? fit - 1 : fit;
		}
		if (lines >= fit) {
			return new Part(false, Math.max(fit, 1), lowest);
		}
		// the highest foot of the column that still holds the lines: fewer lines above it
		float low = lowest;
		float high = top;
		while (high - low > 0.25f) {
			float middle = (low + high) / 2;
			if (lines(column, middle, top) >= lines) {
				low = middle;
			}
			else {
				high = middle;
			}
		}
		return new Part(false, lines, low);
	}

	private int trial(ColumnText column, float bottom, float top) {
		ColumnText trial = ColumnText.duplicate(column);
		trial.setSimpleColumn(left(), bottom, right(), top);
		return go(trial, true);
	}

	private int lines(ColumnText column, float bottom, float top) {
		ColumnText trial = ColumnText.duplicate(column);
		trial.setSimpleColumn(left(), bottom, right(), top);
		go(trial, true);
		return trial.getLinesWritten();
	}

	/**
	 * Sets the blocks kept with the next one, on this page if the next block can start
	 * below them ({@code starts} is asked with the top it would start from), else on the
	 * next page.
	 */
	private void keepWith(Starts starts) {
		if (this.kept.isEmpty()) {
			return;
		}
		List<Kept> blocks = new ArrayList<>(this.kept);
		this.kept.clear();
		// a second time below the figures that float to the top of a new page
		while (!this.fresh) {
			float top = this.y;
			for (Kept block : blocks) {
				top -= height(block.element());
			}
			if (top >= bottom() + this.notesHeight && starts.test(top)) {
				break;
			}
			newPage();
		}
		for (Kept block : blocks) {
			add(block.element(), block.tag());
			block.placed().run();
		}
	}

	/**
	 * Adds a figure: its caption, kept with it, and its parts (a long chart is drawn in
	 * several), one figure {@code tag} for a reader. When its caption and first part do
	 * not fit on the rest of the page, it floats to the top of the next page, and the
	 * blocks after it fill the rest of this one; a figure never passes another. Where its
	 * parts go on over a page, the next page starts with {@code continued} ("Figure 2
	 * (continued)"; none when {@code null}), drawn as an artifact, as a table's repeated
	 * caption is.
	 */
	void figure(Element caption, PdfStructureElement captionTag, List<Image> parts, PdfStructureElement tag,
			Element continued) {
		Figure figure = new Figure(caption, captionTag, parts, tag, continued);
		if (!this.floating.isEmpty()) {
			this.floating.add(figure);
			return;
		}
		float height = height(caption) + (parts.isEmpty() ? 0 : height(parts.get(0)));
		keepWith((top) -> top - height >= bottom() + this.notesHeight);
		if (this.fresh || this.y - height >= bottom() + this.notesHeight) {
			place(figure);
		}
		else {
			this.floating.add(figure);
		}
	}

	private void place(Figure figure) {
		List<Kept> waiting = new ArrayList<>(this.kept);
		this.kept.clear();
		keepWithNext(figure.caption(), figure.captionTag(), () -> {
		});
		for (int i = 0; i < figure.parts().size(); i++) {
			Image part = figure.parts().get(i);
			if (i > 0 && !this.fresh && this.y - height(part) < bottom() + this.notesHeight) {
				// a long chart goes on at the top of the next page, under a caption that
				// says so
				newPage();
				if (figure.continued() != null) {
					artifact(figure.continued());
				}
			}
			add(part, figure.tag());
		}
		keepWith((top) -> true);
		this.kept.addAll(waiting);
	}

	/** Draws {@code element} from the current line as an artifact, outside the text. */
	private void artifact(Element element) {
		ColumnText column = column(element);
		PdfContentByte canvas = this.writer.getDirectContent();
		column.setSimpleColumn(left(), bottom(), right(), this.y);
		Tagging.beginLayout(canvas);
		go(column, false);
		Tagging.end(canvas);
		this.y = column.getYLine();
		this.fresh = false;
	}

	/**
	 * Adds a table: it splits between rows, leaving at least {@value #ROWS_KEPT} body
	 * rows on each side of a break (a table of fewer rows moves whole to the next page,
	 * unless that would leave more than half of this page empty), and repeats its caption
	 * and header rows at the top of every page it runs onto. A row taller than a page
	 * stops the run.
	 */
	void add(GridTable table) {
		float width = right() - left();
		float caption = table.captionHeight(width, this.runDirection);
		float header = 0;
		for (GridRow row : table.headerRows()) {
			header += table.height(row, width, this.runDirection);
		}
		float opening = caption + header;
		List<GridRow> rows = table.bodyRows();
		float[] heights = new float[rows.size()];
		for (int i = 0; i < heights.length; i++) {
			heights[i] = table.height(rows.get(i), width, this.runDirection);
		}
		keepWith((top) -> starts(heights, top - table.spacingBefore() - opening));
		if (!this.fresh && !starts(heights, this.y - table.spacingBefore() - opening)) {
			newPage();
		}
		if (!this.fresh) {
			this.y -= table.spacingBefore();
		}
		PdfContentByte canvas = this.writer.getDirectContent();
		boolean repeated = false;
		int next = 0;
		while (true) {
			boolean alone = this.fresh;
			if (heights.length == 0) {
				this.y = opening(table, canvas, repeated);
				break;
			}
			int count = rows(heights, next, this.y - opening, alone);
			if (count == 0 && !alone) {
				// a figure at the top of the page left too little room for the rows
				newPage();
				continue;
			}
			if (count == 0) {
				throw new IllegalStateException("Cannot lay out the report: a row of a table is larger than a page");
			}
			this.y = opening(table, canvas, repeated);
			for (int i = next; i < next + count; i++) {
				this.y = table.draw(canvas, rows.get(i), false, false, left(), right(), this.y, this.runDirection);
			}
			this.fresh = false;
			next += count;
			if (next >= rows.size()) {
				break;
			}
			newPage();
			repeated = true;
		}
		this.y -= table.spacingAfter();
		this.fresh = false;
	}

	/**
	 * How many body rows from {@code from} go on the page from {@code top} below the
	 * table's caption and header: all that are left when they fit, else as many as fit
	 * leaving at least {@value #ROWS_KEPT} on each side of the break, else none. On a
	 * page with nothing else on it ({@code alone}) as many as fit go; a table of fewer
	 * than twice {@value #ROWS_KEPT} rows splits only rather than leave more than half of
	 * a page empty.
	 */
	private int rows(float[] heights, int from, float top, boolean alone) {
		float room = top - bottom() - this.notesHeight;
		int fit = 0;
		float used = 0;
		while (from + fit < heights.length && used + heights[from + fit] <= room) {
			used += heights[from + fit];
			fit++;
		}
		int left = heights.length - from;
		if (fit >= left) {
			return left;
		}
		int count = Math.min(fit, left - ROWS_KEPT);
		boolean splits = heights.length >= 2 * ROWS_KEPT;
		if (splits && count >= ROWS_KEPT) {
			return count;
		}
		if (alone || room > MOSTLY_EMPTY * (this.document.top() - bottom())) {
			// rows too tall for the rule: fill the page rather than leave it empty
			return (count >= 1) ? count : fit;
		}
		return 0;
	}

	/**
	 * Whether a table's first rows (or its caption and header) go on the page from
	 * {@code top}.
	 */
	private boolean starts(float[] heights, float top) {
		return (heights.length == 0) ? top >= bottom() + this.notesHeight : rows(heights, 0, top, false) > 0;
	}

	/** Draws a table's caption and header rows, again as artifacts on a later page. */
	private float opening(GridTable table, PdfContentByte canvas, boolean repeated) {
		float top = table.drawCaption(canvas, left(), right(), this.y, this.runDirection, repeated);
		for (GridRow row : table.headerRows()) {
			top = table.draw(canvas, row, true, repeated, left(), right(), top, this.runDirection);
		}
		return top;
	}

	/**
	 * Ends the current page, setting its footnotes, and starts a new one, with the
	 * figures that float to its top.
	 */
	void newPage() {
		setNotes();
		this.writer.setPageEmpty(false);
		this.document.newPage();
		this.y = this.document.top();
		this.fresh = true;
		List<Figure> figures = new ArrayList<>(this.floating);
		this.floating.clear();
		figures.forEach(this::place);
	}

	/**
	 * Sets what waits (a block kept with a next one that did not come, a floating figure)
	 * and the last page's footnotes; call before closing the document.
	 */
	void finish() {
		keepWith((top) -> true);
		if (!this.floating.isEmpty()) {
			newPage();
		}
		setNotes();
	}

	private float height(Element element) {
		ColumnText column = column(element);
		float top = 100_000;
		column.setSimpleColumn(left(), 0, right(), top);
		go(column, true);
		return top - column.getYLine();
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
