package org.unccd.cst.publish;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Optional;

/**
 * One run at a time per output folder: an operating-system lock on a file beside the
 * outputs, which dies with its process, so a crashed run never blocks the next one. The
 * distribution of a published set takes a lock of its own, on another file of the same
 * folder ({@link #DISTRIBUTION}), so that a run need not wait for the mail.
 */
public final class OutputLock implements AutoCloseable {

	/** The file of the output folder's lock, held by a run. */
	public static final String RUN = "lock";

	/** The file of the distribution's lock, held while a set is mailed. */
	public static final String DISTRIBUTION = "distribution.lock";

	private final FileChannel channel;

	private final FileLock lock;

	private OutputLock(FileChannel channel, FileLock lock) {
		this.channel = channel;
		this.lock = lock;
	}

	/** Takes the lock of {@code output}, or says who holds it. */
	public static Optional<OutputLock> tryAcquire(Path output) throws IOException {
		return tryAcquire(output, RUN);
	}

	/** Takes the lock named {@code name} of {@code output}, or says who holds it. */
	public static Optional<OutputLock> tryAcquire(Path output, String name) throws IOException {
		Path dir = output.resolve(".cst-reports");
		Files.createDirectories(dir);
		FileChannel channel = FileChannel.open(dir.resolve(name), StandardOpenOption.CREATE, StandardOpenOption.READ,
				StandardOpenOption.WRITE);
		FileLock lock;
		try {
			lock = channel.tryLock();
		}
		catch (java.nio.channels.OverlappingFileLockException ex) {
			lock = null;
		}
		if (lock == null) {
			channel.close();
			return Optional.empty();
		}
		String holder = "pid " + ProcessHandle.current().pid() + ", started " + Instant.now() + "\n";
		channel.truncate(0);
		channel.write(ByteBuffer.wrap(holder.getBytes(StandardCharsets.UTF_8)), 0);
		channel.force(false);
		return Optional.of(new OutputLock(channel, lock));
	}

	/** Who holds the lock of {@code output}, as the holder wrote it. */
	public static String holder(Path output) {
		return holder(output, RUN);
	}

	/**
	 * Who holds the lock named {@code name} of {@code output}, as the holder wrote it.
	 */
	public static String holder(Path output, String name) {
		try {
			return Files.readString(output.resolve(".cst-reports").resolve(name)).strip();
		}
		catch (IOException ex) {
			return "unknown holder";
		}
	}

	@Override
	public void close() throws IOException {
		this.lock.release();
		this.channel.close();
	}

}
