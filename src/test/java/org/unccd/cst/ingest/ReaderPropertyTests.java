package org.unccd.cst.ingest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import java.util.Random;
import java.util.stream.LongStream;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.batch.infrastructure.item.ExecutionContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Properties of the readers over generated input: RFC 4180 text round-trips with its line
 * numbers, and arbitrary bytes, as CSV or as a damaged workbook, never break the reader
 * or the validation; every record comes out accepted or rejected. Each case is generated
 * from its seed, which the test's name gives, so a failure is reproduced by its seed.
 */
class ReaderPropertyTests {

	private static final String FIELD_CHARS = "ab ,\"\n;é中";

	static LongStream seeds300() {
		return LongStream.rangeClosed(1, 300);
	}

	static LongStream seeds200() {
		return LongStream.rangeClosed(1, 200);
	}

	static LongStream seeds60() {
		return LongStream.rangeClosed(1, 60);
	}

	@ParameterizedTest(name = "seed {0}")
	@MethodSource("seeds300")
	void quotedRecordsRoundTripWithTheirStartLines(long seed) throws IOException {
		List<List<String>> records = records(new Random(seed));
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

	/** One to eight records of one to five fields of up to twelve characters. */
	private static List<List<String>> records(Random random) {
		List<List<String>> records = new ArrayList<>();
		for (int r = 1 + random.nextInt(8); r > 0; r--) {
			List<String> record = new ArrayList<>();
			for (int f = 1 + random.nextInt(5); f > 0; f--) {
				StringBuilder field = new StringBuilder();
				for (int c = random.nextInt(13); c > 0; c--) {
					field.append(FIELD_CHARS.charAt(random.nextInt(FIELD_CHARS.length())));
				}
				record.add(field.toString());
			}
			records.add(record);
		}
		return records;
	}

	@ParameterizedTest(name = "seed {0}")
	@MethodSource("seeds200")
	void anyBytesAsCsvEndAcceptedOrRejected(long seed) throws Exception {
		Random random = new Random(seed);
		byte[] body = new byte[random.nextInt(401)];
		random.nextBytes(body);
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

	@ParameterizedTest(name = "seed {0}")
	@MethodSource("seeds60")
	void damagedWorkbooksEndAcceptedOrRejected(long seed) throws Exception {
		Random random = new Random(seed);
		List<Integer> positions = new ArrayList<>();
		for (int i = 1 + random.nextInt(20); i > 0; i--) {
			positions.add(random.nextInt());
		}
		byte value = (byte) random.nextInt(256);
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
