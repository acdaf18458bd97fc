package org.unccd.cst.ingest;

import java.io.Closeable;
import java.io.IOException;

/**
 * The records of one data file, in order, as the reader walks the input folder.
 */
interface RecordSource extends Closeable {

	/** The next record, or {@code null} at the end. */
	RawRecord next(long seq) throws IOException;

	@Override
	default void close() throws IOException {
	}

}
