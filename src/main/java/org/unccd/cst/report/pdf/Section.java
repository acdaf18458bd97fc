package org.unccd.cst.report.pdf;

import org.openpdf.text.pdf.PdfTemplate;

/** One chapter of the body, as the table of contents lists it. */
final class Section {

	final String number;

	final String title;

	final PdfTemplate paragraphs;

	final PdfTemplate page;

	int first;

	int last;

	int startPage;

	Section(String number, String title, PdfTemplate paragraphs, PdfTemplate page) {
		this.number = number;
		this.title = title;
		this.paragraphs = paragraphs;
		this.page = page;
	}

}
