package org.unccd.cst.submission;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.unccd.cst.ingest.DataTable;
import org.unccd.cst.model.Messages;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The templates of the embedded programme in the six languages: the wording in the
 * language, the headers as the contract names them, the variants of the free texts.
 */
class TemplateWriterTests {

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			ar | تعليمات     | النواتج المتوقعة     | نموذج إدخال البيانات | إلزامي.
			en | Instructions | Outcomes            | data-entry template  | Required.
			es | Instrucciones | Resultados previstos | plantilla para la introducción de datos | Obligatorio.
			fr | Instructions | Résultats escomptés | modèle de saisie des données | Obligatoire.
			ru | Инструкции   | Ожидаемые результаты | шаблон для ввода данных | Обязательно.
			zh | 说明          | 预期成果             | 数据录入模板          | 必填。
			""")
	void writesTheTemplateInEachLanguage(String lang, String instructions, String outcomes, String title,
			String required, @TempDir Path output) throws Exception {
		List<Path> written = Submissions.writeTemplates(Path.of("input"), output, List.of(lang)).orElseThrow();
		assertThat(written).containsExactly(output.resolve("CST14/CST14.template." + lang + ".xlsx"));
		try (InputStream in = Files.newInputStream(written.get(0)); XSSFWorkbook book = new XSSFWorkbook(in)) {
			assertThat(book.getSheetName(0)).isEqualTo(instructions);
			assertThat(book.getSheet(instructions).getRow(0).getCell(0).getStringCellValue()).contains(title);
			assertThat(book.getSheetIndex(outcomes)).isEqualTo(7);
			assertThat(book.getSheetAt(0).isRightToLeft()).isEqualTo(lang.equals("ar"));
			for (DataTable table : DataTable.values()) {
				var header = book.getSheet(table.prefix()).getRow(0);
				assertThat(header.getLastCellNum()).isEqualTo((short) TemplateWriter.headers(table, lang).size());
				String firstNote = header.getCell(0).getCellComment().getString().getString();
				assertThat(firstNote).endsWith(" " + required);
				// no table is taken for another by the start of a sheet's name
				assertThat(DataTable.forName(book.getSheetName(7))).isEmpty();
				assertThat(DataTable.forName(book.getSheetName(0))).isEmpty();
			}
		}
	}

	@Test
	void aTemplateInAnotherLanguageHasTheVariantOfEachFreeText() {
		assertThat(TemplateWriter.headers(DataTable.EXPENDITURES, "ru")).containsExactly("date", "budget_line",
				"amount", "reference", "work_item", "currency", "description", "description_ru");
		assertThat(TemplateWriter.headers(DataTable.FINDINGS, "en")).containsExactly("outcome", "text", "date",
				"source_ref");
		for (DataTable table : DataTable.values()) {
			// every header is a column the run reads, and none it requires is missing
			assertThat(table.columns()).containsAll(TemplateWriter.headers(table, "zh"));
			assertThat(TemplateWriter.headers(table, "zh")).containsAll(table.required());
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "ar", "en", "es", "fr", "ru", "zh" })
	void theStatusNoteAndTheOutcomesSheetCallEachStatusAsTheReportsDo(String lang, @TempDir Path output)
			throws Exception {
		Messages m = Messages.of(lang);
		// the note on the status column names each code with its word in the language,
		// the same word the reports and workbooks use
		String note = m.get("template.note.progress.status");
		for (String status : List.of("planned", "in_progress", "completed", "delayed", "cancelled")) {
			assertThat(note).as(status).contains(status);
			String word = m.get("status." + status);
			if (!word.equals(status.replace('_', ' '))) {
				assertThat(note).as(status).containsPattern("\\b" + status + "\\s?[(（]" + word + "[)）]");
			}
		}
		List<Path> written = Submissions.writeTemplates(Path.of("input"), output, List.of(lang)).orElseThrow();
		try (InputStream in = Files.newInputStream(written.get(0)); XSSFWorkbook book = new XSSFWorkbook(in)) {
			Sheet outcomes = book.getSheetAt(7);
			for (Row row : outcomes) {
				if (row.getRowNum() == 0) {
					continue;
				}
				String status = row.getCell(4).getStringCellValue();
				// "delayed (delayed)" says one word twice: the code follows the word only
				// when it differs from it
				assertThat(status).as(row.getCell(0).getStringCellValue()).doesNotMatch("(.+) \\(\\1\\)");
				assertThat(status).matches("[^(]+( \\([a-z_]+\\))?");
			}
		}
	}

	@Test
	void countsTheLinesOfAWrappedTextIdeographsTwice() {
		assertThat(TemplateWriter.lines("abc", 10)).isEqualTo(1);
		assertThat(TemplateWriter.lines("a".repeat(21), 10)).isEqualTo(3);
		assertThat(TemplateWriter.lines("数据录入模板", 10)).isEqualTo(2);
	}

}
