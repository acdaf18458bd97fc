package org.unccd.cst.reliability;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.unccd.cst.ChildJvm;
import org.unccd.cst.TestInputs;
import org.unccd.cst.run.OutputFolder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A distribution waiting on a mail server that never answers holds neither the output
 * folder nor the set: a run on the folder goes on meanwhile (no exit 4), and SIGTERM ends
 * the distribution saying that the set stays published and which deliveries were
 * interrupted, which the next {@code --distribute} makes, once each.
 */
class MailingBesideRunsTests {

	@RegisterExtension
	static final GreenMailExtension smtp = new GreenMailExtension(
			new ServerSetup(3025, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());

	@Test
	void aRunGoesOnWhileADistributionWaitsAndSigtermLeavesTheSetPublished(@TempDir Path dir) throws Exception {
		Path input = TestInputs.write(dir.resolve("in"));
		Path output = dir.resolve("out");
		Files.writeString(input.resolve("distribution.csv"), """
				party,email,languages,formats
				Atlantis,focal.point@atlantis.example.org,en,pdf
				Borduria,nfp@borduria.example.org,en,xlsx
				""");
		String[] run = { "--input=" + input, "--output=" + output, "--as-of=" + TestInputs.AS_OF, "--lang=en" };
		try (ServerSocket hung = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
			ChildJvm mailing = ChildJvm.start(mail(hung.getLocalPort()), dir.resolve("mailing.log"),
					with(run, "--distribute"));
			assertThat(mailing.awaitLog("Distribution of", Duration.ofMinutes(2))).as(mailing.log()).isTrue();

			int rerun = ChildJvm.run(List.of("-Xmx256m"), dir.resolve("rerun.log"), with(run, "--force"));

			String rerunLog = Files.readString(dir.resolve("rerun.log"));
			assertThat(rerun).as(rerunLog).isEqualTo(3);
			assertThat(rerunLog).contains("Published " + output.resolve("T1")).doesNotContain("busy");

			mailing.terminate();
			assertThat(mailing.waitFor(Duration.ofMinutes(1))).as(mailing.log()).isEqualTo(143);
			assertThat(mailing.log())
				.contains("Published " + output.resolve("T1"),
						"cst-reports: stopped while mailing: the set in " + output.resolve("T1")
								+ " stays published; 0 deliveries were sent, 2 were interrupted: they stay failed in "
								+ "the delivery log and the next --distribute sends them",
						"  INTERRUPTED to Atlantis <focal.point@atlantis.example.org> after 1 attempts: interrupted: "
								+ "the process was stopped (SIGTERM) before the mail server took it",
						"Distribution interrupted: 0 sent, 0 already sent, 2 interrupted")
				.doesNotContain("nothing was published");
			assertThat(deliveryLog(output)).containsExactlyInAnyOrder("focal.point@atlantis.example.org failed 1",
					"nfp@borduria.example.org failed 1");
		}

		int again = ChildJvm.run(mail(smtp.getSmtp().getPort()), dir.resolve("again.log"), with(run, "--distribute"));

		// the set is current: 0, as for any current set
		assertThat(again).as(Files.readString(dir.resolve("again.log"))).isZero();
		assertThat(Files.readString(dir.resolve("again.log")))
			.contains("Distribution: 2 sent, 0 already sent, 0 failed");
		assertThat(smtp.getReceivedMessages()).hasSize(2);
		assertThat(deliveryLog(output)).containsExactlyInAnyOrder("focal.point@atlantis.example.org sent 2",
				"nfp@borduria.example.org sent 2");
	}

	private static List<String> mail(int port) {
		return List.of("-Xmx256m", "-Dspring.mail.host=127.0.0.1", "-Dspring.mail.port=" + port,
				"-Dcst.distribution.deadline=3m", "-Dcst.distribution.backoff=10ms",
				"-Dcst.distribution.require-approval=false");
	}

	private static List<String> deliveryLog(Path output) throws Exception {
		List<String> rows = new ArrayList<>();
		try (Connection connection = DriverManager.getConnection(OutputFolder.deliveriesUrl(output), "sa", "");
				ResultSet rs = connection.createStatement()
					.executeQuery("SELECT email, status, attempts, error FROM delivery_log")) {
			while (rs.next()) {
				if ("failed".equals(rs.getString(2))) {
					assertThat(rs.getString(4)).contains("stopped (SIGTERM)");
				}
				rows.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getInt(3));
			}
		}
		return rows;
	}

	private static String[] with(String[] common, String extra) {
		String[] all = java.util.Arrays.copyOf(common, common.length + 1);
		all[common.length] = extra;
		return all;
	}

}
