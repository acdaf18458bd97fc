package org.unccd.cst.publish;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.unccd.cst.run.OutputFolder;

import org.springframework.util.FileSystemUtils;

/**
 * The summaries of the sets published before the current one, so that {@code --diff} can
 * say what changed: before a publication replaces {@code OUTPUT/<session>/}, its
 * {@code summary.json}, {@code manifest.json} and {@code rejects.csv} (gzipped) are
 * copied into {@code OUTPUT/.cst-reports/history/<session>/<generation>/}, generations
 * numbered from 1. The newest {@code cst.history.keep} generations are kept (30 unless
 * set; 0 keeps none).
 */
public final class SummaryArchive {

	private static final Logger log = LoggerFactory.getLogger(SummaryArchive.class);

	/** How many generations are kept unless {@code cst.history.keep} says otherwise. */
	public static final int DEFAULT_KEEP = 30;

	public static final String SUMMARY = OutputFolder.SUMMARY;

	static final String MANIFEST = "manifest.json";

	public static final String REJECTS = OutputFolder.REJECTS;

	static final String REJECTS_GZ = "rejects.csv.gz";

	private SummaryArchive() {
	}

	/**
	 * A kept set.
	 *
	 * @param generation its number, from 1, in order of publication
	 * @param dir the folder that holds its files
	 */
	public record Entry(long generation, Path dir) {

		public Path summary() {
			return this.dir.resolve(SUMMARY);
		}

		/** The rejects as text, whether kept gzipped or not. */
		public InputStream openRejects() throws IOException {
			Path gz = this.dir.resolve(REJECTS_GZ);
			if (Files.exists(gz)) {
				return new GZIPInputStream(Files.newInputStream(gz));
			}
			Path plain = this.dir.resolve(REJECTS);
			return Files.exists(plain) ? Files.newInputStream(plain) : InputStream.nullInputStream();
		}

		/** When the set was published: the time its manifest (or summary) was written. */
		public FileTime publishedAt() throws IOException {
			return publicationTime(this.dir);
		}

	}

	/** {@code OUTPUT/.cst-reports/history}. */
	public static Path root(Path output) {
		return OutputFolder.workDir(output).resolve("history");
	}

	/** When the set in {@code dir} was published. */
	public static FileTime publicationTime(Path dir) throws IOException {
		Path manifest = dir.resolve(MANIFEST);
		return Files.getLastModifiedTime(Files.exists(manifest) ? manifest : dir.resolve(SUMMARY));
	}

	/**
	 * Keeps the summary of the set published in {@code OUTPUT/<session>/} before a new
	 * one replaces it, then forgets the generations beyond {@code keep}. A set kept
	 * already (a publication that is tried again) is not kept twice. A failure is logged:
	 * it does not stop the publication.
	 */
	public static void keepOutgoing(Path output, String session, int keep) {
		Path published = output.resolve(session);
		if (keep <= 0 || !Files.isRegularFile(published.resolve(SUMMARY))) {
			return;
		}
		Path sessionDir = root(output).resolve(session);
		try {
			List<Entry> entries = entries(output, session);
			if (entries.isEmpty() || !sameSet(entries.get(entries.size() - 1).dir(), published)) {
				long generation = lastGeneration(sessionDir) + 1;
				Path partial = sessionDir.resolve(".partial");
				deleteTree(partial);
				Files.createDirectories(partial);
				for (String file : List.of(SUMMARY, MANIFEST)) {
					if (Files.exists(published.resolve(file))) {
						Files.copy(published.resolve(file), partial.resolve(file), StandardCopyOption.COPY_ATTRIBUTES);
					}
				}
				if (Files.exists(published.resolve(REJECTS))) {
					try (InputStream in = Files.newInputStream(published.resolve(REJECTS));
							OutputStream out = new GZIPOutputStream(
									Files.newOutputStream(partial.resolve(REJECTS_GZ)))) {
						in.transferTo(out);
					}
				}
				Files.move(partial, sessionDir.resolve(name(generation)), StandardCopyOption.ATOMIC_MOVE);
				entries = entries(output, session);
			}
			for (int i = 0; i < entries.size() - keep; i++) {
				deleteTree(entries.get(i).dir());
			}
		}
		catch (IOException | RuntimeException ex) {
			log.warn("Could not keep the summary of the previous set in {} ({}); --diff will not see it", sessionDir,
					ex.toString());
		}
	}

	/** The kept sets of a session, oldest first. */
	public static List<Entry> entries(Path output, String session) throws IOException {
		Path sessionDir = root(output).resolve(session);
		List<Entry> entries = new ArrayList<>();
		if (!Files.isDirectory(sessionDir)) {
			return entries;
		}
		try (DirectoryStream<Path> dirs = Files.newDirectoryStream(sessionDir)) {
			for (Path dir : dirs) {
				String name = dir.getFileName().toString();
				if (name.matches("\\d{1,18}") && Files.isRegularFile(dir.resolve(SUMMARY))) {
					entries.add(new Entry(Long.parseLong(name), dir));
				}
			}
		}
		entries.sort(Comparator.comparingLong(Entry::generation));
		return entries;
	}

	/**
	 * Every set of a session still known, oldest first: the kept generations, then the
	 * set published now in {@code OUTPUT/<session>/} (numbered one above the last kept).
	 */
	public static List<Entry> sets(Path output, String session) throws IOException {
		List<Entry> sets = entries(output, session);
		Path published = output.resolve(session);
		if (Files.isRegularFile(published.resolve(SUMMARY))) {
			long next = sets.isEmpty() ? 1 : sets.get(sets.size() - 1).generation() + 1;
			sets.add(new Entry(next, published));
		}
		return sets;
	}

	/** The highest generation number in use, whole or not; 0 when there is none. */
	private static long lastGeneration(Path sessionDir) throws IOException {
		long last = 0;
		if (Files.isDirectory(sessionDir)) {
			try (DirectoryStream<Path> dirs = Files.newDirectoryStream(sessionDir)) {
				for (Path dir : dirs) {
					String name = dir.getFileName().toString();
					if (name.matches("\\d{1,18}")) {
						last = Math.max(last, Long.parseLong(name));
					}
				}
			}
		}
		return last;
	}

	/** The sessions that have kept sets. */
	public static List<String> sessions(Path output) throws IOException {
		List<String> sessions = new ArrayList<>();
		Path root = root(output);
		if (Files.isDirectory(root)) {
			try (DirectoryStream<Path> dirs = Files.newDirectoryStream(root, Files::isDirectory)) {
				dirs.forEach((dir) -> sessions.add(dir.getFileName().toString()));
			}
		}
		return sessions;
	}

	private static String name(long generation) {
		return String.format("%06d", generation);
	}

	/**
	 * Whether a kept set is the published one: the same manifest, else the same summary.
	 */
	private static boolean sameSet(Path kept, Path published) throws IOException {
		String file = (Files.exists(kept.resolve(MANIFEST)) && Files.exists(published.resolve(MANIFEST))) ? MANIFEST
				: SUMMARY;
		return Files.mismatch(kept.resolve(file), published.resolve(file)) == -1;
	}

	private static void deleteTree(Path root) throws IOException {
		FileSystemUtils.deleteRecursively(root);
	}

}
