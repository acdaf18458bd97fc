package org.unccd.cst.report.xlsx;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Rows streamed into a sheet as the workbook is written read back as the values they were
 * given: text of any script and with characters XML cannot hold, formula-like text,
 * numbers to the last decimal, dates on both sides of Excel's 1900 leap day, empty cells;
 * and a failure while streaming fails the write instead of leaving a short sheet.
 */
class StreamedRowsTests {

	@Test
	void valuesReadBackAsWritten(@TempDir Path dir) throws IOException {
		String[] texts = { "plain", "Désertification 荒漠化 التصحر опустынивание", "a < b & c > d \"quoted\" 'single'",
				"line\nbreak\rand\ttab", "bell\u0007 and nul\u0000", "emoji 🌍 outside the basic plane",
				"lone \uD800 surrogate", "  leading and trailing  ", "=SUM(A1:A2)", "", null };
		Path file = dir.resolve("streamed.xlsx");
		try (StableWorkbook workbook = new StableWorkbook(); OutputStream out = Files.newOutputStream(file)) {
			WorkbookStyles styles = new WorkbookStyles(workbook);
			SXSSFSheet sheet = workbook.createSheet("List");
			new SheetWriter(sheet, styles).header("Text", "Amount", "Date", "Count").skipRows(texts.length).finish();
			workbook.streamRows(sheet, new CellRangeAddress(0, texts.length, 0, 3), (xml) -> {
				for (int i = 0; i < texts.length; i++) {
					xml.row(i + 2)
						.text(texts[i], styles.text.getIndex(), styles.quotedText.getIndex())
						.number((i == 0) ? null : new BigDecimal("1234567.89").multiply(BigDecimal.valueOf(i)),
								styles.money.getIndex())
						.date((i == 1) ? LocalDate.of(1900, 1, 15) : LocalDate.of(2019, 12, 31).plusDays(i),
								styles.date.getIndex())
						.integer(-i, styles.integer.getIndex());
				}
			});
			workbook.write(out);
		}

		try (InputStream in = Files.newInputStream(file); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
			XSSFSheet sheet = workbook.getSheet("List");
			assertThat(sheet.getLastRowNum()).isEqualTo(texts.length);
			assertThat(sheet.getCTWorksheet().getDimension().getRef()).isEqualTo("A1:D12");
			assertThat(sheet.getCTWorksheet().getAutoFilter().getRef()).isEqualTo("A1:D12");
			String[] read = new String[texts.length];
			for (int i = 0; i < texts.length; i++) {
				Row row = sheet.getRow(i + 1);
				read[i] = row.getCell(0).getStringCellValue();
				Cell amount = row.getCell(1);
				if (i == 0) {
					assertThat(amount.getCellType()).isEqualTo(CellType.BLANK);
					assertThat(amount.getCellStyle().getDataFormatString()).isEqualTo("#,##0.00");
				}
				else {
					assertThat(BigDecimal.valueOf(amount.getNumericCellValue()))
						.isEqualByComparingTo(new BigDecimal("1234567.89").multiply(BigDecimal.valueOf(i)));
				}
				LocalDate date = DateUtil.getLocalDateTime(row.getCell(2).getNumericCellValue()).toLocalDate();
				assertThat(date)
					.isEqualTo((i == 1) ? LocalDate.of(1900, 1, 15) : LocalDate.of(2019, 12, 31).plusDays(i));
				assertThat(row.getCell(2).getCellStyle().getDataFormatString()).isEqualTo("yyyy-mm-dd");
				assertThat(row.getCell(3).getNumericCellValue()).isEqualTo(-i);
			}
			assertThat(Arrays.asList(read)).containsExactly("plain", "Désertification 荒漠化 التصحر опустынивание",
					"a < b & c > d \"quoted\" 'single'", "line\nbreak\rand\ttab", "bell? and nul?",
					"emoji 🌍 outside the basic plane", "lone ? surrogate", "  leading and trailing  ", "=SUM(A1:A2)",
					"", "");
			assertThat(sheet.getRow(9).getCell(0).getCellStyle().getQuotePrefixed()).isTrue();
			assertThat(sheet.getRow(9).getCell(0).getCellType()).isEqualTo(CellType.STRING);
			assertThat(sheet.getRow(1).getCell(0).getCellStyle().getQuotePrefixed()).isFalse();
			assertThat(sheet.getRow(11).getCell(0).getCellType()).isEqualTo(CellType.BLANK);
		}
	}

	@Test
	void aFailureWhileStreamingFailsTheWrite(@TempDir Path dir) throws IOException {
		Path file = dir.resolve("failed.xlsx");
		try (StableWorkbook workbook = new StableWorkbook(); OutputStream out = Files.newOutputStream(file)) {
			WorkbookStyles styles = new WorkbookStyles(workbook);
			SXSSFSheet sheet = workbook.createSheet("List");
			new SheetWriter(sheet, styles).header("Text").finish();
			workbook.streamRows(sheet, new CellRangeAddress(0, 0, 0, 0), (xml) -> {
				for (int i = 0; i < 100_000; i++) {
					xml.row(i + 2).text("row " + i, styles.text.getIndex(), styles.quotedText.getIndex());
				}
				throw new IllegalStateException("the database went away");
			});
			assertThatThrownBy(() -> workbook.write(out)).hasMessageContaining("the database went away");
		}
	}

	@Test
	void aFailureOfTheTargetStreamReachesTheWriter() {
		OutputStream broken = new OutputStream() {
			@Override
			public void write(int b) throws IOException {
				throw new IOException("No space left on device");
			}
		};
		assertThatThrownBy(() -> {
			try (BackgroundOutputStream out = new BackgroundOutputStream(broken, "test")) {
				byte[] block = new byte[10_000];
				for (int i = 0; i < 10_000; i++) {
					out.write(block, 0, block.length);
				}
			}
		}).isInstanceOf(IOException.class).hasMessageContaining("No space left on device");
	}

}
