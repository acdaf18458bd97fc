package org.unccd.cst.publish;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.unccd.cst.run.JsonFiles;
import org.unccd.cst.run.OutputFolder;

import org.springframework.util.FileSystemUtils;

/**
 * Sign-off: a published set is a draft until someone approves it. Approving checks the
 * set against its manifest, copies it to {@code OUTPUT/.cst-reports/approved/<session>/},
 * where a later draft does not replace it, with a record of who approved it, when, and
 * the SHA-256 of its manifest; and appends the approval to
 * {@code OUTPUT/.cst-reports/approvals.log}. The distribution sends the approved set.
 */
public final class Approvals {

	/** The record kept beside an approved set. */
	public static final String RECORD = "approval.json";

	/**
	 * An approval.
	 *
	 * @param session the session
	 * @param asOf the approved set's as-of date
	 * @param by who approved it
	 * @param at when, to the second
	 * @param manifestSha256 the SHA-256 of the approved set's manifest
	 */
	public record Approval(String session, LocalDate asOf, String by, Instant at, String manifestSha256) {
	}

	private Approvals() {
	}

	/** Where the approved set of {@code session} is kept. */
	public static Path approvedSet(Path output, String session) {
		return OutputFolder.workDir(output).resolve("approved").resolve(session);
	}

	/** The approval of the set kept as approved, if any. */
	public static Optional<Approval> current(Path output, String session) {
		Path record = approvedSet(output, session).resolve(RECORD);
		if (!Files.isRegularFile(record, LinkOption.NOFOLLOW_LINKS)) {
			return Optional.empty();
		}
		return Optional.of(JsonFiles.read(record, Approval.class));
	}

	/** Whether the published set of {@code session} is the approved one. */
	public static boolean publishedIsApproved(Path output, String session) throws IOException {
		Optional<Approval> approval = current(output, session);
		Path manifest = output.resolve(session).resolve(Manifest.FILE);
		return approval.isPresent() && Files.isRegularFile(manifest)
				&& FileDigest.sha256(manifest).equals(approval.get().manifestSha256());
	}

	/**
	 * Approves the published set of {@code session}: the caller holds the output folder's
	 * lock, so that no publication replaces the set meanwhile. An already approved set is
	 * not approved again: its approval is returned.
	 * @throws IOException when the set is not published, or differs from its manifest
	 */
	public static Approval approve(Path output, String session, String by, Clock clock) throws IOException {
		Path published = output.resolve(session);
		Path manifestFile = published.resolve(Manifest.FILE);
		if (!Files.isRegularFile(manifestFile, LinkOption.NOFOLLOW_LINKS)) {
			throw new IOException("no set of " + session + " is published in " + output);
		}
		String digest = FileDigest.sha256(manifestFile);
		Optional<Approval> earlier = current(output, session);
		if (earlier.isPresent() && earlier.get().manifestSha256().equals(digest)) {
			return earlier.get();
		}
		Manifest manifest = JsonFiles.read(manifestFile, Manifest.class);
		Path target = approvedSet(output, session);
		Path fresh = target.resolveSibling("." + session + ".new");
		FileSystemUtils.deleteRecursively(fresh);
		Files.createDirectories(fresh);
		for (Manifest.FileEntry entry : manifest.outputs()) {
			Path file = published.resolve(entry.file());
			if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)
					|| !FileDigest.sha256(file).equals(entry.sha256())) {
				FileSystemUtils.deleteRecursively(fresh);
				throw new IOException(
						"the published file " + file + " differs from the manifest: run again before " + "approving");
			}
			Files.copy(file, fresh.resolve(entry.file()), StandardCopyOption.COPY_ATTRIBUTES);
		}
		Files.copy(manifestFile, fresh.resolve(Manifest.FILE), StandardCopyOption.COPY_ATTRIBUTES);
		Approval approval = new Approval(session, manifest.parameters().asOf(), by,
				Instant.now(clock).truncatedTo(ChronoUnit.SECONDS), digest);
		JsonFiles.write(fresh.resolve(RECORD), approval);
		try (var files = Files.list(fresh)) {
			for (Path file : files.toList()) {
				force(file);
			}
		}
		Path old = target.resolveSibling("." + session + ".old");
		FileSystemUtils.deleteRecursively(old);
		if (Files.exists(target)) {
			Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
		}
		Files.move(fresh, target, StandardCopyOption.ATOMIC_MOVE);
		FileSystemUtils.deleteRecursively(old);
		append(output, approval);
		return approval;
	}

	/** Every approval made in the output folder, oldest first. */
	public static List<Approval> history(Path output) throws IOException {
		Path log = OutputFolder.workDir(output).resolve("approvals.log");
		List<Approval> approvals = new ArrayList<>();
		if (!Files.isRegularFile(log)) {
			return approvals;
		}
		for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
			String[] parts = line.split("\t", -1);
			if (parts.length == 5) {
				approvals.add(
						new Approval(parts[1], LocalDate.parse(parts[2]), parts[3], Instant.parse(parts[0]), parts[4]));
			}
		}
		return approvals;
	}

	private static void append(Path output, Approval approval) throws IOException {
		Path log = OutputFolder.workDir(output).resolve("approvals.log");
		String line = String.join("\t", approval.at().toString(), approval.session(), approval.asOf().toString(),
				approval.by().replaceAll("[\\t\\r\\n]", " "), approval.manifestSha256()) + "\n";
		try (FileChannel channel = FileChannel.open(log, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
				StandardOpenOption.APPEND)) {
			channel.write(ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8)));
			channel.force(false);
		}
	}

	private static void force(Path file) throws IOException {
		try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
			channel.force(true);
		}
	}

}
