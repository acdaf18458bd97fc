package org.unccd.cst.report.pdf;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.openpdf.text.pdf.PdfArray;
import org.openpdf.text.pdf.PdfDate;
import org.openpdf.text.pdf.PdfDictionary;
import org.openpdf.text.pdf.PdfName;
import org.openpdf.text.pdf.PdfNumber;
import org.openpdf.text.pdf.PdfStream;
import org.openpdf.text.pdf.PdfString;
import org.openpdf.text.pdf.PdfWriter;

/**
 * Makes a report an archival and accessible document, PDF/A-2a (ISO 19005-2, level A:
 * tagged, every glyph mapped to Unicode) and PDF/UA-1 (ISO 14289-1): the sRGB output
 * intent and an XMP packet that identifies both and repeats the document information,
 * with no clock or random values, so the bytes stay the same run to run. The structure
 * itself is {@link Tagging}'s.
 * <p>
 * Set {@link #LEVEL} on the writer before the document is opened; call
 * {@link #apply(PdfWriter, String)} after it is opened, once the information dictionary
 * is final.
 */
final class PdfArchive {

	/** The conformance level, for {@link PdfWriter#setPDFXConformance(int)}. */
	static final int LEVEL = PdfWriter.PDFA2A;

	private static final String PROFILE = "icc/sRGB.icc";

	private static final String SRGB = "sRGB IEC61966-2.1";

	private static volatile byte[] profile;

	private PdfArchive() {
	}

	static void apply(PdfWriter writer, String lang) throws IOException {
		PdfStream icc = new PdfStream(profile());
		icc.put(PdfName.N, new PdfNumber(3));
		icc.flateCompress(writer.getCompressionLevel());
		PdfDictionary intent = new PdfDictionary(PdfName.OUTPUTINTENT);
		intent.put(PdfName.S, PdfName.GTS_PDFA1);
		intent.put(PdfName.OUTPUTCONDITIONIDENTIFIER, new PdfString(SRGB));
		intent.put(PdfName.REGISTRYNAME, new PdfString("http://www.color.org"));
		intent.put(PdfName.INFO, new PdfString(SRGB));
		intent.put(PdfName.DESTOUTPUTPROFILE, writer.addToBody(icc).getIndirectReference());
		writer.getExtraCatalog().put(PdfName.OUTPUTINTENTS, new PdfArray(intent));
		writer.setXmpMetadata(xmp(writer.getInfo(), lang));
	}

	private static byte[] profile() {
		if (profile == null) {
			try (InputStream in = PdfArchive.class.getClassLoader().getResourceAsStream(PROFILE)) {
				if (in == null) {
					throw new IllegalStateException(
							"The colour profile " + PROFILE + " is missing from the application");
				}
				profile = in.readAllBytes();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return profile;
	}

	/**
	 * The XMP packet: the PDF/A and PDF/UA identifications, the description of the PDF/UA
	 * schema that PDF/A asks for any schema it does not know, and the information
	 * dictionary again.
	 */
	static byte[] xmp(PdfDictionary info, String lang) {
		String title = text(info, PdfName.TITLE);
		String subject = text(info, PdfName.SUBJECT);
		String creator = text(info, PdfName.CREATOR);
		String producer = text(info, PdfName.PRODUCER);
		String created = date(info, PdfName.CREATIONDATE);
		String modified = date(info, PdfName.MODDATE);
		StringBuilder x = new StringBuilder();
		x.append("<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n");
		x.append("<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n");
		x.append("<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n");
		x.append("<rdf:Description rdf:about=\"\"");
		x.append(" xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\"");
		x.append(" xmlns:dc=\"http://purl.org/dc/elements/1.1/\"");
		x.append(" xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"");
		x.append(" xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\"");
		x.append(" xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\">\n");
		x.append("<pdfaid:part>2</pdfaid:part>\n");
		x.append("<pdfaid:conformance>A</pdfaid:conformance>\n");
		x.append("<pdfuaid:part>1</pdfuaid:part>\n");
		x.append("<dc:format>application/pdf</dc:format>\n");
		if (title != null) {
			x.append("<dc:title>").append(alternatives(title, lang)).append("</dc:title>\n");
		}
		if (subject != null) {
			x.append("<dc:description>").append(alternatives(subject, lang)).append("</dc:description>\n");
		}
		x.append("<dc:language><rdf:Bag><rdf:li>").append(escape(lang)).append("</rdf:li></rdf:Bag></dc:language>\n");
		if (creator != null) {
			x.append("<xmp:CreatorTool>").append(escape(creator)).append("</xmp:CreatorTool>\n");
		}
		if (created != null) {
			x.append("<xmp:CreateDate>").append(created).append("</xmp:CreateDate>\n");
		}
		if (modified != null) {
			x.append("<xmp:ModifyDate>").append(modified).append("</xmp:ModifyDate>\n");
			x.append("<xmp:MetadataDate>").append(modified).append("</xmp:MetadataDate>\n");
		}
		if (producer != null) {
			x.append("<pdf:Producer>").append(escape(producer)).append("</pdf:Producer>\n");
		}
		x.append("</rdf:Description>\n");
		x.append(UA_SCHEMA);
		x.append("</rdf:RDF>\n</x:xmpmeta>\n");
		// room for an edit in place, as XMP packets have
		for (int i = 0; i < 20; i++) {
			x.append(" ".repeat(99)).append('\n');
		}
		x.append("<?xpacket end=\"w\"?>");
		return x.toString().getBytes(StandardCharsets.UTF_8);
	}

	private static final String UA_SCHEMA = """
			<rdf:Description rdf:about="" xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/" \
			xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#" xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">
			<pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType="Resource">
			<pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>
			<pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>
			<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>
			<pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType="Resource">
			<pdfaProperty:name>part</pdfaProperty:name>
			<pdfaProperty:valueType>Integer</pdfaProperty:valueType>
			<pdfaProperty:category>internal</pdfaProperty:category>
			<pdfaProperty:description>The part of ISO 14289 the file conforms to</pdfaProperty:description>
			</rdf:li></rdf:Seq></pdfaSchema:property>
			</rdf:li></rdf:Bag></pdfaExtension:schemas>
			</rdf:Description>
			""";

	private static String alternatives(String value, String lang) {
		String escaped = escape(value);
		return "<rdf:Alt><rdf:li xml:lang=\"x-default\">" + escaped + "</rdf:li><rdf:li xml:lang=\"" + escape(lang)
				+ "\">" + escaped + "</rdf:li></rdf:Alt>";
	}

	private static String text(PdfDictionary info, PdfName key) {
		PdfString value = info.getAsString(key);
		return (value != null) ? value.toUnicodeString() : null;
	}

	private static String date(PdfDictionary info, PdfName key) {
		PdfString value = info.getAsString(key);
		return (value != null) ? PdfDate.getW3CDate(value.toString()) : null;
	}

	/** XML text: markup escaped, characters XML does not allow left out. */
	static String escape(String text) {
		StringBuilder escaped = new StringBuilder(text.length());
		text.codePoints().forEach((c) -> {
			switch (c) {
				case '&' -> escaped.append("&amp;");
				case '<' -> escaped.append("&lt;");
				case '>' -> escaped.append("&gt;");
				case '"' -> escaped.append("&quot;");
				default -> {
					boolean allowed = c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF)
							|| (c >= 0xE000 && c <= 0xFFFD) || c >= 0x10000;
					if (allowed) {
						escaped.appendCodePoint(c);
					}
				}
			}
		});
		return escaped.toString();
	}

}
