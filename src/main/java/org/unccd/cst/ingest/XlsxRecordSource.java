package org.unccd.cst.ingest;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.IntSupplier;

import com.github.pjfanning.xlsx.StreamingReader;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;

/**
 * The records of an {@code .xlsx} workbook, streamed sheet by sheet: each sheet named
 * after a table is read like a CSV file, date cells and ISO text both giving ISO dates. A
 * workbook that cannot be read (corrupt, hostile, encrypted) becomes one rejected record,
 * line 0.
 */
final class XlsxRecordSource implements RecordSource {

	private final Path file;

	private final String label;

	private final IntSupplier nextSourceId;

	private Workbook workbook;

	private Iterator<Sheet> sheets;

	private Iterator<Row> rows;

	private HeaderMapping header;

	private DataTable table;

	private int sourceId;

	private String source;

	private boolean anySheet;

	private long sheetRows;

	private boolean done;

	private final Set<DataTable> tables;

	XlsxRecordSource(Path file, String label, IntSupplier nextSourceId) {
		this(file, label, nextSourceId, EnumSet.allOf(DataTable.class));
	}

	XlsxRecordSource(Path file, String label, IntSupplier nextSourceId, Set<DataTable> tables) {
		this.file = file;
		this.label = label;
		this.nextSourceId = nextSourceId;
		this.tables = tables;
	}

	@Override
	public RawRecord next(long seq) throws IOException {
		if (this.done) {
			return null;
		}
		try {
			if (this.workbook == null) {
				this.workbook = StreamingReader.builder()
					.rowCacheSize(200)
					.bufferSize(8192)
					.setUseSstTempFile(true)
					.setReadComments(false)
					.setReadHyperlinks(false)
					.setReadShapes(false)
					.open(this.file.toFile());
				this.sheets = this.workbook.sheetIterator();
			}
			while (true) {
				if (this.rows != null && this.rows.hasNext()) {
					Row row = this.rows.next();
					List<String> cells = cells(row);
					if (cells.stream().allMatch(String::isBlank)) {
						continue;
					}
					if (this.header == null) {
						this.header = new HeaderMapping(this.table, cells);
						continue;
					}
					this.sheetRows++;
					RawRecord record = this.header.record(seq, this.sourceId, this.source, row.getRowNum() + 1L, cells,
							false);
					String formula = formulaWithoutValue(row);
					if (formula != null && record.problem() == null) {
						// that row is rejected; the sheet's other rows are read on
						return new RawRecord(seq, this.sourceId, this.source, this.table, row.getRowNum() + 1L,
								record.values(),
								new RawRecord.Problem("", formula,
										"cell " + formula + " holds a formula with no value: open the file in a "
												+ "spreadsheet, let it calculate, save it and send it again"));
					}
					return record;
				}
				if (this.rows != null && this.header == null) {
					this.rows = null;
					return new RawRecord(seq, this.sourceId, this.source, this.table, 0, null,
							new RawRecord.Problem("", "", "the sheet is empty: it has no header row"));
				}
				if (this.rows != null && this.sheetRows == 0) {
					this.rows = null;
					return RawRecord.emptySource(seq, this.sourceId, this.source, this.table);
				}
				if (!this.sheets.hasNext()) {
					this.done = true;
					if (!this.anySheet) {
						return wholeFile(seq, "no sheet is named after a table (progress, expenditures, funding, "
								+ "findings, recommendations, rates)");
					}
					return null;
				}
				Sheet sheet = this.sheets.next();
				DataTable sheetTable = DataTable.forName(sheet.getSheetName()).orElse(null);
				if (sheetTable == null || !this.tables.contains(sheetTable)) {
					this.anySheet |= sheetTable != null;
					this.rows = null;
					continue;
				}
				this.anySheet = true;
				this.table = sheetTable;
				this.sourceId = this.nextSourceId.getAsInt();
				this.source = this.label + "!" + sheet.getSheetName();
				this.header = null;
				this.sheetRows = 0;
				this.rows = sheet.rowIterator();
			}
		}
		catch (RuntimeException | StackOverflowError ex) {
			this.done = true;
			String where = (this.source != null) ? this.source : this.label;
			return new RawRecord(seq, (this.source != null) ? this.sourceId : this.nextSourceId.getAsInt(), where,
					this.table, 0, null, new RawRecord.Problem("", "", "the workbook cannot be read: " + reason(ex)));
		}
	}

	private RawRecord wholeFile(long seq, String reason) {
		return new RawRecord(seq, this.nextSourceId.getAsInt(), this.label, null, 0, null,
				new RawRecord.Problem("", "", reason));
	}

	private static String reason(Throwable ex) {
		Throwable root = ex;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		String message = (root.getMessage() != null) ? root.getMessage() : root.getClass().getSimpleName();
		message = message.replaceAll("\\s+", " ").strip();
		if (message.toLowerCase(java.util.Locale.ROOT).contains("zip bomb")) {
			return "it expands far beyond its size (a zip bomb); it was not read";
		}
		if (message.toLowerCase(java.util.Locale.ROOT).contains("doctype")) {
			return "it contains an XML document type declaration (possible XXE attack); it was not read";
		}
		return (message.length() > 300) ? message.substring(0, 300) + "…" : message;
	}

	private static List<String> cells(Row row) {
		int last = Math.max(row.getLastCellNum(), 0);
		List<String> cells = new ArrayList<>(last);
		for (int i = 0; i < last; i++) {
			cells.add(text(row.getCell(i)));
		}
		return cells;
	}

	/**
	 * The reference of the first cell of a row that holds a formula with no stored result
	 * (as files written by scripts often have them), or {@code null}.
	 */
	private static String formulaWithoutValue(Row row) {
		for (Cell cell : row) {
			if (cell != null && cell.getCellType() == CellType.FORMULA && !hasValue(cell)) {
				return new org.apache.poi.ss.util.CellReference(cell).formatAsString(false);
			}
		}
		return null;
	}

	private static boolean hasValue(Cell cell) {
		try {
			CellType type = cell.getCachedFormulaResultType();
			return switch (type) {
				case STRING -> !cell.getStringCellValue().isEmpty();
				case NUMERIC, BOOLEAN, ERROR -> {
					cell.toString();
					yield true;
				}
				default -> false;
			};
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	private static String text(Cell cell) {
		if (cell == null) {
			return "";
		}
		CellType type = cell.getCellType();
		if (type == CellType.FORMULA) {
			if (!hasValue(cell)) {
				return "";
			}
			type = cell.getCachedFormulaResultType();
		}
		return switch (type) {
			case NUMERIC -> {
				if (DateUtil.isCellDateFormatted(cell)) {
					LocalDateTime value = cell.getLocalDateTimeCellValue();
					yield (value != null) ? value.toLocalDate().toString() : "";
				}
				BigDecimal number = BigDecimal.valueOf(cell.getNumericCellValue());
				String format = (cell.getCellStyle() != null) ? cell.getCellStyle().getDataFormatString() : null;
				if (format != null && format.contains("%")) {
					// a cell shown as 60% holds 0.6: read what the officer sees
					number = number.movePointRight(2);
				}
				yield number.stripTrailingZeros().toPlainString();
			}
			case STRING -> cell.getStringCellValue();
			case BOOLEAN -> String.valueOf(cell.getBooleanCellValue());
			case ERROR -> "#ERROR";
			default -> "";
		};
	}

	@Override
	public void close() throws IOException {
		if (this.workbook != null) {
			this.workbook.close();
		}
	}

}
