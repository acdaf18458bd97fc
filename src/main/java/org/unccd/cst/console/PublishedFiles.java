package org.unccd.cst.console;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.unccd.cst.history.RejectsFile;
import org.unccd.cst.publish.Manifest;
import org.unccd.cst.run.JsonFiles;
import org.unccd.cst.run.Summary;

/**
 * The published sets of the output folder, as the console shows and serves them. A file
 * is served only when its session's manifest lists it, and only as the regular file it
 * names inside that session's folder: no name from a request reaches the file system
 * unchecked, and a link that leads elsewhere is not followed.
 */
public class PublishedFiles {

	/**
	 * A file to serve.
	 *
	 * @param path where it is
	 * @param name its name
	 * @param sha256 its SHA-256 from the manifest
	 * @param size its size from the manifest
	 * @param contentType its media type
	 */
	public record Download(Path path, String name, String sha256, long size, String contentType) {

		/**
		 * The kind of file for a reader: its extension in capitals (PDF, XLSX, JSON,
		 * CSV).
		 */
		public String kind() {
			return this.name.substring(this.name.lastIndexOf('.') + 1).toUpperCase(Locale.ROOT);
		}

	}

	private final Path output;

	public PublishedFiles(Path output) {
		this.output = output;
	}

	/** The sessions with a published set, by name. */
	public List<String> sessions() throws IOException {
		List<String> sessions = new ArrayList<>();
		if (!Files.isDirectory(this.output)) {
			return sessions;
		}
		try (DirectoryStream<Path> dirs = Files.newDirectoryStream(this.output)) {
			for (Path dir : dirs) {
				String name = dir.getFileName().toString();
				if (!name.startsWith(".") && Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)
						&& Files.isRegularFile(dir.resolve(Manifest.FILE), LinkOption.NOFOLLOW_LINKS)) {
					sessions.add(name);
				}
			}
		}
		sessions.sort(null);
		return sessions;
	}

	/** The manifest of a published session; empty when there is no such session. */
	public Optional<Manifest> manifest(String session) throws IOException {
		if (!sessions().contains(session)) {
			return Optional.empty();
		}
		return Optional.of(JsonFiles.read(this.output.resolve(session).resolve(Manifest.FILE), Manifest.class));
	}

	/** The summary of a published session. */
	public Optional<Summary> summary(String session) throws IOException {
		if (!sessions().contains(session)) {
			return Optional.empty();
		}
		Path file = this.output.resolve(session).resolve("summary.json");
		return Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) ? Optional.of(JsonFiles.read(file, Summary.class))
				: Optional.empty();
	}

	/** When the session's set was published: its manifest's time. */
	public Optional<java.time.Instant> publishedAt(String session) throws IOException {
		if (!sessions().contains(session)) {
			return Optional.empty();
		}
		return Optional.of(Files.getLastModifiedTime(this.output.resolve(session).resolve(Manifest.FILE)).toInstant());
	}

	/** The published files of a session, as its manifest lists them. */
	public List<Download> files(String session) throws IOException {
		Optional<Manifest> manifest = manifest(session);
		if (manifest.isEmpty()) {
			return List.of();
		}
		Path dir = this.output.resolve(session);
		return manifest.get()
			.outputs()
			.stream()
			.map((entry) -> new Download(dir.resolve(entry.file()), entry.file(), entry.sha256(), entry.size(),
					contentType(entry.file())))
			.toList();
	}

	/**
	 * A published file to serve: one the manifest lists, a regular file (not a link)
	 * inside the session's folder.
	 */
	public Optional<Download> file(String session, String name) throws IOException {
		Path dir = this.output.resolve(session);
		for (Download download : files(session)) {
			if (download.name().equals(name)) {
				Path path = download.path();
				if (!Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)
						|| !path.toRealPath().startsWith(dir.toRealPath())) {
					return Optional.empty();
				}
				return Optional.of(download);
			}
		}
		return Optional.empty();
	}

	/** The rows of the session's {@code rejects.csv}. */
	public List<RejectsFile.Reject> rejects(String session) throws IOException {
		Optional<Download> file = file(session, "rejects.csv");
		if (file.isEmpty()) {
			return List.of();
		}
		try (InputStream in = Files.newInputStream(file.get().path())) {
			return RejectsFile.read(in);
		}
	}

	static String contentType(String name) {
		String lower = name.toLowerCase(Locale.ROOT);
		if (lower.endsWith(".pdf")) {
			return "application/pdf";
		}
		if (lower.endsWith(".xlsx")) {
			return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
		}
		if (lower.endsWith(".json")) {
			return "application/json";
		}
		if (lower.endsWith(".csv")) {
			return "text/csv; charset=UTF-8";
		}
		return "application/octet-stream";
	}

}
