package org.unccd.cst.report.xlsx;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.time.ZoneId;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * A streaming workbook whose zip entries all carry the same fixed time, so that the same
 * content always gives the same bytes, without a second pass over the file.
 */
final class StableWorkbook extends SXSSFWorkbook {

	/** Rows kept in memory per sheet; the rest are on disk. */
	private static final int WINDOW = 500;

	private final long time;

	StableWorkbook(LocalDate date) {
		super(null, WINDOW, false, false);
		// zip stores local DOS time: midnight in this JVM's zone is written as 00:00
		// whatever the zone
		this.time = date.atStartOfDay(ZoneId.systemDefault()).toInstant().toEpochMilli();
	}

	@Override
	protected ZipArchiveOutputStream createArchiveOutputStream(OutputStream out) {
		ZipArchiveOutputStream zip = new ZipArchiveOutputStream(out) {
			@Override
			public void putArchiveEntry(ZipArchiveEntry entry) throws IOException {
				entry.setTime(StableWorkbook.this.time);
				super.putArchiveEntry(entry);
			}
		};
		zip.setUseZip64(this.zip64Mode);
		return zip;
	}

}
