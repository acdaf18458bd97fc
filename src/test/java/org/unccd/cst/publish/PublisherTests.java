package org.unccd.cst.publish;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Publication replaces the whole set at once, and a publication cut short between its two
 * renames is put right at the next start.
 */
class PublisherTests {

	@TempDir
	Path output;

	@Test
	void publishReplacesThePreviousSetWhole() throws Exception {
		Files.createDirectories(this.output.resolve("S/"));
		Files.writeString(this.output.resolve("S/old.pdf"), "old");
		Path staging = Files.createDirectories(this.output.resolve(".cst-reports/staging/7"));
		Files.writeString(staging.resolve("new.pdf"), "new");

		Publisher.publish(staging, this.output, "S");

		assertThat(this.output.resolve("S/new.pdf")).hasContent("new");
		assertThat(this.output.resolve("S/old.pdf")).doesNotExist();
		assertThat(staging).doesNotExist();
		assertThat(Publisher.previous(this.output, "S")).doesNotExist();
	}

	@Test
	void publishCarriesTheTemplatesOverAndTheManifestLeavesThemOut() throws Exception {
		Files.createDirectories(this.output.resolve("S/"));
		Files.writeString(this.output.resolve("S/old.pdf"), "old");
		Files.writeString(this.output.resolve("S/S.template.fr.xlsx"), "template");
		Files.writeString(this.output.resolve("S/notes.template.xlsx"), "not a template of S");
		Path staging = Files.createDirectories(this.output.resolve(".cst-reports/staging/8"));
		Files.writeString(staging.resolve("new.pdf"), "new");

		Publisher.publish(staging, this.output, "S");

		assertThat(this.output.resolve("S/S.template.fr.xlsx")).hasContent("template");
		assertThat(this.output.resolve("S/notes.template.xlsx")).doesNotExist();
		assertThat(this.output.resolve("S/old.pdf")).doesNotExist();
		assertThat(Manifest.outputs(this.output.resolve("S")).stream().map(Manifest.FileEntry::file))
			.containsExactly("new.pdf");
	}

	@Test
	void recoverPutsBackThePreviousSetWhenTheNewOneNeverArrived() throws Exception {
		Path previous = Files.createDirectories(Publisher.previous(this.output, "S"));
		Files.writeString(previous.resolve("summary.json"), "{}");

		Publisher.recover(this.output, "S");

		assertThat(this.output.resolve("S/summary.json")).hasContent("{}");
		assertThat(previous).doesNotExist();
	}

	@Test
	void recoverDropsThePreviousSetWhenTheNewOneIsInPlace() throws Exception {
		Files.createDirectories(Publisher.previous(this.output, "S"));
		Files.createDirectories(this.output.resolve("S"));
		Files.writeString(this.output.resolve("S/summary.json"), "new");

		Publisher.recover(this.output, "S");

		assertThat(this.output.resolve("S/summary.json")).hasContent("new");
		assertThat(Publisher.previous(this.output, "S")).doesNotExist();
	}

}
