package org.unccd.cst.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint.ValidationType;
import org.apache.poi.ss.usermodel.Name;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.ss.util.AreaReference;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * {@code --template}: the data-entry workbooks of the embedded programme, their headers,
 * notes and validations, filled in with POI and through LibreOffice and read back by a
 * run with every row accepted, and kept beside the published set by the runs after it.
 */
class TemplateTests {

	private static final List<String> TABLES = List.of("progress", "expenditures", "funding", "findings",
			"recommendations", "rates");

	/** The rows each filled sheet gets. */
	private static final int ROWS_PER_SHEET = 2;

	@Test
	void theTemplateHasTheContractsSheetsHeadersNotesAndValidations(@TempDir Path dir) throws Exception {
		Path output = dir.resolve("out");
		CommandLineRun run = CommandLineRun.of("--template", "--lang=en,fr", "--input=input", "--output=" + output);
		assertThat(run.exitCode()).as(run.err()).isZero();
		Path en = output.resolve("CST14/CST14.template.en.xlsx");
		assertThat(run.out()).contains("Wrote " + en, "CST14.template.fr.xlsx");
		try (XSSFWorkbook book = open(en)) {
			List<String> names = new ArrayList<>();
			book.forEach((sheet) -> names.add(sheet.getSheetName()));
			assertThat(names).containsExactly("Instructions", "progress", "expenditures", "funding", "findings",
					"recommendations", "rates", "Outcomes", "Lists");
			assertThat(book.getSheetVisibility(book.getSheetIndex("Lists"))).isEqualTo(SheetVisibility.HIDDEN);
			assertThat(text(book.getSheet("Instructions"))).contains("CST14: data-entry template",
					"Choose codes from the drop-down lists", "--check");
			assertThat(headers(book.getSheet("progress"))).containsExactly("date", "outcome", "status", "percent",
					"summary", "reported_by");
			assertThat(headers(book.getSheet("expenditures"))).containsExactly("date", "budget_line", "amount",
					"reference", "work_item", "currency", "description");
			assertThat(headers(book.getSheet("funding"))).containsExactly("date", "source", "amount", "status",
					"reference", "donor", "currency");
			assertThat(headers(book.getSheet("findings"))).containsExactly("outcome", "text", "date", "source_ref");
			assertThat(headers(book.getSheet("recommendations"))).containsExactly("report", "text", "addressee",
					"priority", "date");
			assertThat(headers(book.getSheet("rates"))).containsExactly("currency", "date", "rate");
			for (String table : TABLES) {
				for (Cell header : book.getSheet(table).getRow(0)) {
					assertThat(header.getCellComment()).as("%s!%s", table, header).isNotNull();
					assertThat(header.getCellComment().getString().getString())
						.startsWith(header.getStringCellValue() + ": ")
						.containsAnyOf("Required.", "Optional.");
				}
			}
			assertThat(book.getSheet("progress").getRow(0).getCell(2).getCellComment().getString().getString())
				.isEqualTo("status: planned, in_progress, completed, delayed or cancelled. Required.");
			assertValidations(book);
			assertThat(listValues(book, "OutcomeCodes")).containsExactly("O1.1-a", "O1.1-b", "O1.2-a", "O2-a", "C1-a",
					"C1-b", "C2-a", "C3-a", "C3-b", "C4-a", "C4-b", "C5-a", "C6-a");
			assertThat(listValues(book, "Currencies")).containsExactly("EUR", "CHF", "USD");
			assertThat(listValues(book, "Addressees")).contains("Conference of the Parties", "Executive Secretary");
			// the lists are too long for a list written in the validation itself
			assertThat(String.join(",", listValues(book, "OutcomeTitles")).length()).isGreaterThan(255);
			XSSFSheet outcomes = book.getSheet("Outcomes");
			assertThat(outcomes.getProtect()).isTrue();
			assertThat(rowOf(outcomes, "C2-a")).contains("in progress (in_progress)");
			// the English word is the code: it is not given twice
			assertThat(rowOf(outcomes, "O1.1-a")).contains(" completed ", "100").doesNotContain("(completed)");
		}
		try (XSSFWorkbook fr = open(output.resolve("CST14/CST14.template.fr.xlsx"))) {
			assertThat(fr.getSheetName(0)).isEqualTo("Instructions");
			assertThat(text(fr.getSheet("Instructions"))).contains("modèle de saisie des données",
					"listes déroulantes");
			assertThat(headers(fr.getSheet("progress"))).containsExactly("date", "outcome", "status", "percent",
					"summary", "summary_fr", "reported_by");
			assertThat(headers(fr.getSheet("recommendations"))).contains("text", "text_fr");
			assertThat(fr.getSheet("progress").getRow(0).getCell(5).getCellComment().getString().getString())
				.isEqualTo("summary_fr: le texte de « summary » en français. Facultatif.");
			assertThat(fr.getSheetIndex("Résultats escomptés")).isPositive();
		}
	}

	@Test
	void aTemplateFilledInIsAnInputFileWhoseRowsAreAllAccepted(@TempDir Path dir) throws Exception {
		Path output = dir.resolve("out");
		assertThat(CommandLineRun.of("--template", "--input=input", "--output=" + output).exitCode()).isZero();
		Path filled = dir.resolve("filled/progress-submission.xlsx");
		fill(output.resolve("CST14/CST14.template.en.xlsx"), filled);
		Path input = copyOfTheEmbeddedInput(dir.resolve("in"));
		Files.copy(filled, input.resolve("progress/progress-submission.xlsx"));
		assertEveryTemplateRowAccepted(input, dir.resolve("run"), "progress/progress-submission.xlsx");
		CommandLineRun check = CommandLineRun.of("--check", "--input=input", filled.toString());
		assertThat(check.exitCode()).as(check.out()).isZero();
		assertThat(check.out()).isEqualTo("12 rows read, 12 accepted, 0 rejected\n");
	}

	@Test
	void aTemplateFilledInAndSavedByLibreOfficeKeepsItsValidationsAndIsAccepted(@TempDir Path dir) throws Exception {
		Path output = dir.resolve("out");
		assertThat(CommandLineRun.of("--template", "--input=input", "--output=" + output).exitCode()).isZero();
		Path filled = dir.resolve("filled/progress-office.xlsx");
		fill(output.resolve("CST14/CST14.template.en.xlsx"), filled);
		Path converted = dir.resolve("converted");
		convert(dir.resolve("profile"), converted, filled);
		Path saved = converted.resolve("progress-office.xlsx");
		try (XSSFWorkbook book = open(saved)) {
			assertValidations(book);
		}
		Path input = copyOfTheEmbeddedInput(dir.resolve("in"));
		Files.copy(saved, input.resolve("progress/progress-office.xlsx"));
		assertEveryTemplateRowAccepted(input, dir.resolve("run"), "progress/progress-office.xlsx");
	}

	/**
	 * The Arabic instructions as LibreOffice sets them, read back word by word with where
	 * each word is on the page: a Latin word in brackets within an Arabic sentence keeps
	 * its brackets beside it (LibreOffice moved the space before the closing one inside
	 * them: "(reference )"), and the file type after "Excel" reads "(.xlsx)", not
	 * "xlsx.(".
	 */
	@Test
	void theArabicInstructionsKeepTheirBracketsBesideTheirWordsInLibreOffice(@TempDir Path dir) throws Exception {
		Path output = dir.resolve("out");
		assertThat(CommandLineRun.of("--template", "--lang=ar", "--input=input", "--output=" + output).exitCode())
			.isZero();
		Path pdf = dir.resolve("pdf");
		convert(dir.resolve("profile"), pdf, output.resolve("CST14/CST14.template.ar.xlsx"), "pdf");
		List<Word> words = words(pdf.resolve("CST14.template.ar.pdf"));
		assertThat(words).extracting(Word::text).contains("(.xlsx)").doesNotContain(".(");
		Word reference = words.stream().filter((word) -> word.text().equals("reference")).findFirst().orElseThrow();
		List<Word> line = words.stream()
			.filter((word) -> Math.abs(word.yMin() - reference.yMin()) < 1 && word.text().matches("[()]"))
			.toList();
		assertThat(line).as("a bracket just left of \"reference\"")
			.anySatisfy((bracket) -> assertThat(reference.xMin() - bracket.xMax()).isBetween(-0.5, 1.0));
		assertThat(line).as("a bracket just right of \"reference\"")
			.anySatisfy((bracket) -> assertThat(bracket.xMin() - reference.xMax()).isBetween(-0.5, 1.0));
	}

	/** A word of a PDF's first page, where poppler found it, without bidi marks. */
	private record Word(String text, double xMin, double xMax, double yMin) {
	}

	private static List<Word> words(Path pdf) throws Exception {
		Process process = new ProcessBuilder("pdftotext", "-enc", "UTF-8", "-f", "1", "-l", "1", "-bbox",
				pdf.toString(), "-")
			.redirectError(ProcessBuilder.Redirect.DISCARD)
			.start();
		String html = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor()).isZero();
		List<Word> words = new ArrayList<>();
		java.util.regex.Matcher word = java.util.regex.Pattern
			.compile("<word xMin=\"([\\d.]+)\" yMin=\"([\\d.]+)\" xMax=\"([\\d.]+)\" yMax=\"[\\d.]+\">([^<]*)</word>")
			.matcher(html);
		while (word.find()) {
			words.add(new Word(word.group(4).replaceAll("[\u200e\u200f\u2066-\u2069]", ""),
					Double.parseDouble(word.group(1)), Double.parseDouble(word.group(3)),
					Double.parseDouble(word.group(2))));
		}
		return words;
	}

	@Test
	void theRunsAfterATemplateKeepItAndStillFindTheSetCurrent(@TempDir Path dir) throws Exception {
		Path output = dir.resolve("out");
		CommandLineRun first = CommandLineRun.of("--input=input", "--output=" + output, "--as-of=2019-06-30");
		assertThat(first.exitCode()).as(first.err()).isEqualTo(3);
		String manifest = Files.readString(output.resolve("CST14/manifest.json"));
		assertThat(CommandLineRun.of("--template", "--lang=en,zh", "--output=" + output).exitCode()).isZero();
		Path template = output.resolve("CST14/CST14.template.zh.xlsx");
		byte[] bytes = Files.readAllBytes(template);
		CommandLineRun again = CommandLineRun.of("--input=input", "--output=" + output, "--as-of=2019-06-30");
		assertThat(again.out() + again.err()).contains("current");
		CommandLineRun forced = CommandLineRun.of("--input=input", "--output=" + output, "--as-of=2019-06-30",
				"--force");
		assertThat(forced.exitCode()).as(forced.err()).isEqualTo(3);
		assertThat(template).exists();
		assertThat(Files.readAllBytes(template)).isEqualTo(bytes);
		assertThat(output.resolve("CST14/CST14.template.en.xlsx")).exists();
		String republished = Files.readString(output.resolve("CST14/manifest.json"));
		assertThat(republished).doesNotContain(".template.");
		assertThat(manifest).doesNotContain(".template.");
		CommandLineRun third = CommandLineRun.of("--input=input", "--output=" + output, "--as-of=2019-06-30");
		assertThat(third.out() + third.err()).contains("current");
	}

	@Test
	void aBadCommandLineGivesTwoAndAnUnreadableProgrammeOne(@TempDir Path dir) throws Exception {
		CommandLineRun language = CommandLineRun.of("--template", "--lang=xx", "--output=" + dir);
		assertThat(language.exitCode()).isEqualTo(2);
		assertThat(language.err()).contains("\"xx\" is not a supported language");
		assertThat(CommandLineRun.of("--template", "--as-of=2019-06-30").exitCode()).isEqualTo(2);
		assertThat(CommandLineRun.of("--template", "--check", "x.csv").exitCode()).isEqualTo(2);
		Path broken = Files.createDirectories(dir.resolve("broken"));
		Files.writeString(broken.resolve("programme.yaml"), "session: [unclosed\n");
		CommandLineRun run = CommandLineRun.of("--template", "--input=" + broken, "--output=" + dir.resolve("out"));
		assertThat(run.exitCode()).isEqualTo(1);
		assertThat(run.err()).contains("programme.yaml", "no template was written");
		assertThat(dir.resolve("out/CST14")).doesNotExist();
	}

	/** The validations every template has, by sheet and header. */
	private static void assertValidations(XSSFWorkbook book) {
		Map<String, Map<String, String>> expected = new LinkedHashMap<>();
		expected.put("progress", Map.of("date", "DATE", "outcome", "LIST OutcomeCodes", "status", "LIST Statuses",
				"percent", "DECIMAL"));
		expected.put("expenditures", Map.of("date", "DATE", "budget_line", "LIST BudgetLines", "amount", "DECIMAL",
				"work_item", "LIST WorkItems", "currency", "LIST Currencies"));
		expected.put("funding", Map.of("date", "DATE", "source", "LIST Sources", "amount", "DECIMAL", "status",
				"LIST FundingStatuses", "currency", "LIST Currencies"));
		expected.put("findings", Map.of("outcome", "LIST OutcomeCodes", "date", "DATE"));
		expected.put("recommendations", Map.of("report", "LIST Reports", "addressee", "LIST Addressees", "priority",
				"LIST Priorities", "date", "DATE"));
		expected.put("rates", Map.of("currency", "TEXT_LENGTH", "date", "DATE", "rate", "DECIMAL"));
		for (var table : expected.entrySet()) {
			XSSFSheet sheet = book.getSheet(table.getKey());
			List<String> headers = headers(sheet);
			Map<String, String> found = new LinkedHashMap<>();
			for (DataValidation validation : sheet.getDataValidations()) {
				var constraint = validation.getValidationConstraint();
				String kind = kind(constraint.getValidationType());
				if (constraint.getValidationType() == ValidationType.LIST) {
					List<String> values = listValues(book, constraint.getFormula1());
					kind += " " + table.getValue()
						.values()
						.stream()
						.filter((v) -> v.startsWith("LIST ") && listValues(book, v.substring(5)).equals(values))
						.map((v) -> v.substring(5))
						.findFirst()
						.orElse(constraint.getFormula1());
				}
				for (var range : validation.getRegions().getCellRangeAddresses()) {
					assertThat(range.getFirstRow()).isEqualTo(1);
					assertThat(range.getLastRow()).isGreaterThanOrEqualTo(1000);
					for (int c = range.getFirstColumn(); c <= range.getLastColumn(); c++) {
						found.put(headers.get(c), kind);
					}
				}
				if (constraint.getValidationType() == ValidationType.DATE) {
					assertThat(Double.parseDouble(constraint.getFormula1())).isEqualTo(1.0);
				}
				if (constraint.getValidationType() == ValidationType.DECIMAL) {
					assertThat(constraint.getFormula1()).isEqualTo("0");
				}
			}
			assertThat(found).as(table.getKey()).isEqualTo(table.getValue());
		}
	}

	private static String kind(int type) {
		return switch (type) {
			case ValidationType.DATE -> "DATE";
			case ValidationType.DECIMAL -> "DECIMAL";
			case ValidationType.LIST -> "LIST";
			case ValidationType.TEXT_LENGTH -> "TEXT_LENGTH";
			default -> "type " + type;
		};
	}

	/** The values of a list: a defined name or a range of the workbook. */
	private static List<String> listValues(XSSFWorkbook book, String formula) {
		String reference = formula.startsWith("=") ? formula.substring(1) : formula;
		Name name = book.getName(reference);
		if (name != null) {
			reference = name.getRefersToFormula();
		}
		AreaReference area = new AreaReference(reference, book.getSpreadsheetVersion());
		List<String> values = new ArrayList<>();
		for (CellReference cell : area.getAllReferencedCells()) {
			Row row = book.getSheet(cell.getSheetName()).getRow(cell.getRow());
			Cell value = (row != null) ? row.getCell(cell.getCol()) : null;
			if (value != null) {
				values.add(switch (value.getCellType()) {
					case NUMERIC -> String.valueOf((long) value.getNumericCellValue());
					default -> value.getStringCellValue();
				});
			}
		}
		return values;
	}

	/**
	 * Fills a copy of a template with {@link #ROWS_PER_SHEET} valid rows per sheet, as an
	 * officer would: codes from the lists, dates in the date columns, numbers in the
	 * amounts.
	 */
	private static void fill(Path template, Path filled) throws IOException {
		Files.createDirectories(filled.getParent());
		try (XSSFWorkbook book = open(template)) {
			String outcome = listValues(book, "OutcomeCodes").get(6);
			String workItem = listValues(book, "WorkItems").get(1);
			String addressee = listValues(book, "Addressees").get(0);
			LocalDate day = LocalDate.of(2019, 5, 10);
			row(book, "progress", day, outcome, "in_progress", 60, "Drafting went on.", "SPI");
			row(book, "progress", day.plusDays(1), "C3-b", "delayed", null, "Waiting for the review.", "SPI");
			row(book, "expenditures", day, "B1", 250.75, "TPL-EXP-1", workItem, "USD", "Travel");
			row(book, "expenditures", day, "B2", 1200, "TPL-EXP-2", null, "EUR", "Meeting room");
			row(book, "funding", day, "extrabudgetary", 5000, "pledged", "TPL-FUN-1", "A donor", "EUR");
			row(book, "funding", day, "core", 1000.5, "received", "TPL-FUN-2", "Another donor", null);
			row(book, "findings", outcome, "A key finding.", day, "ICCD/COP(14)/CST/2");
			row(book, "findings", "O1.1-a", "Another finding.", null, null);
			row(book, "recommendations", "obj-1.1", "Parties may wish to act.", addressee, 1, day);
			row(book, "recommendations", "coordination", "The secretariat should report.", "secretariat", null, null);
			row(book, "rates", "GBP", LocalDate.of(2019, 1, 1), 1.15);
			row(book, "rates", "GBP", LocalDate.of(2019, 4, 1), 1.17);
			try (OutputStream out = Files.newOutputStream(filled)) {
				book.write(out);
			}
		}
	}

	/** Adds a row below the last one, each cell in its column's style. */
	private static void row(XSSFWorkbook book, String table, Object... values) {
		XSSFSheet sheet = book.getSheet(table);
		Row row = sheet.createRow(sheet.getLastRowNum() + 1);
		for (int c = 0; c < values.length; c++) {
			if (values[c] == null) {
				continue;
			}
			Cell cell = row.createCell(c);
			if (sheet.getColumnStyle(c) != null) {
				cell.setCellStyle(sheet.getColumnStyle(c));
			}
			switch (values[c]) {
				case LocalDate date -> cell.setCellValue(date);
				case Number number -> cell.setCellValue(number.doubleValue());
				default -> cell.setCellValue(values[c].toString());
			}
		}
	}

	/**
	 * Runs the pipeline on the input and checks that no row of the filled file is
	 * rejected.
	 */
	private static void assertEveryTemplateRowAccepted(Path input, Path output, String file) throws IOException {
		CommandLineRun run = CommandLineRun.of("--input=" + input, "--output=" + output, "--as-of=2019-06-30");
		assertThat(run.exitCode()).as(run.err()).isEqualTo(3);
		int rows = TABLES.size() * ROWS_PER_SHEET;
		assertThat(run.out()).contains("(" + (152 + rows) + " rows accepted, 5 rejected)");
		assertThat(Files.readString(output.resolve("CST14/rejects.csv"))).doesNotContain(file);
		String summary = Files.readString(output.resolve("CST14/summary.json"));
		for (String table : TABLES) {
			assertThat(summary).contains(file + "!" + table);
		}
	}

	private static Path copyOfTheEmbeddedInput(Path target) throws IOException {
		Files.createDirectories(target.resolve("progress"));
		Files.copy(Path.of("input/programme.yaml"), target.resolve("programme.yaml"));
		Files.copy(Path.of("input/proposals.csv"), target.resolve("proposals.csv"));
		try (Stream<Path> files = Files.list(Path.of("input/progress"))) {
			for (Path file : files.toList()) {
				Files.copy(file, target.resolve("progress").resolve(file.getFileName()));
			}
		}
		return target;
	}

	private static XSSFWorkbook open(Path file) throws IOException {
		try (InputStream in = Files.newInputStream(file)) {
			return new XSSFWorkbook(in);
		}
	}

	private static List<String> headers(Sheet sheet) {
		List<String> headers = new ArrayList<>();
		sheet.getRow(0).forEach((cell) -> headers.add(cell.getStringCellValue()));
		return headers;
	}

	private static String text(Sheet sheet) {
		StringBuilder text = new StringBuilder();
		sheet.forEach((row) -> row.forEach((cell) -> text.append(cell.getStringCellValue()).append('\n')));
		return text.toString();
	}

	private static String rowOf(Sheet sheet, String code) {
		for (Row row : sheet) {
			if (code.equals(row.getCell(0).getStringCellValue())) {
				StringBuilder text = new StringBuilder();
				row.forEach((cell) -> text.append(cell.toString()).append(' '));
				return text.toString();
			}
		}
		return fail("no row " + code);
	}

	/** Saves the file again as xlsx with LibreOffice, in {@code outDir}. */
	private static void convert(Path profile, Path outDir, Path file) throws Exception {
		convert(profile, outDir, file, "xlsx");
	}

	/**
	 * Saves the file as {@code format} (xlsx, pdf) with LibreOffice, in {@code outDir}.
	 */
	private static void convert(Path profile, Path outDir, Path file, String format) throws Exception {
		Files.createDirectories(profile);
		Path log = profile.resolveSibling("soffice.log");
		Process process = new ProcessBuilder("soffice", "-env:UserInstallation=" + profile.toUri(), "--headless",
				"--norestore", "--convert-to", format, "--outdir", outDir.toString(), file.toString())
			.redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
		if (!process.waitFor(120, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			fail("LibreOffice did not finish within 120 s: " + Files.readString(log, StandardCharsets.UTF_8));
		}
		String name = file.getFileName().toString();
		assertThat(outDir.resolve(name.substring(0, name.lastIndexOf('.') + 1) + format))
			.as(Files.readString(log, StandardCharsets.UTF_8))
			.exists();
	}

}
