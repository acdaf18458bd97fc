package org.unccd.cst.report.pdf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.openpdf.text.Rectangle;
import org.openpdf.text.pdf.PdfAction;
import org.openpdf.text.pdf.PdfAnnotation;
import org.openpdf.text.pdf.PdfArray;
import org.openpdf.text.pdf.PdfBoolean;
import org.openpdf.text.pdf.PdfBorderArray;
import org.openpdf.text.pdf.PdfContentByte;
import org.openpdf.text.pdf.PdfDictionary;
import org.openpdf.text.pdf.PdfName;
import org.openpdf.text.pdf.PdfNameTree;
import org.openpdf.text.pdf.PdfNumber;
import org.openpdf.text.pdf.PdfObject;
import org.openpdf.text.pdf.PdfString;
import org.openpdf.text.pdf.PdfStructureElement;
import org.openpdf.text.pdf.PdfStructureTreeRoot;
import org.openpdf.text.pdf.PdfWriter;

/**
 * The logical structure of a report, built as its pages are laid out, so that a screen
 * reader finds its headings, paragraphs, lists, tables, figures and notes in reading
 * order (tagged PDF, ISO 14289-1 PDF/UA-1).
 * <p>
 * Structure elements that group others (the document, a chapter, a table, a row, a list)
 * hold no content of their own; the leaves (headings, paragraphs, cells, captions,
 * figures, notes) are marked in the page content, once per page they stand on. Whatever
 * is only there for the layout (the running heads and page numbers, rules, borders, the
 * repeated header rows of a table on later pages) is an artifact.
 */
final class Tagging {

	static final PdfName H1 = new PdfName("H1");

	static final PdfName H2 = new PdfName("H2");

	static final PdfName P = new PdfName("P");

	static final PdfName SECT = new PdfName("Sect");

	static final PdfName TABLE = new PdfName("Table");

	static final PdfName TR = new PdfName("TR");

	static final PdfName TH = new PdfName("TH");

	static final PdfName TD = new PdfName("TD");

	static final PdfName CAPTION = new PdfName("Caption");

	static final PdfName FIGURE = new PdfName("Figure");

	static final PdfName NOTE = new PdfName("Note");

	static final PdfName L = new PdfName("L");

	static final PdfName LI = new PdfName("LI");

	static final PdfName LBODY = new PdfName("LBody");

	static final PdfName TOC = new PdfName("TOC");

	static final PdfName TOCI = new PdfName("TOCI");

	static final PdfName LINK = new PdfName("Link");

	private static final PdfName ARTIFACT = new PdfName("Artifact");

	private static final PdfName PAGINATION = new PdfName("Pagination");

	private static final PdfName LAYOUT = new PdfName("Layout");

	private PdfStructureElement document;

	private PdfStructureTreeRoot root;

	private final PdfWriter writer;

	private final Map<String, PdfObject> ids = new LinkedHashMap<>();

	/** Makes the writer's document tagged; call before the document is opened. */
	Tagging(PdfWriter writer) {
		this.writer = writer;
		writer.setTagged();
		// the tab order of any annotation follows the structure
		writer.setTabs(PdfName.S);
		// a viewer shows the title, not the file name
		writer.addViewerPreference(PdfName.DISPLAYDOCTITLE, PdfBoolean.PDFTRUE);
	}

	/** The root element, the whole document; ask once the document is open. */
	PdfStructureElement document() {
		if (this.document == null) {
			this.root = this.writer.getStructureTreeRoot();
			this.document = new PdfStructureElement(this.root, PdfName.DOCUMENT);
		}
		return this.document;
	}

	/** A new element of {@code type}, the last child of {@code parent} so far. */
	static PdfStructureElement child(PdfStructureElement parent, PdfName type) {
		return new PdfStructureElement(parent, type);
	}

	/** A figure, with the text that a reader hears instead of the picture. */
	static PdfStructureElement figure(PdfStructureElement parent, String alternative) {
		PdfStructureElement figure = child(parent, FIGURE);
		figure.put(PdfName.ALT, new PdfString(alternative, PdfString.TEXT_UNICODE));
		return figure;
	}

	/** A header cell of a column. */
	static PdfStructureElement columnHeader(PdfStructureElement row) {
		PdfStructureElement header = child(row, TH);
		PdfDictionary attributes = new PdfDictionary();
		attributes.put(PdfName.O, TABLE);
		attributes.put(new PdfName("Scope"), new PdfName("Column"));
		header.put(PdfName.A, attributes);
		return header;
	}

	/** A footnote, with the identifier that PDF/UA asks of every note. */
	PdfStructureElement note(PdfStructureElement parent, int number) {
		PdfStructureElement note = child(parent, NOTE);
		String id = "note-" + number;
		note.put(PdfName.ID, new PdfString(id));
		this.ids.put(id, note.getReference());
		return note;
	}

	/** Marks the text of a passage in another language than the document's. */
	static void language(PdfStructureElement element, String lang) {
		element.put(PdfName.LANG, new PdfString(lang));
	}

	/** Starts the content of {@code element} on the current page of {@code canvas}. */
	static void begin(PdfContentByte canvas, PdfStructureElement element) {
		canvas.beginMarkedContentSequence(element);
	}

	/** Ends what {@link #begin} or an artifact started. */
	static void end(PdfContentByte canvas) {
		canvas.endMarkedContentSequence();
	}

	/** Starts a running head, a footer or a page number. */
	static void beginPagination(PdfContentByte canvas) {
		artifact(canvas, PAGINATION);
	}

	/** Starts a rule, a border or a repeated header: there for the layout only. */
	static void beginLayout(PdfContentByte canvas) {
		artifact(canvas, LAYOUT);
	}

	private static void artifact(PdfContentByte canvas, PdfName type) {
		PdfDictionary properties = new PdfDictionary();
		properties.put(PdfName.TYPE, type);
		canvas.beginMarkedContentSequence(ARTIFACT, properties, true);
	}

	/**
	 * Makes {@code area} of the current page a link to the named destination, as the
	 * annotation of {@code element}, a Link element whose content is already marked: a
	 * reader hears {@code description} and can follow it.
	 */
	static void link(PdfWriter writer, PdfStructureElement element, Rectangle area, String destination,
			String description) {
		PdfAnnotation annotation = PdfAnnotation.createLink(writer, area, PdfAnnotation.HIGHLIGHT_INVERT,
				PdfAction.gotoLocalPage(destination, false));
		annotation.setFlags(PdfAnnotation.FLAGS_PRINT);
		annotation.setBorder(new PdfBorderArray(0, 0, 0));
		annotation.put(PdfName.CONTENTS, new PdfString(description, PdfString.TEXT_UNICODE));
		int key = writer.getStructureTreeRoot().addExistingObject(element.getReference());
		annotation.put(PdfName.STRUCTPARENT, new PdfNumber(key));
		writer.addAnnotation(annotation);
		PdfDictionary reference = new PdfDictionary(new PdfName("OBJR"));
		reference.put(PdfName.OBJ, annotation.getIndirectReference());
		reference.put(PdfName.PG, writer.getCurrentPage());
		PdfObject kids = element.get(PdfName.K);
		PdfArray array = (kids instanceof PdfArray existing) ? existing : new PdfArray();
		if (kids != null && !(kids instanceof PdfArray)) {
			array.add(kids);
		}
		array.add(reference);
		element.put(PdfName.K, array);
	}

	/** Writes what the structure needs besides its elements; call before closing. */
	void finish() {
		if (this.ids.isEmpty()) {
			return;
		}
		try {
			this.root.put(new PdfName("IDTree"),
					this.writer.addToBody(PdfNameTree.writeTree(this.ids, this.writer)).getIndirectReference());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
