package org.unccd.cst.ingest;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Tests for {@link XlsxRecordSource}, each on a tiny workbook written with POI in the
 * test.
 */
class XlsxRecordSourceTests {

	private static final String LABEL = "progress/book.xlsx";

	@TempDir
	Path dir;

	private final AtomicInteger sourceIds = new AtomicInteger(3);

	@Test
	void readsOnlySheetsNamedAfterATable() throws IOException {
		Path file = workbook((book) -> {
			rows(book.createSheet("Notes"), List.of("date", "outcome", "status"),
					List.of("2019-01-01", "O1.1-b", "planned"));
			rows(book.createSheet("progress"), List.of("date", "outcome", "status"),
					List.of("2019-03-15", "O1.1-a", "planned"));
		});

		List<RawRecord> records = read(file);

		assertThat(records).extracting(RawRecord::source, (record) -> record.value("outcome"))
			.isEqualTo(List.of(tuple("progress/book.xlsx!progress", "O1.1-a")));
	}

	@Test
	void namesSourceAfterWorkbookAndSheet() throws IOException {
		Path file = workbook((book) -> rows(book.createSheet("progress"), List.of("date", "outcome", "status"),
				List.of("2019-03-15", "O1.1-a", "planned")));

		RawRecord record = read(file).get(0);

		assertThat(record.source()).isEqualTo("progress/book.xlsx!progress");
		assertThat(record.table()).isEqualTo(DataTable.PROGRESS);
		assertThat(record.sourceId()).isEqualTo(3);
	}

	@Test
	void givesEachTableSheetItsOwnSourceId() throws IOException {
		Path file = workbook((book) -> {
			rows(book.createSheet("progress"), List.of("date", "outcome", "status"),
					List.of("2019-03-15", "O1.1-a", "planned"));
			rows(book.createSheet("rates"), List.of("currency", "date", "rate"), List.of("USD", "2018-01-01", "0.9"));
		});

		List<RawRecord> records = read(file);

		assertThat(records).extracting(RawRecord::source, RawRecord::sourceId, RawRecord::table)
			.isEqualTo(List.of(tuple("progress/book.xlsx!progress", 3, DataTable.PROGRESS),
					tuple("progress/book.xlsx!rates", 4, DataTable.RATES)));
	}

	@Test
	void readsDateCellAsIsoDate() throws IOException {
		Path file = workbook((book) -> {
			XSSFSheet sheet = book.createSheet("progress");
			header(sheet, "date", "outcome", "status");
			Row row = sheet.createRow(1);
			CellStyle dateStyle = book.createCellStyle();
			dateStyle.setDataFormat(book.getCreationHelper().createDataFormat().getFormat("dd/mm/yyyy"));
			row.createCell(0).setCellValue(LocalDate.of(2019, 3, 15));
			row.getCell(0).setCellStyle(dateStyle);
			row.createCell(1).setCellValue("O1.1-a");
			row.createCell(2).setCellValue("planned");
		});

		assertThat(read(file).get(0).value("date")).isEqualTo("2019-03-15");
	}

	@Test
	void readsIsoTextDateUnchanged() throws IOException {
		Path file = workbook((book) -> rows(book.createSheet("progress"), List.of("date", "outcome", "status"),
				List.of("2019-03-15", "O1.1-a", "planned")));

		assertThat(read(file).get(0).value("date")).isEqualTo("2019-03-15");
	}

	@Test
	void rejectsTheRowOfAFormulaWithNoValueAndKeepsTheSheetsOtherRows() throws IOException {
		Path file = workbook((book) -> {
			XSSFSheet sheet = book.createSheet("progress");
			header(sheet, "date", "outcome", "status", "percent");
			cells(sheet.createRow(1), "2019-03-15", "O1.1-a", "in_progress", "40");
			Row formula = sheet.createRow(2);
			cells(formula, "2019-03-16", "O1.1-b", "in_progress");
			// as scripts write them: the formula, and no result stored
			formula.createCell(3).setCellFormula("20+30");
			cells(sheet.createRow(3), "2019-03-17", "O1.1-a", "completed", "100");
		});

		List<RawRecord> records = read(file);

		assertThat(records).extracting(RawRecord::line).isEqualTo(List.of(2L, 3L, 4L));
		assertThat(records.get(0).problem()).isNull();
		assertThat(records.get(1).problem().reason()).startsWith("cell D3 holds a formula with no value");
		assertThat(records.get(2).problem()).isNull();
		assertThat(records.get(2).value("percent")).isEqualTo("100");
	}

	@Test
	void readsAFormulaByTheValueItStores() throws IOException {
		Path file = workbook((book) -> {
			XSSFSheet sheet = book.createSheet("progress");
			header(sheet, "date", "outcome", "status", "percent");
			Row row = sheet.createRow(1);
			cells(row, "2019-03-15", "O1.1-a", "in_progress");
			row.createCell(3).setCellFormula("20+30");
			book.getCreationHelper().createFormulaEvaluator().evaluateFormulaCell(row.getCell(3));
		});

		RawRecord record = read(file).get(0);

		assertThat(record.problem()).isNull();
		assertThat(record.value("percent")).isEqualTo("50");
	}

	@Test
	void readsNumericCellsAsPlainDecimals() throws IOException {
		Path file = workbook((book) -> {
			XSSFSheet sheet = book.createSheet("expenditures");
			header(sheet, "date", "budget_line", "amount", "reference", "currency");
			Row row = sheet.createRow(1);
			row.createCell(0).setCellValue("2019-03-15");
			row.createCell(1).setCellValue("B1");
			row.createCell(2).setCellValue(1000.125);
			row.createCell(3).setCellValue("EXP-1");
			Row second = sheet.createRow(2);
			second.createCell(0).setCellValue("2019-03-16");
			second.createCell(1).setCellValue("B2");
			second.createCell(2).setCellValue(60);
			second.createCell(3).setCellValue(42);
		});

		List<RawRecord> records = read(file);

		assertThat(records).extracting((record) -> record.value("amount"), (record) -> record.value("reference"))
			.isEqualTo(List.of(tuple("1000.125", "EXP-1"), tuple("60", "42")));
	}

	@Test
	void readsPercentFormattedCellAsTheFigureShown() throws IOException {
		Path file = workbook((book) -> {
			XSSFSheet sheet = book.createSheet("progress");
			header(sheet, "date", "outcome", "status", "percent");
			Row row = sheet.createRow(1);
			row.createCell(0).setCellValue("2019-03-15");
			row.createCell(1).setCellValue("O1.1-a");
			row.createCell(2).setCellValue("in_progress");
			row.createCell(3).setCellValue(0.6);
			var percent = book.createCellStyle();
			percent.setDataFormat(book.createDataFormat().getFormat("0%"));
			row.getCell(3).setCellStyle(percent);
		});

		assertThat(read(file).get(0).value("percent")).isEqualTo("60");
	}

	@Test
	void readsLargeWholeNumberWithoutExponent() throws IOException {
		Path file = workbook((book) -> {
			XSSFSheet sheet = book.createSheet("funding");
			header(sheet, "date", "source", "amount", "status", "reference");
			Row row = sheet.createRow(1);
			row.createCell(0).setCellValue("2019-03-15");
			row.createCell(1).setCellValue("core");
			row.createCell(2).setCellValue(1_500_000);
			row.createCell(3).setCellValue("received");
			row.createCell(4).setCellValue("F-1");
		});

		assertThat(read(file).get(0).value("amount")).isEqualTo("1500000");
	}

	@Test
	void numbersLinesByRowWithHeaderAsRowOne() throws IOException {
		Path file = workbook((book) -> {
			XSSFSheet sheet = book.createSheet("progress");
			header(sheet, "date", "outcome", "status");
			cells(sheet.createRow(1), "2019-03-15", "O1.1-a", "planned");
			cells(sheet.createRow(4), "2019-03-16", "O1.1-b", "delayed");
		});

		assertThat(read(file)).extracting(RawRecord::line, (record) -> record.value("outcome"))
			.isEqualTo(List.of(tuple(2L, "O1.1-a"), tuple(5L, "O1.1-b")));
	}

	@Test
	void skipsRowsOfBlankCells() throws IOException {
		Path file = workbook((book) -> {
			XSSFSheet sheet = book.createSheet("progress");
			header(sheet, "date", "outcome", "status");
			cells(sheet.createRow(1), "", " ", "");
			cells(sheet.createRow(2), "2019-03-16", "O1.1-b", "delayed");
		});

		assertThat(read(file)).extracting(RawRecord::line).isEqualTo(List.of(3L));
	}

	@Test
	void findsHeaderBelowBlankRows() throws IOException {
		Path file = workbook((book) -> {
			XSSFSheet sheet = book.createSheet("progress");
			cells(sheet.createRow(2), "date", "outcome", "status");
			cells(sheet.createRow(3), "2019-03-16", "O1.1-b", "delayed");
		});

		RawRecord record = read(file).get(0);

		assertThat(record.line()).isEqualTo(4L);
		assertThat(record.value("status")).isEqualTo("delayed");
		assertThat(record.problem()).isNull();
	}

	@Test
	void acceptsRowsShorterThanHeader() throws IOException {
		Path file = workbook((book) -> {
			XSSFSheet sheet = book.createSheet("progress");
			header(sheet, "date", "outcome", "status", "percent", "summary");
			cells(sheet.createRow(1), "2019-03-16", "O1.1-b", "delayed");
		});

		RawRecord record = read(file).get(0);

		assertThat(record.problem()).isNull();
		assertThat(record.value("summary")).isEqualTo("");
	}

	@Test
	void rejectsRowsOfSheetWhoseHeaderLacksRequiredColumn() throws IOException {
		Path file = workbook((book) -> rows(book.createSheet("progress"), List.of("date", "status"),
				List.of("2019-03-15", "planned")));

		RawRecord record = read(file).get(0);

		assertThat(record.line()).isEqualTo(2L);
		assertThat(record.problem()).isEqualTo(new RawRecord.Problem("outcome", "",
				"the header has no column \"outcome\" (required in progress: date, outcome, status)"));
	}

	@Test
	void reportsTableSheetWithoutHeader() throws IOException {
		Path file = workbook((book) -> book.createSheet("progress"));

		List<RawRecord> records = read(file);

		assertThat(records).extracting(RawRecord::source, RawRecord::line, (record) -> record.problem().reason())
			.isEqualTo(List.of(tuple("progress/book.xlsx!progress", 0L, "the sheet is empty: it has no header row")));
	}

	@Test
	void reportsCorruptWorkbookAsOneLineZeroRecord() throws IOException {
		byte[] garbage = new byte[4096];
		new Random(42).nextBytes(garbage);
		Path file = Files.write(this.dir.resolve("x.xlsx"), garbage);

		List<RawRecord> records = read(file);

		assertThat(records).hasSize(1);
		assertThat(records.get(0).line()).isEqualTo(0L);
		assertThat(records.get(0).source()).isEqualTo(LABEL);
		assertThat(records.get(0).values()).isNull();
		assertThat(records.get(0).problem().reason()).startsWith("the workbook cannot be read: ");
	}

	@Test
	void reportsWorkbookWithoutTableSheetAsOneLineZeroRecord() throws IOException {
		Path file = workbook((book) -> rows(book.createSheet("Notes"), List.of("date", "outcome", "status"),
				List.of("2019-03-15", "O1.1-a", "planned")));

		List<RawRecord> records = read(file);

		assertThat(records).extracting(RawRecord::source, RawRecord::line, RawRecord::table)
			.isEqualTo(List.of(tuple(LABEL, 0L, null)));
		assertThat(records.get(0).problem()).isEqualTo(new RawRecord.Problem("", "",
				"no sheet is named after a table (progress, expenditures, funding, findings, recommendations, rates)"));
	}

	private List<RawRecord> read(Path file) throws IOException {
		List<RawRecord> records = new ArrayList<>();
		try (XlsxRecordSource source = new XlsxRecordSource(file, LABEL, this.sourceIds::getAndIncrement)) {
			long seq = 1;
			for (RawRecord record = source.next(seq); record != null; record = source.next(++seq)) {
				records.add(record);
			}
			assertThat(source.next(seq)).isNull();
		}
		return records;
	}

	private Path workbook(WorkbookContent content) throws IOException {
		Path file = this.dir.resolve("book.xlsx");
		try (XSSFWorkbook book = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
			content.fill(book);
			book.write(out);
		}
		return file;
	}

	private static void rows(XSSFSheet sheet, List<String> header, List<String> row) {
		cells(sheet.createRow(0), header.toArray(String[]::new));
		cells(sheet.createRow(1), row.toArray(String[]::new));
	}

	private static void header(XSSFSheet sheet, String... names) {
		cells(sheet.createRow(0), names);
	}

	private static void cells(Row row, String... values) {
		for (int i = 0; i < values.length; i++) {
			row.createCell(i).setCellValue(values[i]);
		}
	}

	/** Fills a new workbook. */
	private interface WorkbookContent {

		void fill(XSSFWorkbook book);

	}

}
