package org.unccd.cst.report.xlsx;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * A stream whose bytes are written to another stream by a thread of its own, so that
 * making the bytes (reading rows, encoding XML) and taking them (compressing them into
 * the workbook's zip) run on two cores at once. A few buffers travel between the two
 * threads, so memory stays the same however many bytes go through.
 * <p>
 * {@link #close()} waits until every byte is written and reports the writer's failure, if
 * any; it does not close the target stream.
 */
final class BackgroundOutputStream extends OutputStream {

	private static final int BUFFERS = 8;

	private static final int BUFFER_SIZE = 1 << 16;

	private static final byte[] END = new byte[0];

	private final BlockingQueue<byte[]> free = new ArrayBlockingQueue<>(BUFFERS);

	private final BlockingQueue<Filled> full = new ArrayBlockingQueue<>(BUFFERS + 1);

	private final Thread writer;

	private volatile Throwable failure;

	private byte[] current;

	private int length;

	private boolean closed;

	BackgroundOutputStream(OutputStream target, String name) {
		for (int i = 0; i < BUFFERS; i++) {
			this.free.add(new byte[BUFFER_SIZE]);
		}
		this.writer = Thread.ofPlatform().name(name).daemon().start(() -> drain(target));
	}

	/** Writes the buffers handed over; after a failure, only gives them back. */
	private void drain(OutputStream target) {
		try {
			while (true) {
				Filled filled = this.full.take();
				if (filled.bytes() == END) {
					return;
				}
				if (this.failure == null) {
					try {
						target.write(filled.bytes(), 0, filled.length());
					}
					catch (Throwable ex) {
						this.failure = ex;
					}
				}
				this.free.put(filled.bytes());
			}
		}
		catch (InterruptedException ex) {
			this.failure = ex;
		}
	}

	@Override
	public void write(int b) throws IOException {
		write(new byte[] { (byte) b }, 0, 1);
	}

	@Override
	public void write(byte[] bytes, int offset, int count) throws IOException {
		check();
		int from = offset;
		int left = count;
		while (left > 0) {
			if (this.current == null) {
				this.current = take(this.free);
				this.length = 0;
			}
			int n = Math.min(left, this.current.length - this.length);
			System.arraycopy(bytes, from, this.current, this.length, n);
			this.length += n;
			from += n;
			left -= n;
			if (this.length == this.current.length) {
				hand(this.current, this.length);
				this.current = null;
			}
		}
	}

	@Override
	public void close() throws IOException {
		if (this.closed) {
			return;
		}
		this.closed = true;
		if (this.current != null && this.length > 0) {
			hand(this.current, this.length);
			this.current = null;
		}
		hand(END, 0);
		try {
			this.writer.join();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new InterruptedIOException("interrupted while the workbook was being written");
		}
		check();
	}

	private void hand(byte[] buffer, int count) throws IOException {
		try {
			this.full.put(new Filled(buffer, count));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new InterruptedIOException("interrupted while the workbook was being written");
		}
	}

	private byte[] take(BlockingQueue<byte[]> queue) throws IOException {
		try {
			return queue.take();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new InterruptedIOException("interrupted while the workbook was being written");
		}
	}

	private void check() throws IOException {
		Throwable ex = this.failure;
		if (ex instanceof IOException io) {
			throw new IOException(io.getMessage(), io);
		}
		if (ex instanceof RuntimeException runtime) {
			throw runtime;
		}
		if (ex instanceof Error error) {
			throw error;
		}
		if (ex != null) {
			throw new IOException(ex);
		}
	}

	private record Filled(byte[] bytes, int length) {
	}

}
