package org.unccd.cst.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unccd.cst.CstReportsApplication;
import org.unccd.cst.console.ConsoleUsers;
import org.unccd.cst.publish.ConsoleLock;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code --add-user}, {@code --remove-user} and the checks {@code --serve} makes before
 * it starts, with what they print and their exit codes.
 */
class ConsoleCommandTests {

	@TempDir
	Path dir;

	record Result(int code, String out, String err) {
	}

	private Result run(String stdin, String... args) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int code = new Launcher(new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8), CstReportsApplication.class)
			.withInput(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)))
			.run(args);
		return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
	}

	@Test
	void addUserTakesThePasswordFromTheFirstLineOfStandardInput() throws Exception {
		Result added = run("officer password 1\n", "--add-user=olga", "--role=officer", "--output=" + this.dir);
		assertThat(added.code()).as(added.err()).isZero();
		assertThat(added.out()).contains("Added olga (officer)");
		ConsoleUsers.User olga = new ConsoleUsers(ConsoleUsers.defaultFile(this.dir)).find("olga").orElseThrow();
		assertThat(ConsoleUsers.encoder().matches("officer password 1", olga.hash())).isTrue();

		Result again = run("admin password 22\nadmin password 22\n", "--add-user=olga", "--role=admin",
				"--output=" + this.dir);
		assertThat(again.code()).isZero();
		assertThat(again.out()).contains("Replaced the password and role of olga (admin)");
	}

	@Test
	void aContributorMayBeGivenAScopeAndOnlyAContributor() throws Exception {
		Result added = run("contributor password\n", "--add-user=carla", "--role=contributor", "--scope=O1.1, obj-2",
				"--output=" + this.dir);
		assertThat(added.code()).as(added.err()).isZero();
		assertThat(added.out()).contains("Added carla (contributor, scope O1.1,obj-2)");
		assertThat(new ConsoleUsers(ConsoleUsers.defaultFile(this.dir)).find("carla").orElseThrow().scope())
			.containsExactly("O1.1", "obj-2");
		Result officer = run("officer password 1\n", "--add-user=olga", "--role=officer", "--scope=O1.1",
				"--output=" + this.dir);
		assertThat(officer.code()).isEqualTo(2);
		assertThat(officer.err()).contains("--scope restricts what a contributor submits");
		Result bad = run("contributor password\n", "--add-user=carla", "--role=contributor", "--scope=O1.1/..",
				"--output=" + this.dir);
		assertThat(bad.code()).isEqualTo(2);
		assertThat(bad.err()).contains("\"O1.1/..\" is not one");
	}

	@Test
	void aSecondLineThatDiffersChangesNothing() throws Exception {
		Result result = run("first password 1\nsecond password 2\n", "--add-user=olga", "--role=officer",
				"--output=" + this.dir);
		assertThat(result.code()).isEqualTo(2);
		assertThat(result.err()).contains("does not repeat the password");
		assertThat(ConsoleUsers.defaultFile(this.dir)).doesNotExist();
	}

	@Test
	void badUsesOfAddUserExitWith2AndSayWhy() {
		assertThat(run("long enough password\n", "--add-user=olga", "--output=" + this.dir).err())
			.contains("--role=ROLE, one of viewer, contributor, officer, admin");
		assertThat(run("long enough password\n", "--add-user=olga", "--role=root").code()).isEqualTo(2);
		Result shortPassword = run("short\n", "--add-user=olga", "--role=viewer", "--output=" + this.dir);
		assertThat(shortPassword.code()).isEqualTo(2);
		assertThat(shortPassword.err()).contains("at least 12 characters");
		Result noPassword = run("", "--add-user=olga", "--role=viewer", "--output=" + this.dir);
		assertThat(noPassword.code()).isEqualTo(2);
		assertThat(noPassword.err()).contains("give the password on standard input");
		Result badName = run("long enough password\n", "--add-user=o/../lga", "--role=viewer", "--output=" + this.dir);
		assertThat(badName.code()).isEqualTo(2);
		assertThat(run("long enough password\n", "--add-user=olga", "--role=viewer", "--as-of=2019-01-01").err())
			.contains("not --as-of");
	}

	@Test
	void removeUserRemovesOrSaysThereIsNone() throws Exception {
		Path users = this.dir.resolve("users");
		assertThat(run("viewer password 1\n", "--add-user=vera", "--role=viewer", "--users=" + users).code()).isZero();
		Result removed = run("", "--remove-user=vera", "--users=" + users);
		assertThat(removed.code()).isZero();
		assertThat(removed.out()).contains("Removed vera");
		Result none = run("", "--remove-user=vera", "--users=" + users);
		assertThat(none.code()).isEqualTo(1);
		assertThat(none.err()).contains("no user vera");
	}

	@Test
	void serveChecksItsOptionsAndFoldersBeforeStarting() throws Exception {
		assertThat(run("", "--serve", "--port=70000").err()).contains("--port must be a number from 0 to 65535");
		assertThat(run("", "--serve", "--port=x").code()).isEqualTo(2);
		assertThat(run("", "--serve", "--as-of=2019-01-01").err()).contains("not --as-of");
		Result noInput = run("", "--serve", "--input=" + this.dir.resolve("none"), "--output=" + this.dir);
		assertThat(noInput.code()).isEqualTo(2);
		assertThat(noInput.err()).contains("--input: no folder");
	}

	@Test
	void aSecondConsoleOnTheSameFolderIsBusy() throws Exception {
		Path output = this.dir.resolve("out");
		Optional<ConsoleLock> first = ConsoleLock.tryAcquire(output, "http://127.0.0.1:1/");
		assertThat(first).isPresent();
		try {
			Files.createDirectories(this.dir.resolve("in"));
			Result second = run("", "--serve", "--port=0", "--input=" + this.dir.resolve("in"), "--output=" + output);
			assertThat(second.code()).isEqualTo(4);
			assertThat(second.err()).contains("another console serves the output folder");
		}
		finally {
			first.get().close();
		}
	}

}
