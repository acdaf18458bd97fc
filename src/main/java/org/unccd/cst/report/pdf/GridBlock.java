package org.unccd.cst.report.pdf;

import org.openpdf.text.Paragraph;
import org.openpdf.text.pdf.PdfName;

/** One paragraph of a cell, with the kind of element it is in a layout grid. */
record GridBlock(Paragraph paragraph, PdfName type) {
}
