package org.unccd.cst.report.pdf;

import org.openpdf.text.Document;
import org.openpdf.text.Element;
import org.openpdf.text.Phrase;
import org.openpdf.text.pdf.ColumnText;
import org.openpdf.text.pdf.PdfContentByte;
import org.openpdf.text.pdf.PdfPageEventHelper;
import org.openpdf.text.pdf.PdfWriter;
import org.unccd.cst.model.Messages;

/**
 * The running parts of every page: the symbol at the top and the page number at the foot
 * from page 2 on, as UN documents have them, and the job number at the foot of the cover,
 * which carries no page number.
 * <p>
 * UN documents are printed on both sides: the symbol and the page number stand at the
 * outer edge of the page, the right of an odd page and the left of an even one; an Arabic
 * document opens the other way, so there they stand at the left of an odd page and the
 * right of an even one.
 */
final class PageDecorations extends PdfPageEventHelper {

	private final PdfFonts fonts;

	private final Messages messages;

	private final String symbol;

	private final String jobNumber;

	/** {@code jobNumber} is printed at the foot of the cover when given. */
	PageDecorations(PdfFonts fonts, Messages messages, String symbol, String jobNumber) {
		this.fonts = fonts;
		this.messages = messages;
		this.symbol = symbol;
		this.jobNumber = jobNumber;
	}

	@Override
	public void onEndPage(PdfWriter writer, Document document) {
		PdfContentByte canvas = writer.getDirectContent();
		int page = writer.getPageNumber();
		boolean rtl = this.messages.rightToLeft();
		int direction = rtl ? PdfWriter.RUN_DIRECTION_RTL : PdfWriter.RUN_DIRECTION_LTR;
		// none of it is read out as part of the text: a screen reader skips artifacts
		Tagging.beginPagination(canvas);
		boolean outerRight = (page % 2 == 1) != rtl;
		int outer = outerRight ? Element.ALIGN_RIGHT : Element.ALIGN_LEFT;
		float outerX = outerRight ? document.right() : document.left();
		if (page > 1) {
			Phrase header = this.fonts.phrase(this.symbol, 9, true);
			ColumnText.showTextAligned(canvas, outer, header, outerX, document.top() + 24, 0, direction, 0);
			canvas.setLineWidth(0.5f);
			canvas.moveTo(document.left(), document.top() + 18);
			canvas.lineTo(document.right(), document.top() + 18);
			canvas.stroke();
		}
		if (page == 1 && this.jobNumber != null && !this.jobNumber.isBlank()) {
			// the job number stands at the start of the cover's foot, as the secretariat
			// prints it
			Phrase job = this.fonts.phrase(this.messages.get("cover.jobNumber", this.jobNumber.strip(),
					this.messages.get("cover.languageLetter")), 9);
			ColumnText.showTextAligned(canvas, rtl ? Element.ALIGN_RIGHT : Element.ALIGN_LEFT, job,
					rtl ? document.right() : document.left(), document.bottom() - 28, 0, direction, 0);
		}
		if (page > 1) {
			Phrase footer = this.fonts.phrase(this.messages.get("page", page), 9);
			ColumnText.showTextAligned(canvas, outer, footer, outerX, document.bottom() - 28, 0, direction, 0);
		}
		Tagging.end(canvas);
	}

	/** Once every page is set, the Arabic glyphs are mapped back to their letters. */
	@Override
	public void onCloseDocument(PdfWriter writer, Document document) {
		LogicalUnicode.apply(writer);
	}

}
