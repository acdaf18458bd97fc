package org.unccd.cst.report.pdf;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.TimeZone;

import org.openpdf.text.Document;
import org.openpdf.text.DocumentException;
import org.openpdf.text.PageSize;
import org.openpdf.text.pdf.PdfDate;
import org.openpdf.text.pdf.PdfDictionary;
import org.openpdf.text.pdf.PdfEncryption;
import org.openpdf.text.pdf.PdfName;
import org.openpdf.text.pdf.PdfString;
import org.openpdf.text.pdf.PdfWriter;
import org.unccd.cst.run.Summary;
import org.unccd.cst.model.Messages;
import org.unccd.cst.model.Programme;
import org.unccd.cst.model.Report;
import org.unccd.cst.report.ReportData;

/**
 * Writes one synthesis report in one language as a UN document for the CST: the cover
 * ({@link CoverPage}), the table of contents ({@link ContentsPage}), then numbered
 * paragraphs on progress, resources, findings, and the conclusions and policy-oriented
 * recommendations ({@link Chapters}), laid out through one {@link ReportLayout}. Same
 * inputs, same bytes.
 */
class SynthesisReportWriter {

	private final Programme programme;

	private final Report report;

	private final Summary summary;

	private final Messages messages;

	private final ReportData data;

	private final String documentKey;

	SynthesisReportWriter(Programme programme, Report report, Summary summary, Messages messages, ReportData data,
			String documentKey) {
		this.programme = programme;
		this.report = report;
		this.summary = summary;
		this.messages = messages;
		this.data = data;
		this.documentKey = documentKey;
	}

	/** Writes the PDF and says how many characters no embedded font could show. */
	int write(Path file) throws IOException {
		PdfFonts fonts = new PdfFonts(this.documentKey, this.messages.rightToLeft(), lang());
		Document document = new Document(PageSize.A4, 72, 72, 80, 72);
		try (OutputStream out = Files.newOutputStream(file)) {
			PdfWriter writer = PdfWriter.getInstance(document, out);
			writer.setRunDirection(
					this.messages.rightToLeft() ? PdfWriter.RUN_DIRECTION_RTL : PdfWriter.RUN_DIRECTION_LTR);
			writer.setPageEvent(
					new PageDecorations(fonts, this.messages, symbol(), this.report.jobNumbers().get(lang())));
			writer.setPDFXConformance(PdfArchive.LEVEL);
			writer.setViewerPreferences(PdfWriter.PageModeUseOutlines);
			Tagging tagging = new Tagging(writer);
			fixMetadata(writer);
			document.open();
			// the structure tree's root first, before the archive's objects, as the bytes
			// have always had it
			tagging.document();
			PdfArchive.apply(writer, lang());
			PageFlow flow = new PageFlow(document, writer, this.messages.rightToLeft());
			PdfCharts charts = new PdfCharts(writer, fonts, this.messages, document.right() - document.left());
			ReportLayout layout = new ReportLayout(this.messages, fonts, document, writer, flow, tagging);
			Chapters chapters = new Chapters(layout, this.programme, this.report, this.summary, this.data, charts);
			new CoverPage(layout, this.programme, this.report, this.summary, symbol(), chapters).write();
			flow.newPage();
			ContentsPage contents = new ContentsPage(layout);
			contents.write();
			flow.newPage();
			chapters.write();
			flow.finish();
			contents.fill();
			tagging.finish();
			document.close();
		}
		catch (DocumentException ex) {
			throw new IOException("Cannot write " + file + ": " + ex.getMessage(), ex);
		}
		return fonts.missing();
	}

	private String lang() {
		return this.messages.lang();
	}

	private String symbol() {
		return (this.report.symbol() != null) ? this.report.symbol()
				: this.programme.session() + "/" + this.report.id();
	}

	private LocalDate asOf() {
		return this.summary.asOf();
	}

	private void fixMetadata(PdfWriter writer) {
		Calendar date = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
		date.clear();
		date.set(asOf().getYear(), asOf().getMonthValue() - 1, asOf().getDayOfMonth());
		PdfDictionary info = writer.getInfo();
		info.put(PdfName.CREATIONDATE, new PdfDate(date));
		info.put(PdfName.MODDATE, new PdfDate(date));
		info.put(PdfName.TITLE, new PdfString(this.report.title().in(lang()), PdfString.TEXT_UNICODE));
		info.put(PdfName.SUBJECT, new PdfString(symbol(), PdfString.TEXT_UNICODE));
		info.put(PdfName.CREATOR, new PdfString(this.programme.source(), PdfString.TEXT_UNICODE));
		byte[] id = Arrays.copyOf(digest(this.documentKey), 16);
		info.put(PdfName.FILEID, PdfEncryption.createInfoId(id, id));
		writer.getExtraCatalog().put(PdfName.LANG, new PdfString(lang()));
	}

	private static byte[] digest(String key) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
