package org.unccd.cst.publish;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The console's claim on an output folder, for as long as it serves it: an
 * operating-system lock on {@code OUTPUT/.cst-reports/console.lock}, which dies with the
 * console's process. A command-line run on a folder that a console serves in another
 * process is refused as busy; the console's own runs go on.
 */
public final class ConsoleLock implements AutoCloseable {

	static final String FILE = "console.lock";

	private static final Set<Path> SERVED_HERE = ConcurrentHashMap.newKeySet();

	private final Path output;

	private final FileChannel channel;

	private final FileLock lock;

	private ConsoleLock(Path output, FileChannel channel, FileLock lock) {
		this.output = output;
		this.channel = channel;
		this.lock = lock;
	}

	/**
	 * Claims {@code output} for a console reached at {@code address}; empty when another
	 * console serves it.
	 */
	public static Optional<ConsoleLock> tryAcquire(Path output, String address) throws IOException {
		Path key = output.toAbsolutePath().normalize();
		Path dir = key.resolve(".cst-reports");
		Files.createDirectories(dir);
		FileChannel channel = FileChannel.open(dir.resolve(FILE), StandardOpenOption.CREATE, StandardOpenOption.READ,
				StandardOpenOption.WRITE);
		FileLock lock;
		try {
			lock = channel.tryLock();
		}
		catch (OverlappingFileLockException ex) {
			lock = null;
		}
		if (lock == null) {
			channel.close();
			return Optional.empty();
		}
		String holder = "pid " + ProcessHandle.current().pid() + ", " + address + ", started " + Instant.now() + "\n";
		channel.truncate(0);
		channel.write(ByteBuffer.wrap(holder.getBytes(StandardCharsets.UTF_8)), 0);
		channel.force(false);
		SERVED_HERE.add(key);
		return Optional.of(new ConsoleLock(key, channel, lock));
	}

	/**
	 * Who serves {@code output} from another process, as that console wrote it; empty
	 * when no console does, or when this process's console does.
	 */
	public static Optional<String> servedElsewhere(Path output) throws IOException {
		Path key = output.toAbsolutePath().normalize();
		Path file = key.resolve(".cst-reports").resolve(FILE);
		if (SERVED_HERE.contains(key) || !Files.isRegularFile(file)) {
			return Optional.empty();
		}
		try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
			FileLock probe;
			try {
				probe = channel.tryLock();
			}
			catch (OverlappingFileLockException ex) {
				probe = null;
			}
			if (probe != null) {
				probe.release();
				return Optional.empty();
			}
		}
		return Optional.of(Files.readString(file, StandardCharsets.UTF_8).strip());
	}

	@Override
	public void close() throws IOException {
		SERVED_HERE.remove(this.output);
		this.lock.release();
		this.channel.close();
	}

}
