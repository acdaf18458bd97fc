package org.unccd.cst.report.pdf;

import java.util.ArrayList;
import java.util.List;

import org.openpdf.text.Chunk;
import org.openpdf.text.Document;
import org.openpdf.text.Element;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;
import org.openpdf.text.pdf.PdfDestination;
import org.openpdf.text.pdf.PdfName;
import org.openpdf.text.pdf.PdfOutline;
import org.openpdf.text.pdf.PdfStructureElement;
import org.openpdf.text.pdf.PdfWriter;
import org.unccd.cst.model.Messages;
import org.unccd.cst.model.Text;

/**
 * The shared layout of a report's parts as they are written: the page flow and the
 * structure element the next block belongs to, the chapters and the numbering of
 * paragraphs and footnotes, and the blocks every part is made of (numbered paragraphs,
 * lettered items and chapter headings; the tables of figures are {@link ReportGrids}'s).
 */
final class ReportLayout {

	static final float BODY = 10.5f;

	/** The room of a paragraph's number or an item's letter before its text. */
	private static final float LABEL_WIDTH = 28;

	/** Unicode's left-to-right isolate, which {@link #PDI} ends. */
	static final String LRI = "\u2066";

	/** Unicode's pop directional isolate. */
	static final String PDI = "\u2069";

	private final Messages messages;

	private final PdfFonts fonts;

	private final Document document;

	private final PdfWriter writer;

	private final PageFlow flow;

	private final Tagging tagging;

	private final ReportGrids grids;

	/** The structure element that the next heading, paragraph or table belongs to. */
	private PdfStructureElement part;

	private final List<Section> sections = new ArrayList<>();

	private int notes;

	private int paragraph;

	ReportLayout(Messages messages, PdfFonts fonts, Document document, PdfWriter writer, PageFlow flow,
			Tagging tagging) {
		this.messages = messages;
		this.fonts = fonts;
		this.document = document;
		this.writer = writer;
		this.flow = flow;
		this.tagging = tagging;
		this.part = tagging.document();
		this.grids = new ReportGrids(this);
	}

	Document document() {
		return this.document;
	}

	Messages messages() {
		return this.messages;
	}

	PdfFonts fonts() {
		return this.fonts;
	}

	PdfWriter writer() {
		return this.writer;
	}

	PageFlow flow() {
		return this.flow;
	}

	Tagging tagging() {
		return this.tagging;
	}

	PdfStructureElement part() {
		return this.part;
	}

	void part(PdfStructureElement part) {
		this.part = part;
	}

	/** The tables of figures of every part. */
	ReportGrids grids() {
		return this.grids;
	}

	/** The chapters, as the table of contents lists them. */
	List<Section> sections() {
		return this.sections;
	}

	void endSection() {
		for (Section section : this.sections) {
			if (section.first > 0 && section.last == 0) {
				section.last = this.paragraph;
			}
		}
	}

	void heading(int index) {
		endSection();
		Section section = this.sections.get(index);
		String text = this.messages.get("section.heading", section.number, section.title);
		Paragraph heading = spaced(this.fonts.phrase(text, 12, true), 16, 8);
		this.part = tag(this.tagging.document(), Tagging.SECT);
		section.first = this.paragraph + 1;
		// a heading goes on the page of the start of what follows it, after a figure that
		// floats
		this.flow.heading(heading, tag(Tagging.H2), () -> {
			section.startPage = this.flow.page();
			// where the contents and the outline a viewer shows beside the pages take a
			// reader
			this.writer.getDirectContent()
				.localDestination(destination(index), new PdfDestination(PdfDestination.FITH, this.flow.y() + 40));
			new PdfOutline(this.writer.getRootOutline(), new PdfDestination(PdfDestination.FITH, this.flow.y() + 40),
					text);
		});
	}

	void numbered(String text) {
		numbered(text, null);
	}

	void numbered(String text, String note) {
		numbered(text, note, false);
	}

	/**
	 * A numbered paragraph, with a footnote when {@code note} is given; {@code inEnglish}
	 * when its text is English in a report in another language.
	 */
	void numbered(String text, String note, boolean inEnglish) {
		numbered(text, note, inEnglish, false);
	}

	/**
	 * A numbered paragraph that introduces what follows it (a table, a list): it goes on
	 * the page where that starts.
	 */
	void lead(String text) {
		numbered(text, null, false, true);
	}

	private void numbered(String text, String note, boolean inEnglish, boolean lead) {
		Phrase phrase = this.fonts.phrase("", BODY);
		phrase.add(label(this.messages.get("paragraph.number", ++this.paragraph)));
		String typeset = this.messages.typeset(text, inEnglish ? "en" : null);
		// a note's mark after a text isolated left to right (an English finding in an
		// Arabic report) goes inside the isolate, at the end of the text it follows, not
		// at the start of its line
		boolean isolated = note != null && typeset.endsWith(PDI);
		phrase.add(this.fonts.phrase(isolated ? typeset.substring(0, typeset.length() - 1) : typeset, BODY));
		PdfStructureElement tag = tag(Tagging.P);
		if (inEnglish && !"en".equals(this.messages.lang())) {
			Tagging.language(tag, "en");
		}
		List<PageFlow.Note> notes = List.of();
		if (note != null) {
			int number = ++this.notes;
			phrase.add(mark(number));
			if (isolated) {
				phrase.add(this.fonts.phrase(PDI, BODY));
			}
			Phrase line = this.fonts.phrase("", 8.5f);
			line.add(mark(number));
			line.add(this.fonts.phrase("\u2002" + this.messages.typeset(note), 8.5f));
			Paragraph footnote = new Paragraph(line);
			footnote.setAlignment(start());
			footnote.setSpacingAfter(2);
			notes = List.of(new PageFlow.Note(footnote, this.tagging.note(this.part, number)));
		}
		Paragraph paragraph = spaced(phrase, 0, 8);
		paragraph.setAlignment(start());
		indent(paragraph, 28, -28);
		if (lead && notes.isEmpty()) {
			this.flow.keepWithNext(paragraph, tag, () -> {
			});
		}
		else {
			this.flow.add(paragraph, tag, notes);
		}
	}

	/**
	 * A paragraph's number or an item's letter, followed by a no-break space stretched so
	 * that the text after it starts at the indent of the lines below it.
	 */
	private Phrase label(String text) {
		Phrase label = this.fonts.phrase(text, BODY);
		float width = 0;
		for (Element element : label.getChunks()) {
			Chunk chunk = (Chunk) element;
			width += chunk.getFont().getBaseFont().getWidthPoint(chunk.getContent(), BODY);
		}
		Chunk space = new Chunk("\u00A0", ((Chunk) label.getChunks().get(0)).getFont());
		float spaceWidth = this.fonts.regular().getWidthPoint("\u00A0", BODY);
		space.setCharacterSpacing(Math.max(2, LABEL_WIDTH - width - spaceWidth));
		label.add(space);
		return label;
	}

	/** A footnote mark: the note's number, raised. */
	private Phrase mark(int number) {
		Phrase mark = this.fonts.phrase(Integer.toString(number), 6.5f);
		for (Element chunk : mark.getChunks()) {
			((Chunk) chunk).setTextRise(4);
		}
		return mark;
	}

	/** A lettered item of {@code list}: its letter and text are the item's body. */
	void item(int index, String text, PdfStructureElement list) {
		String[] letters = this.messages.get("item.letters").split(",");
		// after the last letter the letters double: (aa), (bb), as UN documents do
		String letter = letters[index % letters.length].strip().repeat(index / letters.length + 1);
		Phrase phrase = this.fonts.phrase("", BODY);
		phrase.add(label(this.messages.get("item.format", letter)));
		phrase.add(this.fonts.phrase(this.messages.typeset(text), BODY));
		Paragraph paragraph = spaced(phrase, 0, 6);
		paragraph.setAlignment(start());
		indent(paragraph, 56, -28);
		this.flow.add(paragraph, Tagging.child(Tagging.child(list, Tagging.LI), Tagging.LBODY));
	}

	/**
	 * Indents from the side a line starts on: the left, or the right in Arabic. OpenPDF
	 * sets a right-to-left line's first and following indents (a paragraph's left
	 * indentation) from the right, and its right indent from the left: the same
	 * indentation serves both directions, and the number of an Arabic paragraph stands at
	 * the right margin, as a heading's does, with the text 28 points in.
	 */
	private void indent(Paragraph paragraph, float indentation, float firstLine) {
		paragraph.setIndentationLeft(indentation);
		paragraph.setFirstLineIndent(firstLine);
	}

	/**
	 * The alignment of the side a line starts on: OpenPDF mirrors the alignments of
	 * right-to-left text, so the left is the start in Arabic too.
	 */
	static int start() {
		return Element.ALIGN_LEFT;
	}

	static int end() {
		return Element.ALIGN_RIGHT;
	}

	/**
	 * A paragraph with space before and after it, set from the side its lines start on
	 * (the right in Arabic); a caller may centre it.
	 */
	static Paragraph spaced(Phrase phrase, float before, float after) {
		Paragraph paragraph = new Paragraph(phrase);
		paragraph.setAlignment(start());
		paragraph.setSpacingBefore(before);
		paragraph.setSpacingAfter(after);
		return paragraph;
	}

	/**
	 * {@code text}, a sentence of the data (a finding, a drafted recommendation), ended
	 * with a full stop when the input left it without one: "。" after Chinese, "." after
	 * anything else.
	 */
	static String sentence(String text) {
		if (text == null || text.isBlank()) {
			return text;
		}
		String stripped = text.strip();
		int end = stripped.length();
		// past closing quotation marks and brackets to the punctuation before them
		while (end > 0 && "\"'”’»)）」』".indexOf(stripped.charAt(end - 1)) >= 0) {
			end--;
		}
		if (end > 0 && ".!?…。！？．".indexOf(stripped.charAt(end - 1)) >= 0) {
			return stripped;
		}
		char last = stripped.charAt(stripped.length() - 1);
		return stripped + ((Character.UnicodeScript.of(last) == Character.UnicodeScript.HAN) ? "。" : ".");
	}

	/**
	 * A text of the data as it reads inside the report's sentences: in a right-to-left
	 * report, a text that starts left to right (an English fallback, a title in Latin
	 * letters) is isolated left to right (Unicode's left-to-right isolate, LRI ... PDI):
	 * its own full stop and brackets stay where its direction puts them, and the sentence
	 * around it sees it as one neutral, so that the sentence's own full stop, a number or
	 * a code after it take the Arabic order (a left-to-right embedding would draw a
	 * number that follows it into its run, on the wrong side).
	 */
	String data(String text) {
		if (!this.messages.rightToLeft()) {
			return text;
		}
		return isolated(text);
	}

	/**
	 * {@code text} isolated left to right when it starts left to right, for a sentence of
	 * a right-to-left report ({@link #data(String)}).
	 */
	static String isolated(String text) {
		if (text == null || text.isEmpty()) {
			return text;
		}
		for (int i = 0; i < text.length();) {
			int c = text.codePointAt(i);
			byte direction = Character.getDirectionality(c);
			if (direction == Character.DIRECTIONALITY_LEFT_TO_RIGHT) {
				return LRI + text + PDI;
			}
			if (direction == Character.DIRECTIONALITY_RIGHT_TO_LEFT
					|| direction == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC) {
				return text;
			}
			i += Character.charCount(c);
		}
		return text;
	}

	/**
	 * A text of the data inside the report's sentences ({@link #data(String)}), marked as
	 * quoted in its language where that is not the report's (an English title in a French
	 * report).
	 */
	String data(Text text) {
		String lang = this.messages.lang();
		String shown = data(text.in(lang));
		String in = text.languageIn(lang);
		return (in.equals(lang) || shown.isEmpty()) ? shown : Quoted.in(in, shown);
	}

	static String destination(int section) {
		return "section-" + (section + 1);
	}

	/** A new element of {@code type} in the current part of the document. */
	PdfStructureElement tag(PdfName type) {
		return tag(this.part, type);
	}

	PdfStructureElement tag(PdfStructureElement parent, PdfName type) {
		return Tagging.child(parent, type);
	}

}
