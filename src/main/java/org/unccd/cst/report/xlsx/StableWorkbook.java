package org.unccd.cst.report.xlsx;

import java.io.IOException;
import java.io.OutputStream;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.zip.Deflater;

import org.apache.commons.compress.archivers.zip.Zip64Mode;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * A streaming workbook whose zip entries all carry the same fixed time, so that the same
 * content always gives the same bytes, without a second pass over the file.
 * <p>
 * It is written by POI's own Zip64 writer (the one {@link Zip64Mode#Always} selects),
 * which stores every entry with a zero time and which Excel and LibreOffice both open.
 * Commons Compress's Zip64 records, which a plain {@code ZipArchiveOutputStream} writes
 * in that mode, make LibreOffice refuse the file. Entries are compressed at the fastest
 * level, which costs about a third more bytes (77 MB instead of 58 MB for a ledger of a
 * million rows) for much less processor time.
 * <p>
 * A sheet can have {@linkplain #streamRows rows written at the end}: straight from their
 * source into the sheet's zip entry, as the workbook is written, on two threads (one
 * makes the XML, one compresses it).
 */
final class StableWorkbook extends SXSSFWorkbook {

	/** Rows kept in memory per sheet; the rest are on disk. */
	private static final int WINDOW = 500;

	private final Map<SXSSFSheet, SheetRows> streamed = new IdentityHashMap<>();

	private final Map<SXSSFSheet, CellRangeAddress> extents = new IdentityHashMap<>();

	StableWorkbook() {
		super(null, WINDOW, false, false);
		setZip64Mode(Zip64Mode.Always);
	}

	/**
	 * Writes {@code rows} after the rows of {@code sheet} already made, when the workbook
	 * is written; {@code extent} is the range the sheet's cells will cover, which the
	 * sheet's dimension gives readers beforehand.
	 */
	void streamRows(SXSSFSheet sheet, CellRangeAddress extent, SheetRows rows) {
		this.streamed.put(sheet, rows);
		this.extents.put(sheet, extent);
	}

	@Override
	protected void flushSheets() throws IOException {
		super.flushSheets();
		this.extents
			.forEach((sheet, extent) -> getXSSFWorkbook().getSheet(sheet.getSheetName()).setDimensionOverride(extent));
	}

	@Override
	protected ZipArchiveOutputStream createArchiveOutputStream(OutputStream out) {
		ZipArchiveOutputStream zip = super.createArchiveOutputStream(out);
		zip.setLevel(Deflater.BEST_SPEED);
		return zip;
	}

	@Override
	protected ISheetInjector createSheetInjector(SXSSFSheet sheet) throws IOException {
		ISheetInjector made = super.createSheetInjector(sheet);
		SheetRows rows = this.streamed.get(sheet);
		if (rows == null) {
			return made;
		}
		return (out) -> {
			made.writeSheetData(out);
			try (BackgroundOutputStream background = new BackgroundOutputStream(out, "workbook-zip")) {
				RowXml xml = new RowXml(background);
				rows.write(xml);
				xml.finish();
			}
		};
	}

	/** Rows written into a sheet as the workbook is written. */
	@FunctionalInterface
	interface SheetRows {

		void write(RowXml xml) throws IOException;

	}

}
