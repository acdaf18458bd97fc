package org.unccd.cst.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.unccd.cst.TestInputs;
import org.unccd.cst.publish.Approvals;
import org.unccd.cst.publish.Manifest;
import org.unccd.cst.run.JsonFiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sign-off before distribution: a published set is a draft that {@code --distribute} does
 * not send until {@code --approve} approves it; the approved set is kept, and sent, while
 * a later draft waits for its own approval.
 */
class SignOffTests {

	@RegisterExtension
	static final GreenMailExtension smtp = new GreenMailExtension(
			new ServerSetup(3025, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());

	@TempDir
	Path dir;

	Path input;

	Path output;

	@BeforeEach
	void inputs() throws IOException {
		this.input = TestInputs.write(this.dir.resolve("in"));
		this.output = this.dir.resolve("out");
		Files.writeString(this.input.resolve("distribution.csv"), """
				party,email,languages,formats
				Atlantis,focal.point@atlantis.example.org,en,pdf
				""");
	}

	private Map<String, Object> mail() {
		Map<String, Object> properties = new HashMap<>(DistributionTests.mail(smtp.getSmtp().getPort()));
		properties.remove("cst.distribution.require-approval");
		return properties;
	}

	private CommandLineRun distribute(String asOf) {
		return CommandLineRun.with(mail(), "--input=" + this.input, "--output=" + this.output, "--as-of=" + asOf,
				"--lang=en", "--distribute");
	}

	@Test
	void aDraftIsNotSentUntilItIsApprovedAndALaterDraftWaitsForItsOwn() throws Exception {
		CommandLineRun draft = distribute(TestInputs.AS_OF);
		assertThat(draft.exitCode()).isEqualTo(5);
		assertThat(draft.err()).contains("is a draft that nobody has approved, so nothing was mailed",
				"--approve --by=NAME");
		assertThat(smtp.getReceivedMessages()).isEmpty();
		assertThat(this.output.resolve("T1/manifest.json")).exists();

		CommandLineRun approve = CommandLineRun.of("--approve", "--by=Olga Petrova", "--output=" + this.output);
		assertThat(approve.exitCode()).as(approve.err()).isZero();
		assertThat(approve.out()).contains("Approved: the set of T1 as of " + TestInputs.AS_OF + ", by Olga Petrova");
		Approvals.Approval approval = Approvals.current(this.output, "T1").orElseThrow();
		assertThat(approval.by()).isEqualTo("Olga Petrova");
		assertThat(Approvals.history(this.output)).containsExactly(approval);
		assertThat(CommandLineRun.of("--approve", "--by=Olga Petrova", "--output=" + this.output).out())
			.contains("Already approved: the set of T1");
		assertThat(Approvals.history(this.output)).hasSize(1);

		CommandLineRun sent = distribute(TestInputs.AS_OF);
		assertThat(sent.exitCode()).as(sent.err()).isIn(0, 3);
		assertThat(sent.out()).contains("The approved set of T1 is sent: as of " + TestInputs.AS_OF);
		MimeMessage[] received = smtp.getReceivedMessages();
		assertThat(received).hasSize(1);
		assertThat(received[0].getSubject()).contains("T1");
		byte[] approvedPdf = Files.readAllBytes(Approvals.approvedSet(this.output, "T1").resolve("alpha.en.pdf"));
		assertThat(DistributionTests.attachments(received[0]).get("alpha.en.pdf")).isEqualTo(approvedPdf);

		// a later draft, as of another day: the approved set stays, and nothing new is
		// sent
		CommandLineRun later = distribute("2020-12-31");
		assertThat(later.exitCode()).as(later.err()).isIn(0, 3);
		assertThat(later.out()).contains("is a draft until it is approved", "already sent to Atlantis");
		assertThat(smtp.getReceivedMessages()).hasSize(1);
		Manifest kept = JsonFiles.read(Approvals.approvedSet(this.output, "T1").resolve("manifest.json"),
				Manifest.class);
		assertThat(kept.parameters().asOf()).hasToString(TestInputs.AS_OF);
		Manifest draftManifest = JsonFiles.read(this.output.resolve("T1/manifest.json"), Manifest.class);
		assertThat(draftManifest.parameters().asOf()).hasToString("2020-12-31");

		// approving the new draft makes it the set sent next
		assertThat(CommandLineRun.of("--approve", "--by=Ali", "--output=" + this.output).exitCode()).isZero();
		assertThat(distribute("2020-12-31").exitCode()).isIn(0, 3);
		assertThat(smtp.getReceivedMessages()).hasSize(2);
		assertThat(Approvals.history(this.output)).extracting(Approvals.Approval::by)
			.containsExactly("Olga Petrova", "Ali");
		CommandLineRun history = CommandLineRun.of("--history", "--output=" + this.output);
		assertThat(history.out()).contains("Approvals", "T1 as of " + TestInputs.AS_OF + " by Olga Petrova",
				"T1 as of 2020-12-31 by Ali");
	}

	@Test
	void approveSaysWhatIsMissing() throws Exception {
		CommandLineRun nothing = CommandLineRun.of("--approve", "--by=Olga", "--output=" + this.output);
		assertThat(nothing.exitCode()).isEqualTo(1);
		assertThat(nothing.err()).contains("no set is published");
		CommandLineRun noName = CommandLineRun.of("--approve", "--output=" + this.output);
		assertThat(noName.exitCode()).isEqualTo(2);
		assertThat(noName.err()).contains("--approve needs --by=NAME");
		assertThat(CommandLineRun.of("--approve", "--by=Olga", "--as-of=2020-01-01").exitCode()).isEqualTo(2);
	}

	@Test
	void aPublishedSetThatDiffersFromItsManifestIsNotApproved() throws Exception {
		CommandLineRun run = CommandLineRun.of("--input=" + this.input, "--output=" + this.output,
				"--as-of=" + TestInputs.AS_OF, "--lang=en");
		assertThat(run.exitCode()).isIn(0, 3);
		Files.writeString(this.output.resolve("T1/alpha.en.pdf"), "not the published bytes");
		CommandLineRun approve = CommandLineRun.of("--approve", "--by=Olga", "--output=" + this.output);
		assertThat(approve.exitCode()).isEqualTo(1);
		assertThat(approve.err()).contains("differs from the manifest");
		assertThat(Approvals.current(this.output, "T1")).isEmpty();
		assertThat(List.of(Approvals.approvedSet(this.output, "T1").getParent().toFile().list())).isEmpty();
	}

}
