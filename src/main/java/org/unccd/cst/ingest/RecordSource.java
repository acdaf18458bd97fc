package org.unccd.cst.ingest;

import java.io.Closeable;
import java.io.IOException;

/**
 * The records of one data file, in order, as the reader walks the input folder.
 */
interface RecordSource extends Closeable {

	/** The next record, or {@code null} at the end. */
	RawRecord next(long seq) throws IOException;

	/**
	 * How many bytes of the file have been read so far, for the progress display; 0 when
	 * the source cannot tell (a workbook is counted once it is done).
	 */
	default long bytesRead() {
		return 0;
	}

	@Override
	default void close() throws IOException {
	}

}
