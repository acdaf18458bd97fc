package org.unccd.cst.ingest;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.sql.Types;
import java.time.LocalDate;
import java.util.Arrays;

/**
 * The binary form of the ledger's rows ({@link LedgerFiles}): each row is its length in
 * bytes, then its values in the order of {@link StagingSchema#insert}, each a byte that
 * says whether it is given, then the value: a {@code long} (seq, line), an {@code int}
 * (source), a day number (date), a scale and an unscaled {@code long} or, past 63 bits,
 * its bytes (decimal), or a length and UTF-8 bytes (text). All big-endian. The first
 * value is the seq, so a reader can pass over a row without reading its values.
 */
final class LedgerCodec {

	private static final byte NULL = 0;

	private static final byte GIVEN = 1;

	/** A decimal whose unscaled value does not fit a {@code long}. */
	private static final byte BIG = 2;

	/**
	 * The length and the seq of a row: what a reader reads before deciding to skip it.
	 */
	static final int HEAD = 4 + 1 + 8;

	private LedgerCodec() {
	}

	/** Encodes rows into one growing array, to be written at once. */
	static final class Encoder {

		private final int[] types;

		private final int[] scales;

		private byte[] bytes = new byte[1 << 16];

		private int size;

		/**
		 * @param types the JDBC type of each value of a row
		 * @param scales the scale of each decimal value, -1 for others
		 */
		Encoder(int[] types, int[] scales) {
			this.types = types;
			this.scales = scales;
		}

		void row(Object[] values) {
			int start = this.size;
			room(4);
			this.size += 4;
			for (int i = 0; i < this.types.length; i++) {
				value(this.types[i], this.scales[i], values[i]);
			}
			int length = this.size - start - 4;
			putInt(start, length);
		}

		byte[] bytes() {
			return this.bytes;
		}

		int size() {
			return this.size;
		}

		private void value(int type, int scale, Object value) {
			room(1);
			if (value == null) {
				this.bytes[this.size++] = NULL;
				return;
			}
			switch (type) {
				case Types.BIGINT -> {
					given();
					putLong(((Number) value).longValue());
				}
				case Types.INTEGER -> {
					given();
					room(4);
					putInt(this.size, ((Number) value).intValue());
					this.size += 4;
				}
				case Types.DATE -> {
					given();
					putLong(((LocalDate) value).toEpochDay());
				}
				case Types.DECIMAL -> decimal((BigDecimal) value, scale);
				default -> {
					given();
					byte[] text = ((String) value).getBytes(StandardCharsets.UTF_8);
					room(4 + text.length);
					putInt(this.size, text.length);
					System.arraycopy(text, 0, this.bytes, this.size + 4, text.length);
					this.size += 4 + text.length;
				}
			}
		}

		private void decimal(BigDecimal given, int scale) {
			// at the scale of the staging table's column, as the database would keep it
			BigDecimal value = (scale >= 0 && given.scale() != scale) ? given.setScale(scale, RoundingMode.HALF_UP)
					: given;
			BigInteger unscaled = value.unscaledValue();
			room(1 + 4 + 8);
			if (unscaled.bitLength() < 64) {
				this.bytes[this.size++] = GIVEN;
				putInt(this.size, value.scale());
				this.size += 4;
				putLong(unscaled.longValue());
			}
			else {
				byte[] magnitude = unscaled.toByteArray();
				room(1 + 4 + 4 + magnitude.length);
				this.bytes[this.size++] = BIG;
				putInt(this.size, value.scale());
				putInt(this.size + 4, magnitude.length);
				System.arraycopy(magnitude, 0, this.bytes, this.size + 8, magnitude.length);
				this.size += 8 + magnitude.length;
			}
		}

		private void given() {
			this.bytes[this.size++] = GIVEN;
		}

		private void putLong(long value) {
			room(8);
			for (int shift = 56; shift >= 0; shift -= 8) {
				this.bytes[this.size++] = (byte) (value >>> shift);
			}
		}

		private void putInt(int at, int value) {
			this.bytes[at] = (byte) (value >>> 24);
			this.bytes[at + 1] = (byte) (value >>> 16);
			this.bytes[at + 2] = (byte) (value >>> 8);
			this.bytes[at + 3] = (byte) value;
		}

		private void room(int more) {
			if (this.size + more > this.bytes.length) {
				this.bytes = Arrays.copyOf(this.bytes, Math.max(this.bytes.length * 2, this.size + more));
			}
		}

	}

	/** Decodes the rows of a file, a block at a time. */
	static final class Decoder implements Closeable {

		private final FileChannel channel;

		private final int[] types;

		private ByteBuffer buffer = ByteBuffer.allocate(1 << 20).limit(0);

		private int length;

		/**
		 * @param channel the file, read from its start
		 * @param types the JDBC type of each value of a row
		 */
		Decoder(FileChannel channel, int[] types) {
			this.channel = channel;
			this.types = types;
		}

		/** Reads the next row's length and seq; then {@link #skip} or {@link #row}. */
		long next() throws IOException {
			need(HEAD);
			this.length = this.buffer.getInt();
			if (this.buffer.get() != GIVEN) {
				throw new IOException("a ledger row without its seq");
			}
			return this.buffer.getLong();
		}

		void skip() throws IOException {
			int rest = this.length - 9;
			while (rest > 0) {
				need(Math.min(rest, this.buffer.capacity()));
				int step = Math.min(rest, this.buffer.remaining());
				this.buffer.position(this.buffer.position() + step);
				rest -= step;
			}
		}

		/** The values of the row whose seq {@link #next} read. */
		Object[] row(long seq) throws IOException {
			need(this.length - 9);
			Object[] row = new Object[this.types.length];
			row[0] = seq;
			for (int i = 1; i < row.length; i++) {
				row[i] = value(this.types[i]);
			}
			return row;
		}

		private Object value(int type) {
			ByteBuffer in = this.buffer;
			byte tag = in.get();
			if (tag == NULL) {
				return null;
			}
			return switch (type) {
				case Types.BIGINT -> in.getLong();
				case Types.INTEGER -> in.getInt();
				case Types.DATE -> LocalDate.ofEpochDay(in.getLong());
				case Types.DECIMAL -> {
					int scale = in.getInt();
					if (tag == BIG) {
						byte[] magnitude = new byte[in.getInt()];
						in.get(magnitude);
						yield new BigDecimal(new BigInteger(magnitude), scale);
					}
					yield BigDecimal.valueOf(in.getLong(), scale);
				}
				default -> {
					int bytes = in.getInt();
					String text = new String(in.array(), in.arrayOffset() + in.position(), bytes,
							StandardCharsets.UTF_8);
					in.position(in.position() + bytes);
					yield text;
				}
			};
		}

		/** Makes the buffer hold at least {@code bytes} unread bytes. */
		private void need(int bytes) throws IOException {
			if (this.buffer.remaining() >= bytes) {
				return;
			}
			if (bytes > this.buffer.capacity()) {
				ByteBuffer larger = ByteBuffer.allocate(bytes);
				larger.put(this.buffer);
				this.buffer = larger;
			}
			else {
				this.buffer.compact();
			}
			while (this.buffer.position() < bytes) {
				if (this.channel.read(this.buffer) < 0) {
					throw new EOFException("the ledger's staged rows end within a row");
				}
			}
			this.buffer.flip();
		}

		@Override
		public void close() throws IOException {
			this.channel.close();
		}

	}

}
