package org.unccd.cst.publish;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each publication keeps the summary, manifest and rejects of the set it replaces, once,
 * and only the newest generations.
 */
class SummaryArchiveTests {

	@TempDir
	Path output;

	private int runs;

	/** Publishes a set whose files all say {@code text}. */
	void publish(String text, int keep) throws Exception {
		Path staging = Files.createDirectories(this.output.resolve(".cst-reports/staging/" + (++this.runs)));
		Files.writeString(staging.resolve("summary.json"), "{\"asOf\": \"" + text + "\"}");
		Files.writeString(staging.resolve("manifest.json"), "{\"inputDigest\": \"" + text + "\"}");
		Files.writeString(staging.resolve("rejects.csv"), "file,line,column,value,reason\nf.csv,2,a,x," + text + "\n");
		Files.writeString(staging.resolve("report.pdf"), "pdf");
		Publisher.publish(staging, this.output, "S", keep);
	}

	List<String> kept() throws Exception {
		return SummaryArchive.entries(this.output, "S")
			.stream()
			.map((entry) -> entry.dir().getFileName() + "=" + read(entry.summary()))
			.toList();
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Test
	void theFirstPublicationHasNothingToKeep() throws Exception {
		publish("one", 30);
		assertThat(kept()).isEmpty();
	}

	@Test
	void eachPublicationKeepsTheSetItReplaces() throws Exception {
		publish("one", 30);
		publish("two", 30);
		publish("three", 30);
		assertThat(kept()).containsExactly("000001={\"asOf\": \"one\"}", "000002={\"asOf\": \"two\"}");
		SummaryArchive.Entry last = SummaryArchive.entries(this.output, "S").get(1);
		assertThat(last.dir().resolve("rejects.csv.gz")).exists();
		assertThat(last.dir().resolve("manifest.json")).hasContent("{\"inputDigest\": \"two\"}");
		assertThat(last.dir().resolve("report.pdf")).doesNotExist();
		try (InputStream rejects = last.openRejects()) {
			assertThat(new String(rejects.readAllBytes(), StandardCharsets.UTF_8)).endsWith(",two\n");
		}
	}

	@Test
	void onlyTheNewestGenerationsAreKept() throws Exception {
		for (String text : List.of("one", "two", "three", "four", "five")) {
			publish(text, 2);
		}
		assertThat(kept()).containsExactly("000003={\"asOf\": \"three\"}", "000004={\"asOf\": \"four\"}");
	}

	@Test
	void aSetIsKeptOnceEvenWhenItsPublicationIsTriedAgain() throws Exception {
		publish("one", 30);
		SummaryArchive.keepOutgoing(this.output, "S", 30);
		SummaryArchive.keepOutgoing(this.output, "S", 30);
		assertThat(kept()).containsExactly("000001={\"asOf\": \"one\"}");
	}

	@Test
	void aGenerationLeftIncompleteIsPassedOver() throws Exception {
		publish("one", 30);
		Files.createDirectories(SummaryArchive.root(this.output).resolve("S/000004"));
		publish("two", 30);
		assertThat(kept()).containsExactly("000005={\"asOf\": \"one\"}");
	}

	@Test
	void keepingNoneKeepsNothing() throws Exception {
		publish("one", 0);
		publish("two", 0);
		assertThat(kept()).isEmpty();
		assertThat(this.output.resolve("S/summary.json")).hasContent("{\"asOf\": \"two\"}");
	}

}
