package org.unccd.cst;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link JavaVersionCheck}, the jar's first class: an older Java is told in one
 * line which Java it needs.
 */
class JavaVersionCheckTests {

	@Test
	void readsTheFeatureReleaseOfOldAndNewVersionStrings() {
		assertThat(JavaVersionCheck.feature("1.8")).isEqualTo(8);
		assertThat(JavaVersionCheck.feature("11")).isEqualTo(11);
		assertThat(JavaVersionCheck.feature("17")).isEqualTo(17);
		assertThat(JavaVersionCheck.feature("25")).isEqualTo(25);
		assertThat(JavaVersionCheck.feature("")).isZero();
	}

	@Test
	void theMessageNamesTheJavaNeededTheJavaFoundAndWhereToLook() {
		String message = JavaVersionCheck.message(17, "/usr/lib/jvm/java-17-openjdk-amd64");
		assertThat(message).doesNotContain("\n")
			.startsWith("cst-reports: needs Java 21 or newer, and this is Java 17 (/usr/lib/jvm/java-17-openjdk-amd64)")
			.contains("bin/cst-reports")
			.contains("README.md, Prerequisites");
	}

	@Test
	void isCompiledForJava8SoThatAnOlderJavaCanLoadIt() throws IOException {
		try (InputStream in = JavaVersionCheck.class.getResourceAsStream("JavaVersionCheck.class");
				DataInputStream data = new DataInputStream(in)) {
			assertThat(data.readInt()).isEqualTo(0xCAFEBABE);
			data.readUnsignedShort();
			assertThat(data.readUnsignedShort()).as("class file major version").isEqualTo(52);
		}
	}

	@Test
	void theApplicationItHandsOverToIsCompiledForTheReleaseItChecks() throws IOException {
		try (InputStream in = CstReportsApplication.class.getResourceAsStream("CstReportsApplication.class");
				DataInputStream data = new DataInputStream(in)) {
			data.readInt();
			data.readUnsignedShort();
			assertThat(data.readUnsignedShort() - 44).as("Java release").isEqualTo(JavaVersionCheck.NEEDED);
		}
	}

}
