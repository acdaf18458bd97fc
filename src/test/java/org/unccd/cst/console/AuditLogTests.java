package org.unccd.cst.console;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The audit log: appended, one clean line per event, read newest first. */
class AuditLogTests {

	@TempDir
	Path dir;

	@Test
	void eventsAreAppendedAndReadNewestFirst() throws Exception {
		AuditLog audit = new AuditLog(this.dir, Clock.fixed(Instant.parse("2026-12-04T08:00:00.123Z"), ZoneOffset.UTC));
		audit.record("olga", "127.0.0.1", "login", "");
		audit.record("olga", "127.0.0.1", "launch", "run 1, as of 2019-06-30");
		audit.record("vera", "10.0.0.2", "download", "CST14/obj-1.1.en.pdf");
		assertThat(Files.readAllLines(this.dir.resolve(".cst-reports").resolve("audit.log"))).containsExactly(
				"2026-12-04T08:00:00Z\tolga\t127.0.0.1\tlogin\t-",
				"2026-12-04T08:00:00Z\tolga\t127.0.0.1\tlaunch\trun 1, as of 2019-06-30",
				"2026-12-04T08:00:00Z\tvera\t10.0.0.2\tdownload\tCST14/obj-1.1.en.pdf");
		assertThat(audit.newest(0, 2)).extracting(AuditLog.Event::action).containsExactly("download", "launch");
		assertThat(audit.newest(2, 10)).extracting(AuditLog.Event::action).containsExactly("login");
		assertThat(audit.newest(5, 10)).isEmpty();
	}

	@Test
	void aNameCannotForgeALineOrAField() throws Exception {
		AuditLog audit = new AuditLog(this.dir, Clock.systemUTC());
		audit.record("evil\n2026-01-01T00:00:00Z\tadmin", "1.2.3.4", "login-failed", "x\ty");
		assertThat(Files.readAllLines(this.dir.resolve(".cst-reports").resolve("audit.log"))).hasSize(1)
			.allSatisfy((line) -> assertThat(line.split("\t")).hasSize(5));
	}

	@Test
	void anActionWithoutWordsOnTheAuditPageIsRefused() {
		AuditLog audit = new AuditLog(this.dir, Clock.systemUTC());
		assertThatIllegalArgumentException().isThrownBy(() -> audit.record("olga", "127.0.0.1", "distribute", "CST14"))
			.withMessageContaining("distribute");
		assertThat(this.dir.resolve(".cst-reports").resolve("audit.log")).doesNotExist();
	}

	@Test
	void aLoggedTimeIsShownAsThePagesShowTimes() {
		assertThat(PageModel.WHEN.logged("2026-12-05T05:07:46Z")).isEqualTo("2026-12-05 05:07:46");
		assertThat(PageModel.WHEN.logged("not a time")).isEqualTo("not a time");
		assertThat(PageModel.WHEN.inText(Instant.parse("2026-12-05T05:07:46Z")))
			.isEqualTo("\u20682026-12-05 05:07:46 UTC\u2069");
	}

}
