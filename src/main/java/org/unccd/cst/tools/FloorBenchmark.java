package org.unccd.cst.tools;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.Deflater;

import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.openpdf.text.Document;
import org.openpdf.text.Font;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.pdf.BaseFont;
import org.openpdf.text.pdf.PdfWriter;

/**
 * The floor of each pipeline stage on the same data: the plainest Java that does the
 * stage alone (split the CSV lines, batch-insert the rows into H2, stream the ledger
 * sheet, write the PDFs), for the benchmark to compare the pipeline with.
 *
 * <pre>
 * FloorBenchmark --input=DIR --work=DIR
 * </pre>
 */
public final class FloorBenchmark {

	private FloorBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		Path input = null;
		Path work = null;
		for (String arg : args) {
			if (arg.startsWith("--input=")) {
				input = Path.of(arg.substring(8));
			}
			else if (arg.startsWith("--work=")) {
				work = Path.of(arg.substring(7));
			}
		}
		if (input == null || work == null) {
			System.err.println("usage: --input=DIR --work=DIR");
			System.exit(2);
		}
		Files.createDirectories(work);
		List<Path> files;
		try (Stream<Path> list = Files.list(input.resolve("progress"))) {
			files = list.filter((f) -> f.toString().endsWith(".csv")).sorted().toList();
		}
		long start = System.nanoTime();
		long rows = parse(files, null);
		report("parse", start, rows);
		start = System.nanoTime();
		try (Connection db = DriverManager.getConnection("jdbc:h2:file:" + work.resolve("floor").toAbsolutePath(), "sa",
				"")) {
			db.createStatement().execute("DROP TABLE IF EXISTS floor");
			db.createStatement()
				.execute("CREATE TABLE floor (seq BIGINT PRIMARY KEY, source_id INT, line BIGINT, c1 VARCHAR(10000), "
						+ "c2 VARCHAR(10000), c3 VARCHAR(10000), c4 VARCHAR(10000), c5 VARCHAR(10000), "
						+ "c6 VARCHAR(10000), c7 VARCHAR(10000))");
			db.setAutoCommit(false);
			try (PreparedStatement insert = db
				.prepareStatement("INSERT INTO floor VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
				parse(files, insert);
			}
			db.commit();
		}
		report("parse+insert", start, rows);
		start = System.nanoTime();
		long ledger = ledger(work.resolve("floor.xlsx"), rows / 2);
		report("ledger", start, ledger);
		start = System.nanoTime();
		pdfs(work);
		report("pdfs", start, 4);
	}

	private static void report(String stage, long start, long count) {
		System.out.printf("floor %s %.3f s (%d)%n", stage, (System.nanoTime() - start) / 1e9, count);
	}

	/**
	 * Splits every line of every file; with a statement, batch-inserts the fields too.
	 */
	private static long parse(List<Path> files, PreparedStatement insert) throws IOException, SQLException {
		long rows = 0;
		int source = 0;
		for (Path file : files) {
			try (BufferedReader reader = Files.newBufferedReader(file)) {
				String line = reader.readLine();
				long number = 1;
				while ((line = reader.readLine()) != null) {
					number++;
					String[] fields = line.split(",", -1);
					rows++;
					if (insert != null) {
						insert.setLong(1, rows);
						insert.setInt(2, source);
						insert.setLong(3, number);
						for (int i = 0; i < 7; i++) {
							insert.setString(4 + i, (i < fields.length) ? fields[i] : null);
						}
						insert.addBatch();
						if (rows % 2000 == 0) {
							insert.executeBatch();
							insert.getConnection().commit();
						}
					}
				}
			}
			source++;
		}
		if (insert != null) {
			insert.executeBatch();
		}
		return rows;
	}

	/**
	 * Streams a ledger of {@code rows} rows of eleven cells, over as many sheets as it
	 * needs, compressed at the level the pipeline's workbooks use.
	 */
	private static long ledger(Path file, long rows) throws IOException {
		try (SXSSFWorkbook workbook = new SXSSFWorkbook(null, 500, false, false) {
			@Override
			protected ZipArchiveOutputStream createArchiveOutputStream(OutputStream out) {
				ZipArchiveOutputStream zip = super.createArchiveOutputStream(out);
				zip.setLevel(Deflater.BEST_SPEED);
				return zip;
			}
		}; OutputStream out = Files.newOutputStream(file)) {
			LocalDate date = LocalDate.of(2019, 1, 1);
			Sheet sheet = null;
			int r = 0;
			for (long written = 0; written < rows; written++) {
				if (sheet == null || r == 1_048_575) {
					sheet = workbook.createSheet("Expenditures " + (written / 1_048_575 + 1));
					r = 0;
				}
				Row row = sheet.createRow(r++);
				row.createCell(0).setCellValue(date);
				row.createCell(1).setCellValue("B1");
				row.createCell(2).setCellValue("O1.1");
				row.createCell(3).setCellValue(123.456);
				row.createCell(4).setCellValue("USD");
				row.createCell(5).setCellValue(0.9);
				row.createCell(6).setCellValue(111.11);
				row.createCell(7).setCellValue("GEN-" + written);
				row.createCell(8).setCellValue("Generated expenditure");
				row.createCell(9).setCellValue("progress/expenditures-001.csv");
				row.createCell(10).setCellValue(written + 2);
			}
			workbook.write(out);
		}
		return rows;
	}

	/** Four short documents with an embedded font, as many as the reports. */
	private static void pdfs(Path work) throws Exception {
		byte[] fontBytes;
		try (var in = FloorBenchmark.class.getClassLoader().getResourceAsStream("fonts/NotoSerif-Regular.ttf")) {
			fontBytes = in.readAllBytes();
		}
		for (int i = 0; i < 4; i++) {
			BaseFont base = BaseFont.createFont("NotoSerif-Regular.ttf", BaseFont.IDENTITY_H, BaseFont.EMBEDDED,
					BaseFont.NOT_CACHED, fontBytes, null);
			Font font = new Font(base, 10.5f);
			Document document = new Document(PageSize.A4);
			try (OutputStream out = Files.newOutputStream(work.resolve("floor-" + i + ".pdf"))) {
				PdfWriter.getInstance(document, out);
				document.open();
				for (int p = 0; p < 60; p++) {
					document.add(new Paragraph(p + ". Progress of the work programme: " + BigDecimal.valueOf(p), font));
				}
				document.close();
			}
		}
	}

}
