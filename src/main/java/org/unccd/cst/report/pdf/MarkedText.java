package org.unccd.cst.report.pdf;

import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Deque;

import org.openpdf.text.pdf.PdfArray;
import org.openpdf.text.pdf.PdfContentByte;
import org.openpdf.text.pdf.PdfDictionary;
import org.openpdf.text.pdf.PdfName;
import org.openpdf.text.pdf.PdfNumber;
import org.openpdf.text.pdf.PdfObject;
import org.openpdf.text.pdf.PdfString;
import org.openpdf.text.pdf.PdfStructureElement;
import org.openpdf.text.pdf.PdfTextArray;
import org.openpdf.text.pdf.PdfWriter;

/**
 * The canvas a column of text is set on, which marks what OpenPDF's one text object per
 * column cannot: the hyphen that {@link WordBreaks} adds where it breaks a word, and the
 * footnote marks inside a paragraph.
 * <p>
 * {@code ColumnText} writes a column's lines into a duplicate of its canvas, one run of
 * text at a time; this canvas's duplicates see each run as it is written. The added
 * hyphen, laid out as the soft hyphen U+00AD, is drawn as "-" inside a {@code Span} whose
 * {@code ActualText} is empty, so that the text read back (by a screen reader, or copied)
 * gives the word whole while the page shows the hyphen. A canvas for an element marks the
 * text as the element's content inside the text object, and a raised run of it, a
 * footnote's mark, as a {@code Reference} of its own (with {@code Ref} to its
 * {@code Note}), between the paragraph's text before and after it. A run of text quoted
 * in another language ({@link Quoted}) is a {@code Span} with its {@code Lang}, and a
 * bracket that right-to-left text shows mirrored ({@link PdfFonts#mirrored}) a
 * {@code Span} whose {@code ActualText} is the bracket as typed.
 * <p>
 * After {@code ColumnText.go} the canvas holds what the column drew: add it to the page's
 * content.
 */
final class MarkedText extends PdfContentByte {

	/** How {@link WordBreaks} lays out the hyphen it adds: drawn as {@link #HYPHEN}. */
	static final char ADDED_HYPHEN = '\u00AD';

	private static final String HYPHEN = "-";

	private static final PdfName REFERENCE = new PdfName("Reference");

	private static final PdfName REF = new PdfName("Ref");

	/** The element the text is the content of, and the notes whose marks it holds. */
	private final Content content;

	private boolean open;

	private boolean raised;

	/** The language of the run being set when not the element's. */
	private String lang;

	/** What the run being set stands for when not its glyphs' characters. */
	private String actual;

	private int showing;

	private MarkedText(PdfWriter writer, Content content) {
		super(writer);
		this.content = content;
	}

	/** A canvas for text marked by the caller (a cell, a caption, an artifact). */
	static MarkedText plain(PdfWriter writer) {
		return new MarkedText(writer, new Content(null, new ArrayDeque<>()));
	}

	/**
	 * A canvas for text that is the content of {@code element}, whose raised runs are the
	 * marks of {@code notes} in turn; {@code notes} is taken from as marks are set, so
	 * pass the same list on every page the element stands on.
	 */
	static MarkedText of(PdfWriter writer, PdfStructureElement element, Deque<PdfStructureElement> notes) {
		return new MarkedText(writer, new Content(element, notes));
	}

	@Override
	public PdfContentByte getDuplicate() {
		return new MarkedText(this.writer, this.content);
	}

	@Override
	public void endText() {
		close();
		super.endText();
	}

	@Override
	public void setTextRise(float rise) {
		super.setTextRise(rise);
		this.raised = rise != 0;
	}

	/**
	 * A text quoted in another language ({@link Quoted}) is set in a colour that says so.
	 */
	@Override
	public void setColorFill(Color color) {
		super.setColorFill(color);
		this.lang = Quoted.language(color);
		this.actual = Quoted.actual(color);
	}

	@Override
	public void resetRGBColorFill() {
		super.resetRGBColorFill();
		this.lang = null;
		this.actual = null;
	}

	@Override
	public void showText(String text) {
		if (this.showing == 0 && hasIsolate(text)) {
			// a bidi isolate has done its work when the line was ordered: it is not
			// drawn, nor read back
			String drawn = text.replaceAll("[\u2066-\u2069]", "");
			if (drawn.isEmpty()) {
				return;
			}
			showText(drawn);
			return;
		}
		if (this.showing > 0) {
			super.showText(text);
			return;
		}
		this.showing++;
		try {
			PdfStructureElement reference = this.raised ? this.content.reference() : null;
			if (reference != null) {
				close();
				beginMarkedContentSequence(reference);
				showHyphenated(text);
				endMarkedContentSequence();
				this.content.write(this.writer, reference);
			}
			else if (this.actual != null) {
				// a mirrored bracket of right-to-left text: read as the one typed
				open();
				PdfDictionary span = new PdfDictionary();
				if (this.lang != null) {
					span.put(PdfName.LANG, new PdfString(this.lang));
				}
				span.put(PdfName.ACTUALTEXT, new PdfString(this.actual, PdfString.TEXT_UNICODE));
				beginMarkedContentSequence(PdfName.SPAN, span, true);
				super.showText(text);
				endMarkedContentSequence();
			}
			else if (this.lang != null) {
				open();
				PdfDictionary language = new PdfDictionary();
				language.put(PdfName.LANG, new PdfString(this.lang));
				beginMarkedContentSequence(PdfName.SPAN, language, true);
				showHyphenated(text);
				endMarkedContentSequence();
			}
			else {
				open();
				showHyphenated(text);
			}
		}
		finally {
			this.showing--;
		}
	}

	@Override
	public void showText(PdfTextArray text) {
		if (this.showing == 0) {
			open();
		}
		super.showText(text);
	}

	private static boolean hasIsolate(String text) {
		for (int i = 0; i < text.length(); i++) {
			if (text.charAt(i) >= '\u2066' && text.charAt(i) <= '\u2069') {
				return true;
			}
		}
		return false;
	}

	/** Shows {@code text}, each added hyphen as "-" that reads as nothing. */
	private void showHyphenated(String text) {
		int from = 0;
		for (int at = text.indexOf(ADDED_HYPHEN); at >= 0; at = text.indexOf(ADDED_HYPHEN, from)) {
			if (at > from) {
				super.showText(text.substring(from, at));
			}
			PdfDictionary actual = new PdfDictionary();
			actual.put(PdfName.ACTUALTEXT, new PdfString("", PdfString.TEXT_UNICODE));
			beginMarkedContentSequence(PdfName.SPAN, actual, true);
			super.showText(HYPHEN);
			endMarkedContentSequence();
			from = at + 1;
		}
		if (from < text.length()) {
			super.showText(text.substring(from));
		}
	}

	private void open() {
		if (!this.open && this.content.element() != null) {
			beginMarkedContentSequence(this.content.element());
			this.open = true;
		}
	}

	private void close() {
		if (this.open) {
			endMarkedContentSequence();
			this.open = false;
		}
	}

	/** What the text of a column is the content of. */
	private record Content(PdfStructureElement element, Deque<PdfStructureElement> notes) {

		/** A new Reference in the element, to the next note; none when none is left. */
		PdfStructureElement reference() {
			if (this.element == null || this.notes.isEmpty()) {
				return null;
			}
			PdfStructureElement note = this.notes.poll();
			// the element's marked content so far, then the reference: OpenPDF keeps
			// a single marked-content identifier as a number, where a kid must be
			// added to an array
			PdfObject kids = this.element.get(PdfName.K);
			if (kids instanceof PdfNumber) {
				PdfArray array = new PdfArray();
				array.add(kids);
				this.element.put(PdfName.K, array);
			}
			PdfStructureElement reference = Tagging.child(this.element, REFERENCE);
			PdfArray ref = new PdfArray();
			ref.add(note.getReference());
			reference.put(REF, ref);
			// OpenPDF writes the kids of an element only when it has no marked
			// content of its own: the element refers to the reference, which is
			// written once its content is marked
			PdfArray array = (PdfArray) this.element.get(PdfName.K);
			array.set(array.size() - 1, reference.getReference());
			return reference;
		}

		void write(PdfWriter writer, PdfStructureElement reference) {
			try {
				writer.addToBody(reference, reference.getReference());
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

	}

}
