package org.unccd.cst.ingest;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

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

	/**
	 * Whether the next line is the header of a file whose values use another separator.
	 */
	private boolean separatorHeader;

	private final CountingInputStream bytes;

	/** Whether the file is UTF-16, as Excel saves "Unicode text": it is not read. */
	private final boolean utf16;

	/** Said of a UTF-16 file, once, instead of its rows. */
	static final String UTF16 = "the file is UTF-16 (as Excel saves \"Unicode text\"), not UTF-8: "
			+ "save it as \"CSV UTF-8 (comma delimited)\" and send it again";

	CsvRecordSource(Path file, DataTable table, int sourceId, String source) throws IOException {
		CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPLACE)
			.onUnmappableCharacter(CodingErrorAction.REPLACE)
			.replaceWith(String.valueOf(INVALID));
		this.bytes = new CountingInputStream(Files.newInputStream(file));
		this.utf16 = isUtf16(file);
		this.parser = new CsvRecordParser(new InputStreamReader(this.bytes, decoder));
		this.table = table;
		this.sourceId = sourceId;
		this.source = source;
	}

	@Override
	public long bytesRead() {
		return this.bytes.count();
	}

	/**
	 * A UTF-16 byte order mark, or the zero bytes that UTF-16 gives every Latin letter in
	 * the first bytes of a file.
	 */
	private static boolean isUtf16(Path file) throws IOException {
		byte[] head = new byte[64];
		int read;
		try (var in = Files.newInputStream(file)) {
			read = in.readNBytes(head, 0, head.length);
		}
		if (read >= 2 && ((head[0] == (byte) 0xFF && head[1] == (byte) 0xFE)
				|| (head[0] == (byte) 0xFE && head[1] == (byte) 0xFF))) {
			return true;
		}
		int zeros = 0;
		for (int i = 0; i < read; i++) {
			zeros += (head[i] == 0) ? 1 : 0;
		}
		return read >= 8 && zeros * 4 >= read;
	}

	@Override
	public RawRecord next(long seq) throws IOException {
		if (this.utf16) {
			if (this.emptyReported) {
				return null;
			}
			this.emptyReported = true;
			return fileProblem(seq, UTF16);
		}
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
			String separator = separatorLine(record);
			if (separator != null) {
				if (separator.equals(",")) {
					// Excel's hint that the values are separated by commas, as they are
					return next(seq);
				}
				this.separatorHeader = true;
				this.headerProblem = "the file's first line \"sep=" + separator
						+ "\" says its values are separated by \"" + separator
						+ "\": save it as \"CSV UTF-8 (comma delimited)\", with commas, and send it again";
				return next(seq);
			}
			if (record.problem() != null) {
				this.headerProblem = "the header row cannot be read: " + record.problem();
			}
			else {
				this.header = new HeaderMapping(this.table, record.fields());
			}
			return next(seq);
		}
		if (this.headerProblem != null && this.separatorHeader) {
			// the header of a file separated otherwise: not a row
			this.separatorHeader = false;
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

	/**
	 * The separator a first line {@code sep=X}, as Excel writes it, names; or
	 * {@code null}.
	 */
	private static String separatorLine(CsvRecordParser.CsvRecord record) {
		List<String> fields = record.fields();
		String first = fields.isEmpty() ? "" : fields.get(0).strip();
		if (first.toLowerCase(java.util.Locale.ROOT).startsWith("sep=")) {
			if (fields.size() == 2 && first.length() == 4 && fields.get(1).isEmpty()) {
				// "sep=," splits into "sep=" and an empty field
				return ",";
			}
			if (fields.size() == 1 && first.length() == 5) {
				return first.substring(4);
			}
		}
		return null;
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
