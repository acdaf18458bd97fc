package org.unccd.cst.report.xlsx;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Rewrites a zip container (a workbook) with every entry dated the same fixed time, in
 * the order written, so that the same content always gives the same bytes.
 */
final class StableZip {

	private StableZip() {
	}

	static void rewrite(Path source, Path target, LocalDate date) throws IOException {
		long time = date.atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
		try (ZipFile in = new ZipFile(source.toFile());
				OutputStream out = Files.newOutputStream(target);
				ZipOutputStream zip = new ZipOutputStream(out)) {
			zip.setLevel(6);
			for (ZipEntry entry : Collections.list(in.entries())) {
				ZipEntry copy = new ZipEntry(entry.getName());
				copy.setTime(time);
				zip.putNextEntry(copy);
				try (InputStream content = in.getInputStream(entry)) {
					content.transferTo(zip);
				}
				zip.closeEntry();
			}
		}
	}

}
