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
	 * @param scope the work item codes and report ids the user may submit rows for;
	 * empty: no restriction
	 */
	public record User(String name, Role role, String hash, List<String> scope) {

		public User {
			scope = (scope != null) ? List.copyOf(scope) : List.of();
		}

		public User(String name, Role role, String hash) {
			this(name, role, hash, List.of());
		}

	}

	/** A scope's codes: letters, digits, dots, dashes and underscores, 1 to 64 each. */
	static final Pattern SCOPE_CODE = Pattern.compile("[A-Za-z0-9._-]{1,64}");

	/**
	 * The codes of a scope written {@code O1.1,obj-2}: blanks around them and empty ones
	 * left out.
	 */
	public static List<String> scope(String text) throws UserException {
		List<String> codes = new ArrayList<>();
		for (String part : text.split(",")) {
			String code = part.strip();
			if (code.isEmpty()) {
				continue;
			}
			if (!SCOPE_CODE.matcher(code).matches()) {
				throw new UserException("a scope is a list of work item codes and report ids separated by commas, "
						+ "such as O1.1,obj-2: \"" + code + "\" is not one");
			}
			if (!codes.contains(code)) {
				codes.add(code);
			}
		}
		return codes;
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
			// name:role:hash, then :scope when the user has one (the delegating hashes
			// hold no colon)
			String[] parts = line.split(":", 4);
			if (parts.length >= 3 && NAME.matcher(parts[0]).matches()) {
				List<String> scope = List.of();
				try {
					scope = (parts.length == 4) ? scope(parts[3]) : List.of();
				}
				catch (UserException ex) {
					// an unreadable scope gives no user rather than one without limits
					continue;
				}
				List<String> codes = scope;
				Role.of(parts[1]).ifPresent((role) -> users.add(new User(parts[0], role, parts[2], codes)));
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
		return add(name, role, password, List.of());
	}

	/**
	 * Adds a user with a scope ({@link User#scope()}, empty for none), or replaces the
	 * password, role and scope of one of that name; true when it replaced one.
	 */
	public boolean add(String name, Role role, char[] password, List<String> scope) throws IOException, UserException {
		checkName(name);
		if (password.length < MIN_PASSWORD) {
			throw new UserException("the password must have at least " + MIN_PASSWORD + " characters");
		}
		String hash = ENCODER.encode(new String(password));
		List<User> users = new ArrayList<>(all());
		boolean replaced = users.removeIf((user) -> user.name().equals(name));
		users.add(new User(name, role, hash, scope));
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
			.append(user.scope().isEmpty() ? "" : ":" + String.join(",", user.scope()))
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
