package org.unccd.cst.report.xlsx;

import org.apache.commons.compress.archivers.zip.Zip64Mode;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * A streaming workbook whose zip entries all carry the same fixed time, so that the same
 * content always gives the same bytes, without a second pass over the file.
 * <p>
 * It is written by POI's own Zip64 writer (the one {@link Zip64Mode#Always} selects),
 * which stores every entry with a zero time and which Excel and LibreOffice both open.
 * Commons Compress's Zip64 records, which a plain {@code ZipArchiveOutputStream} writes
 * in that mode, make LibreOffice refuse the file.
 */
final class StableWorkbook extends SXSSFWorkbook {

	/** Rows kept in memory per sheet; the rest are on disk. */
	private static final int WINDOW = 500;

	StableWorkbook() {
		super(null, WINDOW, false, false);
		setZip64Mode(Zip64Mode.Always);
	}

}
