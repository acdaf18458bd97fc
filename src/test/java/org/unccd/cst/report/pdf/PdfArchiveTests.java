package org.unccd.cst.report.pdf;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openpdf.text.Document;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.pdf.PdfDictionary;
import org.openpdf.text.pdf.PdfName;
import org.openpdf.text.pdf.PdfString;
import org.openpdf.text.pdf.PdfWriter;
import org.unccd.cst.PdfArchiveCheck;
import org.verapdf.pdfa.flavours.PDFAFlavour;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The PDF/A-2a and PDF/UA-1 check itself: veraPDF passes a document made the way the
 * reports are (archival and tagged) and fails one made without it, and one archival but
 * untagged, so that the suite's validation of every report cannot pass by default.
 */
class PdfArchiveTests {

	@Test
	void aDocumentMadeTheReportsWayConforms() throws Exception {
		assertThat(PdfArchiveCheck.failures(document(true, true))).isEmpty();
	}

	@Test
	void anArchivalDocumentWithoutTagsIsNotAccessible() throws Exception {
		String failures = String.join("\n", PdfArchiveCheck.failures(document(true, false)));
		// no structure tree, content neither tagged nor an artifact, no title shown
		assertThat(failures).contains("ua1 7.1-3", "ua1 7.1-10", "2a 6.7.2.2-1")
			.doesNotContain("2a 6.6.2.1", "2a 6.2.11.4.1");
	}

	@Test
	void anOrdinaryDocumentDoesNot() throws Exception {
		List<String> failures = PdfArchiveCheck.failures(document(false, false));
		assertThat(failures).isNotEmpty();
		// no metadata, no output intent, a font that is not embedded
		assertThat(String.join("\n", failures)).contains("6.6.2.1", "6.2.11.4.1");
	}

	@Test
	void bothFlavoursCheckedInOneWalkFindWhatEachFindsAlone() throws Exception {
		for (byte[] pdf : List.of(document(true, true), document(true, false), document(false, false))) {
			List<String> apart = new ArrayList<>(PdfArchiveCheck.failures(pdf, PDFAFlavour.PDFA_2_A));
			apart.addAll(PdfArchiveCheck.failures(pdf, PDFAFlavour.PDFUA_1));
			// the same rules broken as often; a location may differ in the name of its
			// object (the walk for PDF/UA sees a content stream as
			// PDSemanticContentStream)
			assertThat(PdfArchiveCheck.failures(pdf).stream().map(PdfArchiveTests::rule))
				.containsExactlyElementsOf(apart.stream().map(PdfArchiveTests::rule).toList());
		}
	}

	/** A failure without its location: the flavour, the rule and its message. */
	private static String rule(String failure) {
		return failure.substring(0, failure.lastIndexOf(" @ "));
	}

	@Test
	void aDamagedFileIsNotAccepted() {
		assertThat(PdfArchiveCheck.failures("%PDF-1.7\nnot a PDF".getBytes(StandardCharsets.US_ASCII))).isNotEmpty();
	}

	@Test
	void theMetadataRepeatsTheInformationAndEscapesMarkup() {
		PdfDictionary info = new PdfDictionary();
		info.put(PdfName.TITLE, new PdfString("Land & <water> \"report\"\u0001", PdfString.TEXT_UNICODE));
		info.put(PdfName.SUBJECT, new PdfString("ICCD/COP(14)/CST/2"));
		String xmp = new String(PdfArchive.xmp(info, "fr"), StandardCharsets.UTF_8);
		assertThat(xmp).contains("<pdfaid:part>2</pdfaid:part>", "<pdfaid:conformance>A</pdfaid:conformance>",
				"<pdfuaid:part>1</pdfuaid:part>", "<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>",
				"Land &amp; &lt;water&gt; &quot;report&quot;</rdf:li>", "xml:lang=\"fr\"", "ICCD/COP(14)/CST/2",
				"<rdf:li>fr</rdf:li>");
		assertThat(xmp).doesNotContain("\u0001");
	}

	private static byte[] document(boolean archival, boolean tagged) throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		Document document = new Document(PageSize.A4);
		PdfWriter writer = PdfWriter.getInstance(document, out);
		PdfFonts fonts = null;
		Tagging tagging = null;
		if (archival) {
			writer.setPDFXConformance(PdfArchive.LEVEL);
			fonts = new PdfFonts("test", false, "en");
		}
		if (tagged) {
			tagging = new Tagging(writer);
		}
		document.addTitle("A test");
		writer.getExtraCatalog().put(PdfName.LANG, new PdfString("en"));
		document.open();
		if (tagged) {
			PdfArchive.apply(writer, "en");
			PageFlow flow = new PageFlow(document, writer, false);
			flow.add(new Paragraph(fonts.phrase("Land degradation neutrality", 11)),
					Tagging.child(tagging.document(), Tagging.P));
			flow.finish();
			tagging.finish();
		}
		else if (archival) {
			PdfArchive.apply(writer, "en");
			document.add(new Paragraph(fonts.phrase("Land degradation neutrality", 11)));
		}
		else {
			document.add(new Paragraph("Land degradation neutrality"));
		}
		document.close();
		return out.toByteArray();
	}

}
