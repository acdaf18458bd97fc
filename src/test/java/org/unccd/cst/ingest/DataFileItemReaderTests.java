package org.unccd.cst.ingest;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.batch.infrastructure.item.ExecutionContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Tests for {@link DataFileItemReader}: which files are read, in what order, and restart.
 */
class DataFileItemReaderTests {

	@TempDir
	Path input;

	private Path progress;

	@BeforeEach
	void createProgressFolder() throws IOException {
		this.progress = Files.createDirectories(this.input.resolve("progress"));
	}

	@Test
	void readsFilesInNameOrderWithIncreasingSequence() throws IOException {
		csv("progress-2019.csv", "date,outcome,status\n2019-03-15,O1.1-a,planned\n2019-04-15,O1.1-a,delayed\n");
		csv("progress-2018.csv", "date,outcome,status\n2018-03-15,O1.1-b,planned\n");
		csv("expenditures-2019.csv", "date,budget_line,amount,reference\n2019-01-10,B1,100,EXP-1\n");

		List<RawRecord> records = readAll();

		assertThat(records).extracting(RawRecord::seq, RawRecord::source, RawRecord::line)
			.isEqualTo(List.of(tuple(1L, "progress/expenditures-2019.csv", 2L),
					tuple(2L, "progress/progress-2018.csv", 2L), tuple(3L, "progress/progress-2019.csv", 2L),
					tuple(4L, "progress/progress-2019.csv", 3L)));
	}

	/**
	 * Each file read on its own (a partition of the ingest step) numbers its records and
	 * sources after those of the files before it, so that the order over all files is the
	 * order of a single reader; its restart point counts its own records.
	 */
	@Test
	void readsOneFileNumberedAfterTheFilesBeforeIt() throws IOException {
		csv("progress-2019.csv", "date,outcome,status\n2019-03-15,O1.1-a,planned\n2019-04-15,O1.1-a,delayed\n");
		csv("progress-2018.csv", "date,outcome,status\n2018-03-15,O1.1-b,planned\n");
		workbook("funding-book.xlsx", "funding", "date", "source", "amount", "status", "reference");
		List<Path> files = DataFileItemReader.entries(this.input);
		assertThat(files).extracting((file) -> file.getFileName().toString())
			.containsExactly("funding-book.xlsx", "progress-2018.csv", "progress-2019.csv");

		List<RawRecord> all = new ArrayList<>();
		for (int index = files.size() - 1; index >= 0; index--) {
			DataFileItemReader reader = DataFileItemReader.ofFile(this.input, files.get(index), index);
			reader.open(new ExecutionContext());
			for (RawRecord record = reader.read(); record != null; record = reader.read()) {
				all.add(record);
			}
			reader.close();
		}
		all.sort(java.util.Comparator.comparingLong(RawRecord::seq));
		assertThat(all).extracting(RawRecord::seq, RawRecord::sourceId, RawRecord::source, RawRecord::line)
			.containsExactly(tuple(1L, 0, "progress/funding-book.xlsx!funding", 2L),
					tuple((1L << 32) + 1, 1 << 16, "progress/progress-2018.csv", 2L),
					tuple((2L << 32) + 1, 2 << 16, "progress/progress-2019.csv", 2L),
					tuple((2L << 32) + 2, 2 << 16, "progress/progress-2019.csv", 3L));

		ExecutionContext context = new ExecutionContext();
		DataFileItemReader first = DataFileItemReader.ofFile(this.input, files.get(2), 2);
		first.open(context);
		first.read();
		first.update(context);
		first.close();
		assertThat(context.getLong(DataFileItemReader.READ_COUNT)).isEqualTo(1);
		DataFileItemReader restarted = DataFileItemReader.ofFile(this.input, files.get(2), 2);
		restarted.open(context);
		assertThat(restarted.read()).extracting(RawRecord::seq, RawRecord::line).containsExactly((2L << 32) + 2, 3L);
		assertThat(restarted.read()).isNull();
		restarted.close();
	}

	@Test
	void readsWorkbookSheetsInTheirFilesPlace() throws IOException {
		csv("expenditures.csv", "date,budget_line,amount,reference\n2019-01-10,B1,100,EXP-1\n");
		workbook("funding-book.xlsx", "funding", "date", "source", "amount", "status", "reference");
		csv("progress.csv", "date,outcome,status\n2019-03-15,O1.1-a,planned\n");

		List<RawRecord> records = readAll();

		assertThat(records).extracting(RawRecord::seq, RawRecord::source)
			.isEqualTo(List.of(tuple(1L, "progress/expenditures.csv"), tuple(2L, "progress/funding-book.xlsx!funding"),
					tuple(3L, "progress/progress.csv")));
	}

	@Test
	void givesEachFileItsOwnSourceId() throws IOException {
		csv("progress-a.csv", "date,outcome,status\n2019-03-15,O1.1-a,planned\n");
		csv("progress-b.csv", "date,outcome,status\n2019-03-16,O1.1-a,planned\n");

		List<RawRecord> records = readAll();

		assertThat(records).extracting(RawRecord::sourceId).isEqualTo(List.of(0, 1));
	}

	@Test
	void listsOnlyVisibleCsvAndWorkbookFiles() throws IOException {
		csv("progress.csv", "date,outcome,status\n");
		csv("README.md", "# Progress data\n");
		csv("notes.txt", "nothing\n");
		csv(".progress-hidden.csv", "date,outcome,status\n2019-03-15,O1.1-a,planned\n");
		csv("~$progress.xlsx", "lock file");
		Files.createDirectory(this.progress.resolve("progress-folder.csv"));

		List<Path> files = DataFileItemReader.dataFiles(this.input);

		assertThat(files).isEqualTo(List.of(this.progress.resolve("progress.csv")));
	}

	@Test
	void ignoresNonDataAndHiddenFilesWhenReading() throws IOException {
		csv("README.md", "date,outcome,status\n2019-03-15,O1.1-a,planned\n");
		csv(".progress-hidden.csv", "date,outcome,status\n2019-03-15,O1.1-a,planned\n");
		csv("progress.csv", "date,outcome,status\n2019-03-16,O1.1-b,planned\n");

		List<RawRecord> records = readAll();

		assertThat(records).extracting(RawRecord::source, (record) -> record.value("outcome"))
			.isEqualTo(List.of(tuple("progress/progress.csv", "O1.1-b")));
	}

	@Test
	void readsNothingWithoutProgressFolder() throws IOException {
		Files.delete(this.progress);

		assertThat(DataFileItemReader.dataFiles(this.input)).isEqualTo(List.of());
		assertThat(readAll()).isEqualTo(List.of());
	}

	@Test
	void reportsCsvNamedAfterNoTableAsLineZeroProblem() throws IOException {
		csv("notes.csv", "date,outcome,status\n2019-03-15,O1.1-a,planned\n");

		List<RawRecord> records = readAll();

		assertThat(records).extracting(RawRecord::seq, RawRecord::source, RawRecord::line, RawRecord::table)
			.isEqualTo(List.of(tuple(1L, "progress/notes.csv", 0L, null)));
		assertThat(records.get(0).problem()).isEqualTo(new RawRecord.Problem("", "",
				"the file name does not start with a table name (progress, expenditures, funding, findings, "
						+ "recommendations, rates)"));
	}

	@Test
	void storesRecordsReadInExecutionContext() throws IOException {
		csv("progress.csv", "date,outcome,status\n2019-03-15,O1.1-a,planned\n2019-03-16,O1.1-a,planned\n");
		DataFileItemReader reader = new DataFileItemReader(this.input);
		ExecutionContext context = new ExecutionContext();
		reader.open(context);
		reader.read();
		reader.read();

		reader.update(context);
		reader.close();

		assertThat(context.getLong("records.read")).isEqualTo(2L);
	}

	@Test
	void resumesAfterTheRecordsAlreadyRead() throws IOException {
		csv("expenditures.csv",
				"date,budget_line,amount,reference\n2019-01-10,B1,100,EXP-1\n2019-01-11,B1,200,EXP-2\n");
		csv("progress.csv", "date,outcome,status\n2019-03-15,O1.1-a,planned\n2019-03-16,O1.1-b,delayed\n");
		ExecutionContext context = new ExecutionContext();
		DataFileItemReader first = new DataFileItemReader(this.input);
		first.open(context);
		first.read();
		first.read();
		first.read();
		first.update(context);
		first.close();

		DataFileItemReader restarted = new DataFileItemReader(this.input);
		restarted.open(context);
		RawRecord next = restarted.read();
		RawRecord end = restarted.read();
		restarted.close();

		assertThat(next.seq()).isEqualTo(4L);
		assertThat(next.source()).isEqualTo("progress/progress.csv");
		assertThat(next.line()).isEqualTo(3L);
		assertThat(next.value("outcome")).isEqualTo("O1.1-b");
		assertThat(end).isNull();
	}

	@Test
	void returnsNullAgainAfterTheEnd() throws IOException {
		csv("progress.csv", "date,outcome,status\n2019-03-15,O1.1-a,planned\n");
		DataFileItemReader reader = new DataFileItemReader(this.input);
		reader.open(new ExecutionContext());
		reader.read();

		assertThat(reader.read()).isNull();
		assertThat(reader.read()).isNull();
		reader.close();
	}

	private List<RawRecord> readAll() {
		DataFileItemReader reader = new DataFileItemReader(this.input);
		reader.open(new ExecutionContext());
		List<RawRecord> records = new ArrayList<>();
		for (RawRecord record = reader.read(); record != null; record = reader.read()) {
			records.add(record);
		}
		reader.close();
		return records;
	}

	private void csv(String name, String content) throws IOException {
		Files.writeString(this.progress.resolve(name), content);
	}

	/**
	 * Writes a workbook with one sheet holding the header and one row of values
	 * {@code v1, v2...}.
	 */
	private void workbook(String name, String sheet, String... header) throws IOException {
		try (XSSFWorkbook book = new XSSFWorkbook();
				OutputStream out = Files.newOutputStream(this.progress.resolve(name))) {
			Row head = book.createSheet(sheet).createRow(0);
			Row row = book.getSheet(sheet).createRow(1);
			for (int i = 0; i < header.length; i++) {
				head.createCell(i).setCellValue(header[i]);
				row.createCell(i).setCellValue("v" + (i + 1));
			}
			book.write(out);
		}
	}

}
