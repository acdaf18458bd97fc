package org.unccd.cst.console;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The users file: added, replaced, removed, hashed, readable by its owner only. */
class ConsoleUsersTests {

	@TempDir
	Path dir;

	@Test
	void aUserIsStoredWithABcryptHashInAFileOnlyItsOwnerReads() throws Exception {
		ConsoleUsers users = new ConsoleUsers(ConsoleUsers.defaultFile(this.dir));
		assertThat(users.add("olga", Role.OFFICER, "a long enough one".toCharArray())).isFalse();
		Path file = this.dir.resolve(".cst-reports").resolve("console-users");
		String text = Files.readString(file);
		assertThat(text).startsWith("olga:officer:{bcrypt}$2a$").doesNotContain("a long enough one");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
		ConsoleUsers.User olga = users.find("olga").orElseThrow();
		assertThat(ConsoleUsers.encoder().matches("a long enough one", olga.hash())).isTrue();
		assertThat(ConsoleUsers.encoder().matches("a long enough two", olga.hash())).isFalse();
	}

	@Test
	void addingAnExistingNameReplacesItsPasswordAndRole() throws Exception {
		ConsoleUsers users = new ConsoleUsers(this.dir.resolve("users"));
		users.add("olga", Role.OFFICER, "first password 1".toCharArray());
		users.add("vera", Role.VIEWER, "viewer password 1".toCharArray());
		assertThat(users.add("olga", Role.ADMIN, "second password 2".toCharArray())).isTrue();
		assertThat(users.all()).extracting(ConsoleUsers.User::name).containsExactlyInAnyOrder("olga", "vera");
		ConsoleUsers.User olga = users.find("olga").orElseThrow();
		assertThat(olga.role()).isEqualTo(Role.ADMIN);
		assertThat(ConsoleUsers.encoder().matches("second password 2", olga.hash())).isTrue();
	}

	@Test
	void removingAUserLeavesTheOthers() throws Exception {
		ConsoleUsers users = new ConsoleUsers(this.dir.resolve("users"));
		users.add("olga", Role.OFFICER, "first password 1".toCharArray());
		users.add("vera", Role.VIEWER, "viewer password 1".toCharArray());
		assertThat(users.remove("olga")).isTrue();
		assertThat(users.remove("olga")).isFalse();
		assertThat(users.all()).extracting(ConsoleUsers.User::name).containsExactly("vera");
	}

	@Test
	void badNamesAndShortPasswordsAreRefusedAndNothingIsWritten() {
		ConsoleUsers users = new ConsoleUsers(this.dir.resolve("users"));
		assertThatExceptionOfType(ConsoleUsers.UserException.class)
			.isThrownBy(() -> users.add("olga:admin", Role.VIEWER, "long enough password".toCharArray()))
			.withMessageContaining("letters, digits");
		assertThatExceptionOfType(ConsoleUsers.UserException.class)
			.isThrownBy(() -> users.add("ol ga", Role.VIEWER, "long enough password".toCharArray()));
		assertThatExceptionOfType(ConsoleUsers.UserException.class)
			.isThrownBy(() -> users.add("olga", Role.VIEWER, "short".toCharArray()))
			.withMessageContaining("at least 12 characters");
		assertThat(this.dir.resolve("users")).doesNotExist();
	}

	@Test
	void aScopeIsKeptAfterTheHashAndReplacedWithTheUser() throws Exception {
		ConsoleUsers users = new ConsoleUsers(this.dir.resolve("users"));
		users.add("carla", Role.CONTRIBUTOR, "long enough password".toCharArray(),
				ConsoleUsers.scope(" O1.1, obj-2,,O1.1 "));
		assertThat(Files.readString(this.dir.resolve("users")))
			.matches("carla:contributor:\\{bcrypt}[^:]+:O1.1,obj-2\n");
		ConsoleUsers.User carla = users.find("carla").orElseThrow();
		assertThat(carla.scope()).containsExactly("O1.1", "obj-2");
		assertThat(ConsoleUsers.encoder().matches("long enough password", carla.hash())).isTrue();
		users.add("carla", Role.CONTRIBUTOR, "long enough password".toCharArray());
		assertThat(users.find("carla").orElseThrow().scope()).isEmpty();
		assertThatExceptionOfType(ConsoleUsers.UserException.class).isThrownBy(() -> ConsoleUsers.scope("O1.1;rm"))
			.withMessageContaining("\"O1.1;rm\" is not one");
	}

	@Test
	void aLineWithAnUnreadableScopeGivesNoUserRatherThanOneWithoutLimits() throws Exception {
		Path file = this.dir.resolve("users");
		Files.writeString(file, "carla:contributor:{noop}pw:O1 1\nvera:viewer:{noop}pw\n");
		assertThat(new ConsoleUsers(file).all()).extracting(ConsoleUsers.User::name).containsExactly("vera");
	}

	@Test
	void linesThatAreNotUsersAreIgnored() throws Exception {
		Path file = this.dir.resolve("users");
		Files.writeString(file, "garbage\nx:superuser:{noop}x\nvera:viewer:{noop}pw\n");
		assertThat(new ConsoleUsers(file).all()).extracting(ConsoleUsers.User::name).containsExactly("vera");
	}

	@Test
	void rolesIncludeThoseBeforeThem() {
		assertThat(Role.values()).containsExactly(Role.VIEWER, Role.CONTRIBUTOR, Role.OFFICER, Role.ADMIN);
		assertThat(Role.of("officer")).hasValue(Role.OFFICER);
		assertThat(Role.of("root")).isEmpty();
		assertThat(Role.ADMIN.authority()).isEqualTo("ROLE_ADMIN");
	}

}
