package org.unccd.cst.report.xlsx;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.unccd.cst.aggregate.RejectsCsvWriter;

/**
 * The rows of a worksheet's {@code sheetData}, written as SpreadsheetML straight into a
 * stream: the way a list of a million rows goes into a workbook without a cell object per
 * value.
 * <p>
 * Cells are written as POI's streaming writer writes them: each row and cell with its
 * reference, text as inline strings (a text a spreadsheet would take for a formula
 * carries the quote-prefixed style), numbers as their decimal figures, dates as serial
 * day numbers, a missing value as an empty cell with its style. Characters XML cannot
 * hold become {@code ?}; line breaks and tabs are kept as character references.
 */
final class RowXml {

	/** Days from Excel's day 0 (1899-12-30) to 1970-01-01. */
	private static final long EPOCH_SERIAL = 25_569;

	/** Serial numbers are plain day counts from this date on (Excel's 1900 leap day). */
	private static final LocalDate PLAIN_SERIALS_FROM = LocalDate.of(1900, 3, 1);

	private final OutputStream out;

	private final byte[] buffer = new byte[1 << 16];

	private int length;

	private final byte[][] columns = new byte[64][];

	private final byte[] rowDigits = new byte[20];

	private int rowDigitCount;

	private int column;

	private boolean rowOpen;

	RowXml(OutputStream out) {
		this.out = out;
	}

	/** Starts row {@code number} (1-based, as a spreadsheet numbers rows). */
	RowXml row(long number) {
		return row(number, 0);
	}

	/**
	 * Starts row {@code number} (1-based), {@code lines} lines of the default font tall,
	 * or of the default height for fewer than two.
	 */
	RowXml row(long number, int lines) {
		endRow();
		this.column = 0;
		this.rowDigitCount = 0;
		long n = number;
		do {
			this.rowDigits[this.rowDigitCount++] = (byte) ('0' + (n % 10));
			n /= 10;
		}
		while (n > 0);
		ascii("<row r=\"");
		rowNumber();
		if (lines > 1) {
			ascii("\" ht=\"");
			ascii(Integer.toString((int) WrappedText.height(lines)));
			ascii("\" customHeight=\"1");
		}
		ascii("\">");
		this.rowOpen = true;
		return this;
	}

	/** A text cell; a text a spreadsheet would read as a formula gets {@code quoted}. */
	RowXml text(String value, int style, int quoted) {
		if (value == null) {
			return blank(style);
		}
		boolean formulaLike = !RejectsCsvWriter.neutralize(value).equals(value);
		open(formulaLike ? quoted : style);
		ascii(" t=\"inlineStr\"><is><t");
		if (!value.isEmpty() && (Character.isWhitespace(value.charAt(0))
				|| Character.isWhitespace(value.charAt(value.length() - 1)))) {
			ascii(" xml:space=\"preserve\"");
		}
		put('>');
		escaped(value);
		ascii("</t></is></c>");
		return this;
	}

	/** A number cell with the value's exact decimal figures. */
	RowXml number(BigDecimal value, int style) {
		if (value == null) {
			return blank(style);
		}
		open(style);
		ascii("><v>");
		ascii((value.signum() == 0) ? "0" : value.stripTrailingZeros().toPlainString());
		ascii("</v></c>");
		return this;
	}

	RowXml integer(long value, int style) {
		open(style);
		ascii("><v>");
		ascii(Long.toString(value));
		ascii("</v></c>");
		return this;
	}

	/** A date cell: its serial day number, shown through the style's date format. */
	RowXml date(LocalDate value, int style) {
		if (value == null) {
			return blank(style);
		}
		open(style);
		ascii("><v>");
		if (value.isBefore(PLAIN_SERIALS_FROM)) {
			ascii(Double.toString(DateUtil.getExcelDate(value)));
		}
		else {
			ascii(Long.toString(value.toEpochDay() + EPOCH_SERIAL));
		}
		ascii("</v></c>");
		return this;
	}

	/** An empty cell that keeps its column's style. */
	RowXml blank(int style) {
		open(style);
		ascii("/>");
		return this;
	}

	/** Ends the last row and hands every byte on. */
	void finish() {
		endRow();
		drain();
	}

	private void endRow() {
		if (this.rowOpen) {
			ascii("</row>");
			this.rowOpen = false;
		}
	}

	private void open(int style) {
		ascii("<c r=\"");
		byte[] letters = (this.column < this.columns.length) ? this.columns[this.column] : null;
		if (letters == null) {
			letters = CellReference.convertNumToColString(this.column).getBytes(StandardCharsets.US_ASCII);
			if (this.column < this.columns.length) {
				this.columns[this.column] = letters;
			}
		}
		for (byte letter : letters) {
			put(letter);
		}
		rowNumber();
		ascii("\" s=\"");
		ascii(Integer.toString(style));
		put('"');
		this.column++;
	}

	private void rowNumber() {
		for (int i = this.rowDigitCount - 1; i >= 0; i--) {
			put(this.rowDigits[i]);
		}
	}

	private void ascii(String text) {
		for (int i = 0; i < text.length(); i++) {
			put(text.charAt(i));
		}
	}

	private void escaped(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c >= 0x20 && c < 0x80) {
				switch (c) {
					case '<' -> ascii("&lt;");
					case '>' -> ascii("&gt;");
					case '&' -> ascii("&amp;");
					default -> put(c);
				}
			}
			else if (c == '\n') {
				ascii("&#xa;");
			}
			else if (c == '\r') {
				ascii("&#xd;");
			}
			else if (c == '\t') {
				ascii("&#x9;");
			}
			else if (c < 0x20 || c == 0xFFFE || c == 0xFFFF) {
				put('?');
			}
			else if (Character.isHighSurrogate(c) && i + 1 < text.length()
					&& Character.isLowSurrogate(text.charAt(i + 1))) {
				int code = Character.toCodePoint(c, text.charAt(++i));
				put(0xF0 | (code >> 18));
				put(0x80 | ((code >> 12) & 0x3F));
				put(0x80 | ((code >> 6) & 0x3F));
				put(0x80 | (code & 0x3F));
			}
			else if (Character.isSurrogate(c)) {
				put('?');
			}
			else if (c < 0x800) {
				put(0xC0 | (c >> 6));
				put(0x80 | (c & 0x3F));
			}
			else {
				put(0xE0 | (c >> 12));
				put(0x80 | ((c >> 6) & 0x3F));
				put(0x80 | (c & 0x3F));
			}
		}
	}

	private void put(int b) {
		if (this.length == this.buffer.length) {
			drain();
		}
		this.buffer[this.length++] = (byte) b;
	}

	private void drain() {
		try {
			this.out.write(this.buffer, 0, this.length);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.length = 0;
	}

}
