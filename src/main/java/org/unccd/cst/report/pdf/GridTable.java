package org.unccd.cst.report.pdf;

import java.util.ArrayList;
import java.util.List;

import org.openpdf.text.DocumentException;
import org.openpdf.text.Element;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;
import org.openpdf.text.Rectangle;
import org.openpdf.text.pdf.ColumnText;
import org.openpdf.text.pdf.PdfContentByte;
import org.openpdf.text.pdf.PdfStructureElement;
import org.openpdf.text.pdf.PdfWriter;

/**
 * Rows of text cells laid out side by side, drawn by {@link PageFlow} row by row so that
 * each cell is tagged on its own: a data table is a Table of TR rows with TH and TD
 * cells; a layout grid (the cover's blocks, the boxed Summary) tags the paragraphs in its
 * cells and nothing of the grid itself.
 * <p>
 * Columns are given in reading order and their widths as parts of the whole; in a
 * right-to-left language the first column stands at the right.
 */
final class GridTable {

	static final float PADDING = 3;

	private final float[] widths;

	private final boolean data;

	private final PdfStructureElement parent;

	private Phrase caption;

	private Phrase continued;

	private final List<GridRow> header = new ArrayList<>();

	private final List<GridRow> body = new ArrayList<>();

	private float spacingBefore = 4;

	private float spacingAfter = 10;

	private PdfStructureElement table;

	private GridTable(float[] widths, boolean data, PdfStructureElement parent) {
		this.widths = widths.clone();
		this.data = data;
		this.parent = parent;
	}

	/** A table of data, tagged as a table under {@code parent}. */
	static GridTable data(float[] widths, PdfStructureElement parent) {
		return new GridTable(widths, true, parent);
	}

	/** A grid for the layout only: its paragraphs are tagged under {@code parent}. */
	static GridTable layout(float[] widths, PdfStructureElement parent) {
		return new GridTable(widths, false, parent);
	}

	/**
	 * The caption, and what it reads at the top of a later page the table runs onto
	 * ("Table 2 (continued)").
	 */
	GridTable caption(Phrase caption, Phrase continued) {
		this.caption = caption;
		this.continued = continued;
		return this;
	}

	GridTable spacing(float before, float after) {
		this.spacingBefore = before;
		this.spacingAfter = after;
		return this;
	}

	void widths(float[] widths) {
		System.arraycopy(widths, 0, this.widths, 0, this.widths.length);
	}

	int columns() {
		return this.widths.length;
	}

	void header(GridRow row) {
		this.header.add(row);
	}

	void row(GridRow row) {
		this.body.add(row);
	}

	float spacingBefore() {
		return this.spacingBefore;
	}

	float spacingAfter() {
		return this.spacingAfter;
	}

	List<GridRow> headerRows() {
		return this.header;
	}

	List<GridRow> bodyRows() {
		return this.body;
	}

	boolean hasCaption() {
		return this.caption != null;
	}

	/** The height of the caption, first or continued, in a column {@code width} wide. */
	float captionHeight(float width, int runDirection) {
		if (this.caption == null) {
			return 0;
		}
		float first = height(column(null, runDirection), captionParagraph(false), width);
		float again = height(column(null, runDirection), captionParagraph(true), width);
		return Math.max(first, again) + 6;
	}

	/** The height of a row across {@code width}. */
	float height(GridRow row, float width, int runDirection) {
		float height = 0;
		float[] cells = cellWidths(width);
		for (int i = 0; i < row.cells().size(); i++) {
			GridCell cell = row.cells().get(i);
			ColumnText column = column(null, runDirection);
			float content = 0;
			for (GridBlock block : cell.blocks()) {
				content = height(column, block.paragraph(), cells[i] - 2 * cell.padding());
			}
			height = Math.max(height, content + cell.padding() + cell.paddingBottom());
		}
		return height;
	}

	/**
	 * Draws the caption from {@code top}; {@code repeated} draws it again on a later
	 * page, as an artifact that says the table is continued. Returns the y below it.
	 */
	float drawCaption(PdfContentByte canvas, float left, float right, float top, int runDirection, boolean repeated) {
		if (this.caption == null) {
			return top;
		}
		ColumnText column = column(canvas, runDirection);
		column.addElement(captionParagraph(repeated));
		column.setSimpleColumn(left, 0, right, top);
		if (repeated) {
			Tagging.beginLayout(canvas);
		}
		else {
			Tagging.begin(canvas, Tagging.child(table(), Tagging.CAPTION));
		}
		draw(column, canvas);
		Tagging.end(canvas);
		return column.getYLine() - 6;
	}

	/**
	 * Draws a row with its top at {@code top}; a header row drawn again on a later page
	 * is an artifact. Returns the y below it.
	 */
	float draw(PdfContentByte canvas, GridRow row, boolean headerRow, boolean repeated, float left, float right,
			float top, int runDirection) {
		float height = height(row, right - left, runDirection);
		float bottom = top - height;
		rules(canvas, row, left, right, top, bottom);
		PdfStructureElement tr = (this.data && !repeated) ? Tagging.child(table(), Tagging.TR) : null;
		float[] cells = cellWidths(right - left);
		float offset = 0;
		boolean rtl = runDirection == PdfWriter.RUN_DIRECTION_RTL;
		for (int i = 0; i < row.cells().size(); i++) {
			GridCell cell = row.cells().get(i);
			float x0 = rtl ? right - offset - cells[i] : left + offset;
			float x1 = x0 + cells[i];
			offset += cells[i];
			ColumnText column = column(canvas, runDirection);
			column.setSimpleColumn(x0 + cell.padding(), bottom, x1 - cell.padding(), top - cell.padding());
			PdfStructureElement link = null;
			if (repeated) {
				Tagging.beginLayout(canvas);
			}
			else if (tr != null) {
				PdfStructureElement element = headerRow ? Tagging.columnHeader(tr) : Tagging.child(tr, Tagging.TD);
				if (cell.lang() != null) {
					Tagging.language(element, cell.lang());
				}
				if (cell.link() != null) {
					link = Tagging.child(element, Tagging.LINK);
					element = link;
				}
				Tagging.begin(canvas, element);
			}
			for (GridBlock block : cell.blocks()) {
				column.addElement(block.paragraph());
				if (tr == null && !repeated) {
					PdfStructureElement element = Tagging.child(this.parent, block.type());
					if (cell.lang() != null) {
						Tagging.language(element, cell.lang());
					}
					Tagging.begin(canvas, element);
				}
				draw(column, canvas);
				if (tr == null && !repeated) {
					Tagging.end(canvas);
				}
			}
			if (repeated || tr != null) {
				Tagging.end(canvas);
			}
			if (link != null) {
				Tagging.link(canvas.getPdfWriter(), link, new Rectangle(x0, bottom, x1, top), cell.link().destination(),
						cell.link().description());
			}
		}
		return bottom;
	}

	private void rules(PdfContentByte canvas, GridRow row, float left, float right, float top, float bottom) {
		if (row.ruleAbove() <= 0 && row.ruleBelow() <= 0) {
			return;
		}
		Tagging.beginLayout(canvas);
		canvas.saveState();
		if (row.boxed()) {
			canvas.setLineWidth(row.ruleAbove());
			canvas.rectangle(left, bottom, right - left, top - bottom);
			canvas.stroke();
		}
		else {
			if (row.ruleAbove() > 0) {
				canvas.setLineWidth(row.ruleAbove());
				canvas.moveTo(left, top);
				canvas.lineTo(right, top);
				canvas.stroke();
			}
			if (row.ruleBelow() > 0) {
				canvas.setLineWidth(row.ruleBelow());
				canvas.moveTo(left, bottom);
				canvas.lineTo(right, bottom);
				canvas.stroke();
			}
		}
		canvas.restoreState();
		Tagging.end(canvas);
	}

	private PdfStructureElement table() {
		if (this.table == null) {
			this.table = Tagging.child(this.parent, Tagging.TABLE);
		}
		return this.table;
	}

	private Paragraph captionParagraph(boolean repeated) {
		Paragraph paragraph = new Paragraph((repeated && this.continued != null) ? this.continued : this.caption);
		paragraph.setAlignment(Element.ALIGN_LEFT);
		return paragraph;
	}

	private float[] cellWidths(float width) {
		float total = 0;
		for (float w : this.widths) {
			total += w;
		}
		float[] cells = new float[this.widths.length];
		for (int i = 0; i < cells.length; i++) {
			cells[i] = width * this.widths[i] / total;
		}
		return cells;
	}

	private static ColumnText column(PdfContentByte canvas, int runDirection) {
		ColumnText column = new ColumnText(canvas);
		column.setRunDirection(runDirection);
		return column;
	}

	/**
	 * The height of {@code paragraph} added to {@code column}, in a measure
	 * {@code width}.
	 */
	private static float height(ColumnText column, Paragraph paragraph, float width) {
		float top = 100_000;
		float start = (column.getYLine() > 0 && column.getYLine() < top) ? column.getYLine() : top;
		column.addElement(paragraph);
		column.setSimpleColumn(0, 0, width, start);
		go(column, true);
		return top - column.getYLine();
	}

	/**
	 * Sets the column's text on {@code canvas}, a hyphen added at a line break marked as
	 * such ({@link MarkedText}).
	 */
	private static void draw(ColumnText column, PdfContentByte canvas) {
		MarkedText text = MarkedText.plain(canvas.getPdfWriter());
		column.setCanvas(text);
		go(column, false);
		canvas.add(text);
	}

	private static void go(ColumnText column, boolean simulate) {
		try {
			column.go(simulate);
		}
		catch (DocumentException ex) {
			throw new IllegalStateException("Cannot lay out the report: " + ex.getMessage(), ex);
		}
	}

}
