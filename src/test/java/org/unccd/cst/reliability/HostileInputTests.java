package org.unccd.cst.reliability;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.unccd.cst.ChildJvm;
import org.unccd.cst.ReportFiles;
import org.unccd.cst.TestInputs;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Input from many hands, some of it hostile, in a JVM of 256 MB: every bad file or row
 * gets its documented outcome, nothing crashes, nothing leaks into an output and every
 * row is accounted for.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputTests {

	Path output;

	int exitCode;

	String log;

	@BeforeAll
	void runOnHostileInput(@TempDir Path dir) throws Exception {
		Path input = TestInputs.write(dir.resolve("in"));
		Path progress = input.resolve("progress");
		zipBomb(progress.resolve("bomb.xlsx"));
		externalEntity(progress.resolve("xxe.xlsx"));
		Files.write(progress.resolve("corrupt.xlsx"),
				"PK\u0003\u0004 not really a zip".getBytes(StandardCharsets.UTF_8));
		Files.write(progress.resolve("findings-bytes.csv"),
				concat("outcome,text\nA.1-x,caf".getBytes(StandardCharsets.UTF_8),
						new byte[] { (byte) 0xC3, (byte) 0x28 }, "\nA.1-y,fine\n".getBytes(StandardCharsets.UTF_8)));
		Files.writeString(progress.resolve("findings-quote.csv"), "outcome,text\nA.1-y,\"never closed\nA.1-x,lost?\n");
		Files.writeString(progress.resolve("findings-long.csv"), "outcome,text\nA.1-x," + "x".repeat(100_000) + "\n");
		Files.writeString(progress.resolve("findings-nocolumn.csv"), "outcome,words\nA.1-x,one\nA.1-y,two\n");
		Files.writeString(progress.resolve("findings-empty.csv"), "");
		Files.writeString(progress.resolve("findings-formula.csv"),
				"outcome,text\n=HYPERLINK(\"http://x\"),a\nA.1-x,\"=1+1\"\n+A.1-y,b\n@SUM(A1),c\n\"\tA.1-x\",d\n");
		this.output = dir.resolve("out");
		this.exitCode = ChildJvm.run(dir.resolve("run.log"), "256m", "--input=" + input, "--output=" + this.output,
				"--as-of=" + TestInputs.AS_OF, "--lang=en,zh");
		this.log = Files.readString(dir.resolve("run.log"));
	}

	@Test
	void theRunSucceedsWithRejects() {
		assertThat(this.exitCode).as(this.log).isEqualTo(3);
		assertThat(this.log).doesNotContain("OutOfMemoryError");
	}

	@Test
	void hostileWorkbooksAreListedAtLineZero() throws Exception {
		String rejects = Files.readString(this.output.resolve("T1/rejects.csv"));
		assertThat(rejects)
			.contains("progress/bomb.xlsx!findings,0,,,the workbook cannot be read: it expands far beyond")
			.contains("progress/xxe.xlsx")
			.contains("progress/corrupt.xlsx,0,,,");
		assertThat(rejects).doesNotContain("root:x:0:0");
	}

	@Test
	void badCsvRowsAreRejectedWithTheirReason() throws Exception {
		String rejects = Files.readString(this.output.resolve("T1/rejects.csv"));
		assertThat(rejects).contains("progress/findings-bytes.csv,2,text,caf?(,\"invalid UTF-8 in \"\"text\"\"\"")
			.contains("progress/findings-quote.csv,2,text,,unterminated quoted field")
			.contains("progress/findings-long.csv,2,text,")
			.contains("value longer than 10000 characters")
			.contains("progress/findings-nocolumn.csv,2,text,,")
			.contains("progress/findings-nocolumn.csv,3,text,,")
			.contains("progress/findings-empty.csv,0,,,the file is empty: it has no header row");
	}

	@Test
	void formulaLikeValuesAreNeutralized() throws Exception {
		List<String> rejects = Files.readAllLines(this.output.resolve("T1/rejects.csv"));
		List<String> formulas = rejects.stream()
			.filter((line) -> line.startsWith("progress/findings-formula.csv"))
			.toList();
		// the tab before A.1-x is trimmed away, which leaves a valid row
		assertThat(formulas).hasSize(3);
		for (String line : formulas) {
			String value = line.split(",", 5)[3];
			assertThat(value.replace("\"", "")).startsWith("'");
		}
		try (var workbook = ReportFiles.workbook(this.output.resolve("T1/T1.en.xlsx"))) {
			var sheet = workbook.getSheet("Rejects");
			for (var row : sheet) {
				var value = row.getCell(3);
				if (value != null && value.getCellType() != org.apache.poi.ss.usermodel.CellType.STRING) {
					throw new AssertionError("a rejected value became a " + value.getCellType() + " cell");
				}
			}
		}
	}

	@Test
	void everyRowIsAccountedFor() {
		JsonNode inputs = ReportFiles.json(this.output.resolve("T1/summary.json")).get("inputs");
		long read = 0;
		for (JsonNode file : inputs.get("files")) {
			assertThat(file.get("read").asLong()).as(file.get("file").asString())
				.isEqualTo(file.get("accepted").asLong() + file.get("rejected").asLong());
			read += file.get("read").asLong();
		}
		assertThat(inputs.get("read").asLong()).isEqualTo(read);
		assertThat(inputs.get("read").asLong())
			.isEqualTo(inputs.get("accepted").asLong() + inputs.get("rejected").asLong());
	}

	@Test
	void nothingHostileReachesTheReports() throws Exception {
		String text = ReportFiles.pdfText(this.output.resolve("T1/alpha.en.pdf"));
		assertThat(text).doesNotContain("root:x:0:0").doesNotContain("HYPERLINK").contains("fine");
	}

	/**
	 * A workbook whose one sheet inflates a thousandfold: POI refuses it as a zip bomb.
	 */
	private static void zipBomb(Path file) throws IOException {
		byte[] valid = validWorkbook();
		rewrite(valid, file, "xl/worksheets/sheet1.xml",
				(xml) -> xml.replace("<sheetData>", "<sheetData>" + " ".repeat(40_000_000)));
	}

	/** A workbook whose strings declare an external entity pointing at a local file. */
	private static void externalEntity(Path file) throws IOException {
		rewrite(validWorkbook(), file, "xl/sharedStrings.xml",
				(xml) -> xml
					.replaceFirst("<\\?xml[^>]*\\?>",
							"<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>")
					.replace("A.1-x", "&e;"));
	}

	private static byte[] validWorkbook() throws IOException {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			var sheet = workbook.createSheet("findings");
			var header = sheet.createRow(0);
			header.createCell(0).setCellValue("outcome");
			header.createCell(1).setCellValue("text");
			var row = sheet.createRow(1);
			row.createCell(0).setCellValue("A.1-x");
			row.createCell(1).setCellValue("from a hostile workbook");
			workbook.write(out);
			return out.toByteArray();
		}
	}

	private static void rewrite(byte[] zip, Path target, String entryName,
			java.util.function.UnaryOperator<String> change) throws IOException {
		Path source = Files.createTempFile("workbook", ".xlsx");
		Files.write(source, zip);
		try (ZipFile in = new ZipFile(source.toFile());
				OutputStream out = Files.newOutputStream(target);
				ZipOutputStream zipOut = new ZipOutputStream(out)) {
			for (ZipEntry entry : java.util.Collections.list(in.entries())) {
				byte[] content = in.getInputStream(entry).readAllBytes();
				if (entry.getName().equals(entryName)) {
					String xml = new String(content, StandardCharsets.UTF_8);
					if (entryName.endsWith("sheet1.xml") && !xml.contains("<sheetData>")) {
						xml = xml.replace("<sheetData/>", "<sheetData></sheetData>");
					}
					content = change.apply(xml).getBytes(StandardCharsets.UTF_8);
				}
				zipOut.putNextEntry(new ZipEntry(entry.getName()));
				zipOut.write(content);
				zipOut.closeEntry();
			}
		}
		Files.delete(source);
	}

	private static byte[] concat(byte[]... parts) {
		ByteArrayOutputStream all = new ByteArrayOutputStream();
		for (byte[] part : parts) {
			all.writeBytes(part);
		}
		return all.toByteArray();
	}

}
