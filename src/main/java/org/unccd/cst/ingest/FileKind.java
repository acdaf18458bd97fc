package org.unccd.cst.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * What an input path is when it is not a regular file: a folder, a named pipe, a device,
 * a socket, a link to nothing. Found from its attributes alone, never by opening it, so
 * that a pipe nobody writes to cannot hold a run.
 */
final class FileKind {

	private static final int TYPE = 0170000;

	private static final int FIFO = 0010000;

	private static final int CHARACTER_DEVICE = 0020000;

	private static final int BLOCK_DEVICE = 0060000;

	private static final int SOCKET = 0140000;

	private FileKind() {
	}

	/** What the path is, or {@code null} when it is a regular file (through any link). */
	static String notRegular(Path path) {
		if (Files.isRegularFile(path)) {
			return null;
		}
		if (!Files.exists(path)) {
			return "a link to nothing";
		}
		if (Files.isDirectory(path)) {
			return "a folder";
		}
		try {
			int mode = (Integer) Files.getAttribute(path, "unix:mode");
			return switch (mode & TYPE) {
				case FIFO -> "a named pipe (FIFO)";
				case CHARACTER_DEVICE, BLOCK_DEVICE -> "a device";
				case SOCKET -> "a socket";
				default -> "a special file";
			};
		}
		catch (IOException | UnsupportedOperationException | IllegalArgumentException ex) {
			return "a special file";
		}
	}

	/** The reason of the line-0 reject of such a path. */
	static String reason(String kind, String instead) {
		return "not a regular file (" + kind + "), so it was not read: " + instead;
	}

	/** Whether anything is at the path, a link to nothing included. */
	static boolean present(Path path) {
		return Files.exists(path, LinkOption.NOFOLLOW_LINKS);
	}

}
