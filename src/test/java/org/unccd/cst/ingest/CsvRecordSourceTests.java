package org.unccd.cst.ingest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Tests for {@link CsvRecordSource}: header mapping, row width and whole-file problems.
 */
class CsvRecordSourceTests {

	@TempDir
	Path dir;

	@Test
	void mapsColumnsByHeaderInAnyOrder() throws IOException {
		List<RawRecord> records = read(DataTable.PROGRESS,
				"status,percent,outcome,date\nin_progress,40,O1.1-a,2019-03-15\n");

		RawRecord record = records.get(0);
		assertThat(record.value("date")).isEqualTo("2019-03-15");
		assertThat(record.value("outcome")).isEqualTo("O1.1-a");
		assertThat(record.value("status")).isEqualTo("in_progress");
		assertThat(record.value("percent")).isEqualTo("40");
		assertThat(record.problem()).isNull();
	}

	@Test
	void givesRecordItsSourceTableLineAndSequence() throws IOException {
		List<RawRecord> records = read(DataTable.PROGRESS, "date,outcome,status\n2019-03-15,O1.1-a,planned\n");

		RawRecord record = records.get(0);
		assertThat(record.seq()).isEqualTo(1L);
		assertThat(record.sourceId()).isEqualTo(7);
		assertThat(record.source()).isEqualTo("progress/data.csv");
		assertThat(record.table()).isEqualTo(DataTable.PROGRESS);
		assertThat(record.line()).isEqualTo(2L);
	}

	@Test
	void leavesAbsentOptionalColumnNull() throws IOException {
		List<RawRecord> records = read(DataTable.PROGRESS, "date,outcome,status\n2019-03-15,O1.1-a,planned\n");

		assertThat(records.get(0).values()[DataTable.PROGRESS.column("percent")]).isNull();
	}

	@Test
	void ignoresUnknownExtraColumns() throws IOException {
		List<RawRecord> records = read(DataTable.PROGRESS,
				"date,notes,outcome,status,colour\n2019-03-15,ignore me,O1.1-a,planned,blue\n");

		RawRecord record = records.get(0);
		assertThat(record.problem()).isNull();
		assertThat(record.value("outcome")).isEqualTo("O1.1-a");
		assertThat(record.value("status")).isEqualTo("planned");
	}

	@Test
	void readsLanguageVariantColumns() throws IOException {
		List<RawRecord> records = read(DataTable.PROGRESS,
				"date,outcome,status,summary,summary_zh\n2019-03-15,O1.1-a,planned,Started,已开始\n");

		assertThat(records.get(0).value("summary_zh")).isEqualTo("已开始");
	}

	@Test
	void matchesHeaderNamesWhateverTheirCaseAndSpaces() throws IOException {
		List<RawRecord> records = read(DataTable.EXPENDITURES,
				" Date ,Budget Line,AMOUNT,Reference\n2019-03-15,B1,100,EXP-1\n");

		RawRecord record = records.get(0);
		assertThat(record.problem()).isNull();
		assertThat(record.value("date")).isEqualTo("2019-03-15");
		assertThat(record.value("budget_line")).isEqualTo("B1");
		assertThat(record.value("amount")).isEqualTo("100");
	}

	@Test
	void readsFirstHeaderColumnAfterByteOrderMark() throws IOException {
		List<RawRecord> records = read(DataTable.PROGRESS,
				"\uFEFFdate,outcome,status\r\n2019-03-15,O1.1-a,planned\r\n");

		assertThat(records.get(0).problem()).isNull();
		assertThat(records.get(0).value("date")).isEqualTo("2019-03-15");
	}

	@Test
	void rejectsAUtf16FileOnceSayingHowToSaveIt() throws IOException {
		String text = "\uFEFFdate,outcome,status\r\n2019-03-15,O1.1-a,planned\r\n2019-03-16,O1.1-b,planned\r\n";
		for (java.nio.charset.Charset charset : List.of(StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE)) {
			List<RawRecord> records = read(DataTable.PROGRESS, text.getBytes(charset));

			assertThat(records).as(charset.name())
				.extracting(RawRecord::line, (record) -> record.problem().reason())
				.containsExactly(tuple(0L, CsvRecordSource.UTF16));
		}
		// without a byte order mark too
		assertThat(read(DataTable.PROGRESS, "date,outcome,status\n".getBytes(StandardCharsets.UTF_16LE)))
			.extracting(RawRecord::line)
			.containsExactly(0L);
	}

	@Test
	void readsAFileWhoseFirstLineSaysItsValuesAreSeparatedByCommas() throws IOException {
		List<RawRecord> records = read(DataTable.PROGRESS, "sep=,\ndate,outcome,status\n2019-03-15,O1.1-a,planned\n");

		assertThat(records).singleElement().satisfies((record) -> {
			assertThat(record.problem()).isNull();
			assertThat(record.line()).isEqualTo(3L);
			assertThat(record.value("outcome")).isEqualTo("O1.1-a");
		});
	}

	@Test
	void explainsAFileWhoseValuesAreSeparatedBySemicolonsOnEachRow() throws IOException {
		List<RawRecord> records = read(DataTable.PROGRESS,
				"sep=;\ndate;outcome;status\n2019-03-15;O1.1-a;planned\n2019-03-16;O1.1-b;planned\n");

		assertThat(records).extracting(RawRecord::line).containsExactly(3L, 4L);
		assertThat(records).allSatisfy((record) -> assertThat(record.problem().reason())
			.startsWith("the file's first line \"sep=;\" says its values are separated by \";\""));
	}

	@Test
	void rejectsEveryRowWhenHeaderLacksRequiredColumn() throws IOException {
		List<RawRecord> records = read(DataTable.EXPENDITURES,
				"date,budget_line,reference\n2019-03-15,B1,EXP-1\n2019-03-16,B2,EXP-2\n");

		String reason = "the header has no column \"amount\" "
				+ "(required in expenditures: date, budget_line, amount, reference)";
		assertThat(records).extracting(RawRecord::line, RawRecord::problem)
			.isEqualTo(List.of(tuple(2L, new RawRecord.Problem("amount", "", reason)),
					tuple(3L, new RawRecord.Problem("amount", "", reason))));
	}

	@Test
	void rejectsRowsWhenHeaderNamesAColumnTwice() throws IOException {
		List<RawRecord> records = read(DataTable.PROGRESS, "date,outcome,status,Date\n2019-03-15,O1.1-a,planned,x\n");

		assertThat(records.get(0).problem())
			.isEqualTo(new RawRecord.Problem("date", "", "column \"date\" appears twice in the header"));
	}

	@Test
	void rejectsRowWithMoreFieldsThanHeader() throws IOException {
		List<RawRecord> records = read(DataTable.PROGRESS,
				"date,outcome,status,percent,summary,reported_by\n"
						+ "2019-03-15,O1.1-a,in_progress,40,Started,Secretariat\n"
						+ "2019-03-16,O1.1-a,in_progress,50,Half,way,Secretariat\n");

		assertThat(records.get(0).problem()).isNull();
		assertThat(records.get(1).line()).isEqualTo(3L);
		assertThat(records.get(1).problem()).isEqualTo(new RawRecord.Problem("", "", "expected 6 fields, found 7"));
	}

	@Test
	void rejectsRowWithFewerFieldsThanHeader() throws IOException {
		List<RawRecord> records = read(DataTable.PROGRESS, "date,outcome,status,percent\n2019-03-15,O1.1-a,planned\n");

		assertThat(records.get(0).problem().reason()).isEqualTo("expected 4 fields, found 3");
	}

	@Test
	void skipsBlankLinesAndKeepsPhysicalLineNumbers() throws IOException {
		List<RawRecord> records = read(DataTable.PROGRESS,
				"\ndate,outcome,status\n\n,,\n2019-03-15,O1.1-a,planned\n\n");

		assertThat(records).extracting(RawRecord::line).isEqualTo(List.of(5L));
	}

	@Test
	void reportsEmptyFileAsOneLineZeroProblem() throws IOException {
		List<RawRecord> records = read(DataTable.PROGRESS, "");

		assertThat(records).hasSize(1);
		assertThat(records.get(0).line()).isEqualTo(0L);
		assertThat(records.get(0).problem())
			.isEqualTo(new RawRecord.Problem("", "", "the file is empty: it has no header row"));
	}

	@Test
	void reportsFileOfBlankLinesAsEmpty() throws IOException {
		List<RawRecord> records = read(DataTable.PROGRESS, "\uFEFF\r\n,,\r\n\r\n");

		assertThat(records).extracting(RawRecord::line, (record) -> record.problem().reason())
			.isEqualTo(List.of(tuple(0L, "the file is empty: it has no header row")));
	}

	@Test
	void rejectsEveryRowUnderAnUnreadableHeaderAtItsOwnLine() throws IOException {
		List<RawRecord> records = read(DataTable.PROGRESS,
				"\"date\"x,outcome,status\n2019-01-01,O1.1-a,planned\n2019-02-01,O1.1-b,planned\n");

		assertThat(records).extracting(RawRecord::line, (record) -> record.problem().reason())
			.isEqualTo(List.of(
					tuple(2L,
							"the header row cannot be read: unexpected character after a closing quote (a quote "
									+ "inside a quoted field is written \"\")"),
					tuple(3L, "the header row cannot be read: unexpected character after a closing quote (a quote "
							+ "inside a quoted field is written \"\")")));
	}

	@Test
	void headerOnlyFileGivesOneEmptySourceRecord() throws IOException {
		List<RawRecord> records = read(DataTable.PROGRESS, "date,outcome,status\n");

		assertThat(records).hasSize(1);
		assertThat(records.get(0).isEmptySource()).isTrue();
		assertThat(records.get(0).source()).isEqualTo("progress/data.csv");
	}

	@Test
	void reportsUnreadableHeaderOnceForTheWholeFile() throws IOException {
		List<RawRecord> records = read(DataTable.PROGRESS, "date,\"outcome,status\n2019-03-15,O1.1-a,planned\n");

		assertThat(records).extracting(RawRecord::line, (record) -> record.problem().reason())
			.isEqualTo(List.of(tuple(0L, "the header row cannot be read: unterminated quoted field")));
	}

	@Test
	void reportsUnterminatedQuoteWithItsColumnAndStartLine() throws IOException {
		List<RawRecord> records = read(DataTable.PROGRESS,
				"date,outcome,status,summary\n2019-03-15,O1.1-a,planned,ok\n2019-03-16,O1.1-a,planned,\"never\nclosed\n");

		assertThat(records).hasSize(2);
		assertThat(records.get(1).line()).isEqualTo(3L);
		assertThat(records.get(1).problem())
			.isEqualTo(new RawRecord.Problem("summary", "", "unterminated quoted field"));
	}

	@Test
	void reportsCharacterAfterClosingQuoteWithColumnAndValue() throws IOException {
		List<RawRecord> records = read(DataTable.PROGRESS,
				"date,outcome,status,summary\n2019-03-15,\"O1.1-a\"b,planned,ok\n");

		assertThat(records.get(0).problem()).isEqualTo(new RawRecord.Problem("outcome", "O1.1-ab",
				"unexpected character after a closing quote (a quote inside a quoted field is written \"\")"));
	}

	@Test
	void reportsOverlongValueWithItsColumn() throws IOException {
		List<RawRecord> records = read(DataTable.PROGRESS,
				"date,outcome,status,summary\n2019-03-15,O1.1-a,planned," + "z".repeat(100_000) + "\n");

		RawRecord.Problem problem = records.get(0).problem();
		assertThat(problem.column()).isEqualTo("summary");
		assertThat(problem.reason()).isEqualTo("value longer than 10000 characters");
		assertThat(problem.value().length()).isEqualTo(CsvRecordParser.MAX_FIELD_LENGTH);
	}

	@Test
	void marksInvalidUtf8BytesInTheValue() throws IOException {
		List<RawRecord> records = read(DataTable.PROGRESS, bytes(
				"date,outcome,status,summary\n2019-03-15,O1.1-a,planned,caf", new byte[] { (byte) 0xC3, 0x28 }, "\n"));

		assertThat(records.get(0).value("summary")).isEqualTo("caf" + CsvRecordSource.INVALID + "(");
	}

	@Test
	void invalidUtf8ValueIsRejectedByValidator() throws IOException {
		List<RawRecord> records = read(DataTable.PROGRESS, bytes(
				"date,outcome,status,summary\n2019-03-15,O1.1-a,planned,caf", new byte[] { (byte) 0xC3, 0x28 }, "\n"));

		IngestedRow row = new RowValidator(ProgrammeFixture.programme()).process(records.get(0));

		assertThat(row.accepted()).isEqualTo(false);
		assertThat(row.problem()).isEqualTo(new RawRecord.Problem("summary", "caf?(", "invalid UTF-8 in \"summary\""));
	}

	@Test
	void numbersRecordsFromTheGivenSequence() throws IOException {
		Path file = write("date,outcome,status\n2019-03-15,O1.1-a,planned\n2019-03-16,O1.1-b,planned\n"
			.getBytes(StandardCharsets.UTF_8));
		try (CsvRecordSource source = new CsvRecordSource(file, DataTable.PROGRESS, 7, "progress/data.csv")) {
			assertThat(source.next(41).seq()).isEqualTo(41L);
			assertThat(source.next(42).seq()).isEqualTo(42L);
			assertThat(source.next(43)).isNull();
		}
	}

	private static byte[] bytes(String before, byte[] middle, String after) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(before.getBytes(StandardCharsets.UTF_8));
		out.write(middle);
		out.write(after.getBytes(StandardCharsets.UTF_8));
		return out.toByteArray();
	}

	private List<RawRecord> read(DataTable table, String text) throws IOException {
		return read(table, text.getBytes(StandardCharsets.UTF_8));
	}

	private List<RawRecord> read(DataTable table, byte[] content) throws IOException {
		Path file = write(content);
		List<RawRecord> records = new ArrayList<>();
		try (CsvRecordSource source = new CsvRecordSource(file, table, 7, "progress/data.csv")) {
			long seq = 1;
			for (RawRecord record = source.next(seq); record != null; record = source.next(++seq)) {
				records.add(record);
			}
		}
		return records;
	}

	private Path write(byte[] content) throws IOException {
		Path file = this.dir.resolve("data.csv");
		Files.write(file, content);
		return file;
	}

}
