package org.unccd.cst.publish;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes a complete staging folder as {@code OUTPUT/<session>/} in two renames on the
 * same file system; a publication cut short is completed or rolled back at the next
 * start, so the folder always holds one whole set.
 */
public final class Publisher {

	private static final Logger log = LoggerFactory.getLogger(Publisher.class);

	private Publisher() {
	}

	/** Where the previous set waits while the new one takes its place. */
	static Path previous(Path output, String session) {
		return output.resolve(".cst-reports").resolve("previous-" + session);
	}

	public static void publish(Path staging, Path output, String session) throws IOException {
		publish(staging, output, session, SummaryArchive.DEFAULT_KEEP);
	}

	/**
	 * Publishes, first keeping the summary and rejects of the set it replaces for
	 * {@code --diff} ({@code keepHistory} generations of them).
	 */
	public static void publish(Path staging, Path output, String session, int keepHistory) throws IOException {
		Path target = output.resolve(session);
		Path previous = previous(output, session);
		deleteTree(previous);
		if (Files.exists(target)) {
			keepTemplates(target, staging);
			SummaryArchive.keepOutgoing(output, session, keepHistory);
			Files.move(target, previous, StandardCopyOption.ATOMIC_MOVE);
		}
		Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
		deleteTree(previous);
		Files.deleteIfExists(output.resolve(session + ".rejects.csv"));
	}

	/**
	 * Copies the data-entry templates of the outgoing set ({@code --template}) into the
	 * new one, so that a run does not take them away; the manifest does not list them.
	 */
	private static void keepTemplates(Path target, Path staging) throws IOException {
		try (var files = Files.list(target)) {
			for (Path file : files.filter(Files::isRegularFile).toList()) {
				String name = file.getFileName().toString();
				if (Manifest.isTemplate(name) && !Files.exists(staging.resolve(name))) {
					Files.copy(file, staging.resolve(name), StandardCopyOption.COPY_ATTRIBUTES);
				}
			}
		}
	}

	/** Puts back the previous set if a publication died between its two renames. */
	public static void recover(Path output, String session) throws IOException {
		Path target = output.resolve(session);
		Path previous = previous(output, session);
		if (Files.exists(previous)) {
			if (!Files.exists(target)) {
				log.warn("A publication was interrupted; putting the previous set back in {}", target);
				Files.move(previous, target, StandardCopyOption.ATOMIC_MOVE);
			}
			else {
				deleteTree(previous);
			}
		}
	}

	public static void deleteTree(Path root) throws IOException {
		if (!Files.exists(root)) {
			return;
		}
		Files.walkFileTree(root, new SimpleFileVisitor<>() {
			@Override
			public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
				Files.delete(file);
				return FileVisitResult.CONTINUE;
			}

			@Override
			public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
				Files.delete(dir);
				return FileVisitResult.CONTINUE;
			}
		});
	}

}
