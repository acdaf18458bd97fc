package org.unccd.cst.report.pdf;

import java.awt.Color;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.openpdf.text.BadElementException;
import org.openpdf.text.Element;
import org.openpdf.text.Image;
import org.openpdf.text.pdf.ColumnText;
import org.openpdf.text.pdf.PdfContentByte;
import org.openpdf.text.pdf.PdfTemplate;
import org.openpdf.text.pdf.PdfWriter;
import org.unccd.cst.model.Messages;
import org.unccd.cst.report.ChartColours;

/**
 * The figures of a report, drawn as vector graphics: the percent complete of each
 * outcome, and the budget. Right-to-left languages get them mirrored, the labels on the
 * right and the bars growing leftwards.
 */
final class PdfCharts {

	// the colours the workbook's charts are drawn in too
	static final Color SECURED = new Color(ChartColours.SECURED);

	static final Color GAP = new Color(ChartColours.GAP);

	static final Color SPENT = new Color(ChartColours.SPENT);

	static final Color UNSPENT = new Color(ChartColours.UNSPENT);

	private static final Color GRID = new Color(190, 190, 190);

	private static final Color TEXT = Color.BLACK;

	/**
	 * Bars per image of the progress figure, so that a long list of outcomes goes on over
	 * pages; each image has its own axis.
	 */
	private static final int BARS_PER_IMAGE = 30;

	/**
	 * Budget lines per image of the budget figure: its images stand one under the other
	 * without a gap, so that a long figure fills the rest of a page and goes on over the
	 * next one.
	 */
	private static final int LINES_PER_IMAGE = 8;

	private static final float ROW = 16;

	private static final float LABEL = 9;

	private final PdfWriter writer;

	private final PdfFonts fonts;

	private final Messages messages;

	private final float width;

	private final boolean rightToLeft;

	PdfCharts(PdfWriter writer, PdfFonts fonts, Messages messages, float width) {
		this.writer = writer;
		this.fonts = fonts;
		this.messages = messages;
		this.width = width;
		this.rightToLeft = messages.rightToLeft();
	}

	/** One bar of the progress figure. */
	record Bar(String label, BigDecimal percent, String status) {
	}

	/** One budget line of the budget figure. */
	record Line(String label, BigDecimal amount, BigDecimal spent) {
	}

	/** The percent complete of each outcome, coloured by status, with a legend. */
	List<Image> progress(List<Bar> bars) {
		List<Image> images = new ArrayList<>();
		Set<String> statuses = new LinkedHashSet<>();
		bars.forEach((bar) -> statuses.add(bar.status()));
		for (int from = 0; from < Math.max(bars.size(), 1); from += BARS_PER_IMAGE) {
			List<Bar> part = bars.subList(Math.min(from, bars.size()), Math.min(from + BARS_PER_IMAGE, bars.size()));
			boolean last = from + BARS_PER_IMAGE >= bars.size();
			float labelWidth = labelWidth(bars.stream().map(Bar::label).toList());
			float valueWidth = 40;
			float plot = this.width - labelWidth - valueWidth;
			float axis = 16;
			float legend = last ? 22 : 0;
			float height = part.size() * ROW + axis + legend + 4;
			PdfTemplate t = template(height);
			float base = legend + axis;
			// grid and axis labels at 0, 25, 50, 75 and 100 per cent
			for (int p = 0; p <= 100; p += 25) {
				float x = labelWidth + plot * p / 100;
				line(t, x, base, x, height - 2, GRID, 0.4f);
				text(t, Integer.toString(p), x, base - 11, Element.ALIGN_CENTER, 8);
			}
			float top = height - 2;
			for (Bar bar : part) {
				float y = top - ROW;
				text(t, bar.label(), labelWidth - 6, y + 4, Element.ALIGN_RIGHT, LABEL);
				float length = plot * clamp(bar.percent()) / 100;
				rectangle(t, labelWidth, y + 3, Math.max(length, 0.5f), ROW - 6, statusColour(bar.status()));
				String value = this.messages.percent(bar.percent());
				// the value stands on white: a grid line behind it never strikes it
				// through
				float valueLength = ColumnText.getWidth(this.fonts.phrase(value, LABEL));
				rectangle(t, labelWidth + length + 2, y + 2, valueLength + 4, ROW - 4, Color.WHITE);
				text(t, value, labelWidth + length + 4, y + 4, Element.ALIGN_LEFT, LABEL);
				top = y;
			}
			if (last) {
				float x = 0;
				for (String status : statuses) {
					x = legendEntry(t, x, 4, statusColour(status), this.messages.status(status));
				}
			}
			images.add(image(t));
		}
		return images;
	}

	/** Secured against the gap, then the amount and expenditure of each budget line. */
	List<Image> budget(BigDecimal total, BigDecimal secured, BigDecimal gap, List<Line> lines) {
		List<Image> images = new ArrayList<>();
		List<String> labels = new ArrayList<>();
		labels.add(this.messages.get("budget.total"));
		lines.forEach((line) -> labels.add(line.label()));
		float labelWidth = labelWidth(labels);
		float plot = this.width - labelWidth - 110;
		BigDecimal largest = lines.stream().map(Line::amount).reduce(total, BigDecimal::max);
		for (int from = 0; from < Math.max(lines.size(), 1); from += LINES_PER_IMAGE) {
			boolean first = from == 0;
			boolean last = from + LINES_PER_IMAGE >= lines.size();
			List<Line> part = lines.subList(Math.min(from, lines.size()),
					Math.min(from + LINES_PER_IMAGE, lines.size()));
			float head = first ? 2 * ROW + 8 : 0;
			float legend = last ? 22 : 0;
			// the images of one figure join without a seam: margins only at its ends
			float above = first ? 2 : 0;
			float below = last ? 2 : 0;
			float height = head + part.size() * ROW + legend + above + below;
			PdfTemplate t = template(height);
			float top = height - above;
			if (first) {
				// one bar for the whole budget: secured, then the gap
				float y = top - 2 * ROW;
				float full = plot;
				float securedLength = full * share(secured, total);
				text(t, this.messages.get("budget.total"), labelWidth - 6, y + 12, Element.ALIGN_RIGHT, LABEL);
				rectangle(t, labelWidth, y + 4, securedLength, 2 * ROW - 8, SECURED);
				rectangle(t, labelWidth + securedLength, y + 4, full - securedLength, 2 * ROW - 8, GAP);
				text(t, this.messages.money(total), labelWidth + full + 4, y + 12, Element.ALIGN_LEFT, LABEL);
				top = y - 8;
				line(t, 0, top + 4, this.width, top + 4, GRID, 0.4f);
			}
			for (Line line : part) {
				float y = top - ROW;
				text(t, line.label(), labelWidth - 6, y + 4, Element.ALIGN_RIGHT, LABEL);
				float amount = plot * share(line.amount(), largest);
				float spent = plot * share(line.spent().min(line.amount().max(line.spent())), largest);
				rectangle(t, labelWidth, y + 3, Math.max(amount, 0.5f), ROW - 6, UNSPENT);
				rectangle(t, labelWidth, y + 3, Math.max(spent, 0.5f), ROW - 6, SPENT);
				text(t, this.messages.money(line.spent()) + " / " + this.messages.money(line.amount()),
						labelWidth + Math.max(amount, spent) + 4, y + 4, Element.ALIGN_LEFT, 8);
				top = y;
			}
			if (last) {
				float x = 0;
				x = legendEntry(t, x, 4, SECURED, this.messages.get("chart.secured"));
				x = legendEntry(t, x, 4, GAP, this.messages.get("chart.gap"));
				x = legendEntry(t, x, 4, SPENT, this.messages.get("chart.spent"));
				legendEntry(t, x, 4, UNSPENT, this.messages.get("chart.unspent"));
			}
			images.add(image(t, first ? 4 : 0, last ? 4 : 0));
		}
		return images;
	}

	/**
	 * The room for the labels before the bars: as wide as the widest label, at least 70
	 * points and at most a quarter of the width, so that "Presupuesto total" or a long
	 * outcome code is not cut at the edge.
	 */
	private float labelWidth(List<String> labels) {
		float widest = 0;
		for (String label : labels) {
			widest = Math.max(widest, ColumnText.getWidth(this.fonts.phrase(label, LABEL)));
		}
		return Math.min(Math.max(70, widest + 10), this.width / 4);
	}

	static Color statusColour(String status) {
		return new Color(ChartColours.status(status));
	}

	private static float clamp(BigDecimal percent) {
		return Math.max(0, Math.min(100, percent.floatValue()));
	}

	private static float share(BigDecimal part, BigDecimal whole) {
		if (whole.signum() <= 0 || part.signum() <= 0) {
			return 0;
		}
		return Math.min(1, part.divide(whole, 6, RoundingMode.HALF_EVEN).floatValue());
	}

	private PdfTemplate template(float height) {
		PdfTemplate template = this.writer.getDirectContent().createTemplate(this.width, height);
		template.setBoundingBox(new org.openpdf.text.Rectangle(0, 0, this.width, height));
		return template;
	}

	private Image image(PdfTemplate template) {
		return image(template, 4, 4);
	}

	private Image image(PdfTemplate template, float before, float after) {
		try {
			Image image = Image.getInstance(template);
			image.setAlignment(Image.MIDDLE);
			image.setSpacingBefore(before);
			image.setSpacingAfter(after);
			return image;
		}
		catch (BadElementException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** x measured from the start of the line: the left, or the right when mirrored. */
	private float x(float x) {
		return this.rightToLeft ? this.width - x : x;
	}

	private void rectangle(PdfContentByte canvas, float x, float y, float w, float h, Color colour) {
		if (w <= 0) {
			return;
		}
		canvas.saveState();
		canvas.setColorFill(colour);
		canvas.rectangle(this.rightToLeft ? x(x) - w : x, y, w, h);
		canvas.fill();
		canvas.restoreState();
	}

	private void line(PdfContentByte canvas, float x1, float y1, float x2, float y2, Color colour, float width) {
		canvas.saveState();
		canvas.setColorStroke(colour);
		canvas.setLineWidth(width);
		canvas.moveTo(x(x1), y1);
		canvas.lineTo(x(x2), y2);
		canvas.stroke();
		canvas.restoreState();
	}

	private void text(PdfContentByte canvas, String text, float x, float y, int alignment, float size) {
		int aligned = alignment;
		if (this.rightToLeft && alignment != Element.ALIGN_CENTER) {
			aligned = (alignment == Element.ALIGN_LEFT) ? Element.ALIGN_RIGHT : Element.ALIGN_LEFT;
		}
		ColumnText.showTextAligned(canvas, aligned, this.fonts.phrase(text, size), x(x), y, 0,
				this.rightToLeft ? PdfWriter.RUN_DIRECTION_RTL : PdfWriter.RUN_DIRECTION_LTR, 0);
	}

	private float legendEntry(PdfContentByte canvas, float x, float y, Color colour, String label) {
		rectangle(canvas, x, y, 9, 9, colour);
		text(canvas, label, x + 13, y + 1, Element.ALIGN_LEFT, 8);
		return x + 13 + ColumnText.getWidth(this.fonts.phrase(label, 8)) + 16;
	}

}
