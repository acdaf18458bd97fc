package org.unccd.cst.console;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The console's audit log, {@code OUTPUT/.cst-reports/audit.log}: who signed in (or
 * failed to), launched, stopped, restarted, downloaded, and when. One tab-separated line
 * per event, appended and forced to disk before the action's answer goes out; nothing in
 * the console rewrites or shortens it.
 */
public class AuditLog {

	/** The file's name in {@code OUTPUT/.cst-reports}. */
	public static final String FILE = "audit.log";

	/**
	 * An event.
	 *
	 * @param time when, in UTC to the second
	 * @param user who (a sign-in name, or {@code -} for an anonymous request)
	 * @param address the client's address
	 * @param action what: {@code login}, {@code login-failed}, {@code launch}, …
	 * @param detail what it was about
	 */
	public record Event(String time, String user, String address, String action, String detail) {
	}

	/**
	 * The actions the log records: each has its words in the console's message bundles
	 * ({@code audit.action.*}), in which the audit page names it.
	 */
	public static final List<String> ACTIONS = List.of("login", "login-failed", "login-refused", "logout", "launch",
			"stop", "restart", "approve", "download", "template", "upload", "upload-refused", "upload-discarded",
			"submission", "submission-replaced");

	private final Path file;

	private final Clock clock;

	public AuditLog(Path output, Clock clock) {
		this.file = output.resolve(".cst-reports").resolve(FILE);
		this.clock = clock;
	}

	/** Appends an event, durably. */
	public synchronized void record(String user, String address, String action, String detail) {
		if (!ACTIONS.contains(action)) {
			throw new IllegalArgumentException("not an action of the audit log: " + action);
		}
		String line = String.join("\t", Instant.now(this.clock).truncatedTo(ChronoUnit.SECONDS).toString(), clean(user),
				clean(address), clean(action), clean(detail)) + "\n";
		try {
			Files.createDirectories(this.file.getParent());
			try (FileChannel channel = FileChannel.open(this.file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
					StandardOpenOption.APPEND)) {
				channel.write(ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8)));
				channel.force(false);
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException("cannot write the audit log", ex);
		}
	}

	/** Events, newest first, {@code size} from {@code skip}. */
	public synchronized List<Event> newest(int skip, int size) throws IOException {
		if (!Files.isRegularFile(this.file)) {
			return List.of();
		}
		List<Event> events = new ArrayList<>();
		for (String line : Files.readAllLines(this.file, StandardCharsets.UTF_8)) {
			String[] parts = line.split("\t", -1);
			if (parts.length == 5) {
				events.add(new Event(parts[0], parts[1], parts[2], parts[3], parts[4]));
			}
		}
		Collections.reverse(events);
		return events.subList(Math.min(skip, events.size()), Math.min(skip + size, events.size()));
	}

	private static String clean(String text) {
		if (text == null || text.isEmpty()) {
			return "-";
		}
		StringBuilder clean = new StringBuilder(Math.min(text.length(), 500));
		text.codePoints().limit(500).forEach((c) -> clean.appendCodePoint(Character.isISOControl(c) ? ' ' : c));
		return clean.toString();
	}

}
