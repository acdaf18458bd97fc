package org.unccd.cst.ingest;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The records of one CSV file: UTF-8 with or without BOM, LF or CRLF, RFC 4180 quoting,
 * the first non-blank row as the header.
 */
final class CsvRecordSource implements RecordSource {

	/**
	 * Stands in for bytes that are not UTF-8, so that the row holding them is rejected.
	 */
	static final char INVALID = '\uFFFF';

	private final CsvRecordParser parser;

	private final DataTable table;

	private final int sourceId;

	private final String source;

	private HeaderMapping header;

	private boolean emptyReported;

	private long rows;

	private String headerProblem;

	private final CountingInputStream bytes;

	CsvRecordSource(Path file, DataTable table, int sourceId, String source) throws IOException {
		CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPLACE)
			.onUnmappableCharacter(CodingErrorAction.REPLACE)
			.replaceWith(String.valueOf(INVALID));
		this.bytes = new CountingInputStream(Files.newInputStream(file));
		this.parser = new CsvRecordParser(new InputStreamReader(this.bytes, decoder));
		this.table = table;
		this.sourceId = sourceId;
		this.source = source;
	}

	@Override
	public long bytesRead() {
		return this.bytes.count();
	}

	@Override
	public RawRecord next(long seq) throws IOException {
		CsvRecordParser.CsvRecord record;
		do {
			record = this.parser.next();
		}
		while (record != null && record.isBlank());
		if (record == null) {
			if (this.emptyReported) {
				return null;
			}
			this.emptyReported = true;
			if (this.headerProblem != null) {
				return (this.rows == 0) ? fileProblem(seq, this.headerProblem) : null;
			}
			if (this.header == null) {
				return fileProblem(seq, "the file is empty: it has no header row");
			}
			return (this.rows == 0) ? RawRecord.emptySource(seq, this.sourceId, this.source, this.table) : null;
		}
		if (this.header == null && this.headerProblem == null) {
			if (record.problem() != null) {
				this.headerProblem = "the header row cannot be read: " + record.problem();
			}
			else {
				this.header = new HeaderMapping(this.table, record.fields());
			}
			return next(seq);
		}
		if (this.headerProblem != null) {
			// without a header no row can be read: each is rejected with the header's
			// problem
			this.rows++;
			return new RawRecord(seq, this.sourceId, this.source, this.table, record.line(), null,
					new RawRecord.Problem("", "", this.headerProblem));
		}
		this.rows++;
		RawRecord raw = this.header.record(seq, this.sourceId, this.source, record.line(), record.fields(), true);
		if (record.problem() != null) {
			String column = (record.badField() >= 0) ? this.header.columnAt(record.badField()) : "";
			String value = (record.badField() >= 0 && record.badField() < record.fields().size())
					? record.fields().get(record.badField()) : "";
			return new RawRecord(seq, this.sourceId, this.source, this.table, record.line(), raw.values(),
					new RawRecord.Problem(column, value, record.problem()));
		}
		return raw;
	}

	private RawRecord fileProblem(long seq, String reason) {
		return new RawRecord(seq, this.sourceId, this.source, this.table, 0, null,
				new RawRecord.Problem("", "", reason));
	}

	@Override
	public void close() throws IOException {
		this.parser.close();
	}

}
