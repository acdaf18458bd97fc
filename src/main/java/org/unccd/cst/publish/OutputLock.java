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
 * outputs, which dies with its process, so a crashed run never blocks the next one.
 */
public final class OutputLock implements AutoCloseable {

	private final FileChannel channel;

	private final FileLock lock;

	private OutputLock(FileChannel channel, FileLock lock) {
		this.channel = channel;
		this.lock = lock;
	}

	/** Takes the lock of {@code output}, or says who holds it. */
	public static Optional<OutputLock> tryAcquire(Path output) throws IOException {
		Path dir = output.resolve(".cst-reports");
		Files.createDirectories(dir);
		FileChannel channel = FileChannel.open(dir.resolve("lock"), StandardOpenOption.CREATE, StandardOpenOption.READ,
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
		try {
			return Files.readString(output.resolve(".cst-reports").resolve("lock")).strip();
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
