package org.unccd.cst.report.xlsx;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Date;
import java.time.LocalDate;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unccd.cst.ReportFiles;
import org.unccd.cst.TestInputs;
import org.unccd.cst.aggregate.Summary;
import org.unccd.cst.aggregate.SummaryCalculator;
import org.unccd.cst.ingest.ProposalsLoader;
import org.unccd.cst.ingest.StagingSchema;
import org.unccd.cst.model.Messages;
import org.unccd.cst.model.Programme;
import org.unccd.cst.programme.ProgrammeLoader;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A ledger longer than a sheet allows goes on in {@code Expenditures (2)}, and so on,
 * each sheet with its own header, no row lost or repeated.
 */
class WorkbookWriterTests {

	@Test
	void listsContinueOnTheNextSheet(@TempDir Path dir) throws Exception {
		JdbcDataSource dataSource = new JdbcDataSource();
		dataSource.setURL("jdbc:h2:mem:ledger;DB_CLOSE_DELAY=-1");
		JdbcTemplate jdbc = new JdbcTemplate(dataSource);
		StagingSchema.statements().forEach(jdbc::execute);
		new ProposalsLoader(jdbc).load(dir);
		jdbc.update("INSERT INTO source_file (id, label, tbl) VALUES (0, 'progress/expenditures.csv', 'expenditures')");
		for (int i = 1; i <= 5; i++) {
			jdbc.update(
					"INSERT INTO expenditure (seq, source_id, line, row_date, budget_line, amount, reference, "
							+ "currency, conversion_rate, amount_pc) VALUES (?, 0, ?, ?, 'L1', ?, ?, 'EUR', 1, ?)",
					i, i + 1, Date.valueOf(LocalDate.of(2021, 1, i)), i * 10, "R-" + i, new BigDecimal(i * 10));
		}
		for (int i = 1; i <= 3; i++) {
			jdbc.update(
					"INSERT INTO reject (seq, source_id, line, col, val, reason) VALUES (?, 0, ?, 'date', 'x', 'bad')",
					100 + i, 10 + i);
		}
		Programme programme = ProgrammeLoader.load(TestInputs.write(dir.resolve("in")));
		Summary summary = new SummaryCalculator(jdbc, programme, LocalDate.parse(TestInputs.AS_OF)).calculate();
		Path file = dir.resolve("T1.en.xlsx");

		new WorkbookWriter(jdbc, programme, summary, Messages.of("en")).maxDataRows(2).write(file);

		try (Workbook workbook = ReportFiles.workbook(file)) {
			assertThat(references(workbook.getSheet("Expenditures"))).isEqualTo("R-1 R-2");
			assertThat(references(workbook.getSheet("Expenditures (2)"))).isEqualTo("R-3 R-4");
			assertThat(references(workbook.getSheet("Expenditures (3)"))).isEqualTo("R-5");
			assertThat(workbook.getSheet("Expenditures (2)").getRow(0).getCell(7).getStringCellValue())
				.isEqualTo("Reference");
			assertThat(workbook.getSheet("Rejects").getLastRowNum()).isEqualTo(2);
			assertThat(workbook.getSheet("Rejects (2)").getRow(1).getCell(1).getNumericCellValue()).isEqualTo(13.0);
			assertThat(workbook.getSheet("Funding (2)")).isNull();
		}
	}

	private static String references(Sheet sheet) {
		StringBuilder references = new StringBuilder();
		for (int r = 1; r <= sheet.getLastRowNum(); r++) {
			references.append((r > 1) ? " " : "").append(sheet.getRow(r).getCell(7).getStringCellValue());
		}
		return references.toString();
	}

}
