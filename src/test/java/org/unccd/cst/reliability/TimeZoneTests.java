package org.unccd.cst.reliability;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unccd.cst.ChildJvm;
import org.unccd.cst.TestInputs;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same inputs and parameters give the same bytes on machines set to different time
 * zones.
 */
class TimeZoneTests {

	@Test
	void workbooksAndReportsAreTheSameBytesInEveryTimeZone(@TempDir Path dir) throws Exception {
		Path input = TestInputs.write(dir.resolve("in"));
		for (String zone : List.of("UTC", "Asia/Tokyo")) {
			ChildJvm run = ChildJvm.start(List.of("-Xmx256m", "-Duser.timezone=" + zone),
					dir.resolve(zone.replace('/', '-') + ".log"), "--input=" + input,
					"--output=" + dir.resolve(zone.replace('/', '-')), "--as-of=" + TestInputs.AS_OF, "--lang=en,zh");
			assertThat(run.waitFor(Duration.ofMinutes(2))).as(run.log()).isEqualTo(3);
		}
		for (String file : List.of("T1.en.xlsx", "T1.zh.xlsx", "alpha.zh.pdf", "beta.en.pdf", "summary.json")) {
			assertThat(Files.readAllBytes(dir.resolve("Asia-Tokyo/T1").resolve(file))).as(file)
				.isEqualTo(Files.readAllBytes(dir.resolve("UTC/T1").resolve(file)));
		}
	}

}
