package org.unccd.cst.ingest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import org.springframework.batch.infrastructure.item.ExecutionContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Properties of the readers over generated input: RFC 4180 text round-trips with its line
 * numbers, and arbitrary bytes, as CSV or as a damaged workbook, never break the reader
 * or the validation; every record comes out accepted or rejected.
 */
class ReaderPropertyTests {

	@Property(tries = 300)
	void quotedRecordsRoundTripWithTheirStartLines(@ForAll("records") List<List<String>> records) throws IOException {
		StringBuilder csv = new StringBuilder();
		List<Long> startLines = new ArrayList<>();
		long line = 1;
		for (List<String> record : records) {
			startLines.add(line);
			List<String> quoted = new ArrayList<>();
			for (String field : record) {
				quoted.add("\"" + field.replace("\"", "\"\"") + "\"");
				line += field.chars().filter((c) -> c == '\n').count();
			}
			csv.append(String.join(",", quoted)).append("\r\n");
			line++;
		}
		List<CsvRecordParser.CsvRecord> parsed = new ArrayList<>();
		try (CsvRecordParser parser = new CsvRecordParser(new StringReader(csv.toString()))) {
			CsvRecordParser.CsvRecord record;
			while ((record = parser.next()) != null) {
				parsed.add(record);
			}
		}
		assertThat(parsed.stream().map(CsvRecordParser.CsvRecord::fields).toList()).isEqualTo(records);
		assertThat(parsed.stream().map(CsvRecordParser.CsvRecord::line).toList()).isEqualTo(startLines);
	}

	@Provide
	Arbitrary<List<List<String>>> records() {
		Arbitrary<String> field = Arbitraries.strings().withChars("ab ,\"\n;é中").ofMaxLength(12);
		return field.list().ofMinSize(1).ofMaxSize(5).list().ofMinSize(1).ofMaxSize(8);
	}

	@Property(tries = 200)
	void anyBytesAsCsvEndAcceptedOrRejected(@ForAll @Size(max = 400) byte[] body) throws Exception {
		Path dir = Files.createTempDirectory("csv");
		try {
			Files.createDirectories(dir.resolve("progress"));
			ByteArrayOutputStream file = new ByteArrayOutputStream();
			file.writeBytes("date,outcome,status,percent\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
			file.writeBytes(body);
			Files.write(dir.resolve("progress/progress.csv"), file.toByteArray());
			assertEveryRecordEndsAcceptedOrRejected(dir);
		}
		finally {
			org.unccd.cst.publish.Publisher.deleteTree(dir);
		}
	}

	@Property(tries = 60)
	void damagedWorkbooksEndAcceptedOrRejected(@ForAll @Size(min = 1, max = 20) List<Integer> positions,
			@ForAll byte value) throws Exception {
		Path dir = Files.createTempDirectory("xlsx");
		try {
			Files.createDirectories(dir.resolve("progress"));
			byte[] workbook = workbook();
			for (int position : positions) {
				workbook[Math.floorMod(position, workbook.length)] = value;
			}
			Files.write(dir.resolve("progress/book.xlsx"), workbook);
			assertEveryRecordEndsAcceptedOrRejected(dir);
		}
		finally {
			org.unccd.cst.publish.Publisher.deleteTree(dir);
		}
	}

	private static void assertEveryRecordEndsAcceptedOrRejected(Path dir) {
		DataFileItemReader reader = new DataFileItemReader(dir);
		RowValidator validator = new RowValidator(ProgrammeFixture.programme());
		reader.open(new ExecutionContext());
		try {
			RawRecord record;
			long seq = 0;
			while ((record = reader.read()) != null) {
				assertThat(record.seq()).isEqualTo(++seq);
				IngestedRow row = validator.process(record);
				if (record.isEmptySource()) {
					// a header with no rows: listed among the inputs, with nothing to
					// accept or reject
					assertThat(row.accepted()).isFalse();
					assertThat(row.problem()).isNull();
					continue;
				}
				assertThat(row.accepted() ? row.values() : row.problem().reason()).isNotNull();
				if (!row.accepted()) {
					assertThat(row.problem().reason()).isNotBlank();
				}
			}
		}
		finally {
			reader.close();
		}
	}

	private static byte[] workbook() throws IOException {
		try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			var sheet = book.createSheet("progress");
			String[][] rows = { { "date", "outcome", "status", "percent" },
					{ "2019-03-15", "O1.1-a", "in_progress", "40" }, { "2019-04-15", "O1.1-b", "completed", "" } };
			for (int r = 0; r < rows.length; r++) {
				var row = sheet.createRow(r);
				for (int c = 0; c < rows[r].length; c++) {
					row.createCell(c).setCellValue(rows[r][c]);
				}
			}
			book.write(out);
			return out.toByteArray();
		}
	}

}
