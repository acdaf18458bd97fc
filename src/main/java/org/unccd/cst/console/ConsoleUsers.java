package org.unccd.cst.console;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The console's users: one line per user, {@code name:role:hash}, in a file readable by
 * its owner only ({@code OUTPUT/.cst-reports/console-users} unless told otherwise). The
 * hash is in Spring Security's delegating format ({@code {bcrypt}…}), so a stronger
 * encoder can take over later without rewriting the file.
 */
public final class ConsoleUsers {

	/** The file's name in {@code OUTPUT/.cst-reports}. */
	public static final String FILE = "console-users";

	/** Letters, digits, dot, dash, underscore and at, 1 to 64 of them. */
	static final Pattern NAME = Pattern.compile("[A-Za-z0-9._@-]{1,64}");

	/** The shortest password accepted. */
	public static final int MIN_PASSWORD = 12;

	private static final PasswordEncoder ENCODER = PasswordEncoderFactories.createDelegatingPasswordEncoder();

	/**
	 * A user as stored.
	 *
	 * @param name the sign-in name
	 * @param role the role
	 * @param hash the password's hash in the delegating format
	 */
	public record User(String name, Role role, String hash) {
	}

	/** A name, role or password that cannot be stored. */
	public static final class UserException extends Exception {

		UserException(String message) {
			super(message);
		}

	}

	private final Path file;

	public ConsoleUsers(Path file) {
		this.file = file;
	}

	/** The default users file of an output folder. */
	public static Path defaultFile(Path output) {
		return output.resolve(".cst-reports").resolve(FILE);
	}

	public Path file() {
		return this.file;
	}

	/** The encoder that checks the stored hashes. */
	public static PasswordEncoder encoder() {
		return ENCODER;
	}

	/**
	 * Every user in the file; none when it does not exist. Unreadable lines are skipped.
	 */
	public List<User> all() throws IOException {
		List<User> users = new ArrayList<>();
		if (!Files.isRegularFile(this.file)) {
			return users;
		}
		for (String line : Files.readAllLines(this.file, StandardCharsets.UTF_8)) {
			String[] parts = line.split(":", 3);
			if (parts.length == 3 && NAME.matcher(parts[0]).matches()) {
				Role.of(parts[1]).ifPresent((role) -> users.add(new User(parts[0], role, parts[2])));
			}
		}
		return users;
	}

	public Optional<User> find(String name) throws IOException {
		return all().stream().filter((user) -> user.name().equals(name)).findFirst();
	}

	/**
	 * Adds a user, or replaces the password and role of one of that name; true when it
	 * replaced one.
	 */
	public boolean add(String name, Role role, char[] password) throws IOException, UserException {
		checkName(name);
		if (password.length < MIN_PASSWORD) {
			throw new UserException("the password must have at least " + MIN_PASSWORD + " characters");
		}
		String hash = ENCODER.encode(new String(password));
		List<User> users = new ArrayList<>(all());
		boolean replaced = users.removeIf((user) -> user.name().equals(name));
		users.add(new User(name, role, hash));
		write(users);
		return replaced;
	}

	/** Removes a user; false when there was none of that name. */
	public boolean remove(String name) throws IOException, UserException {
		checkName(name);
		List<User> users = new ArrayList<>(all());
		boolean removed = users.removeIf((user) -> user.name().equals(name));
		if (removed) {
			write(users);
		}
		return removed;
	}

	private static void checkName(String name) throws UserException {
		if (!NAME.matcher(name).matches()) {
			throw new UserException("a user name has 1 to 64 letters, digits, dots, dashes, underscores or at signs: \""
					+ name + "\" has not");
		}
	}

	/** Writes the file anew beside itself, readable by its owner only, then moves it. */
	private void write(List<User> users) throws IOException {
		Path dir = this.file.toAbsolutePath().getParent();
		Files.createDirectories(dir);
		StringBuilder text = new StringBuilder();
		users.forEach((user) -> text.append(user.name())
			.append(':')
			.append(user.role().id())
			.append(':')
			.append(user.hash())
			.append('\n'));
		Path temp = dir.resolve("." + this.file.getFileName() + ".new");
		Files.deleteIfExists(temp);
		if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
			Files.createFile(temp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
		}
		Files.writeString(temp, text, StandardCharsets.UTF_8);
		try {
			Files.move(temp, this.file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (AtomicMoveNotSupportedException ex) {
			Files.move(temp, this.file, StandardCopyOption.REPLACE_EXISTING);
		}
	}

}
