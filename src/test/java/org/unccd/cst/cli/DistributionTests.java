package org.unccd.cst.cli;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.unccd.cst.TestInputs;
import org.unccd.cst.publish.OutputLock;
import org.unccd.cst.run.OutputFolder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code --distribute} against a real SMTP server on loopback (GreenMail): who gets which
 * files, that a set is sent once, and that a failed delivery is logged, reported and
 * delivered by a later run.
 */
class DistributionTests {

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
				Atlantis,focal.point@atlantis.example.org,en;zh,pdf;xlsx
				Borduria,nfp@borduria.example.org,fr;en,pdf
				Carpathia,cst@carpathia.example.org,ru,xlsx
				Nowhere,not-an-address,en,pdf
				""");
	}

	CommandLineRun distribute(int port) {
		return CommandLineRun.with(mail(port), "--input=" + this.input, "--output=" + this.output,
				"--as-of=" + TestInputs.AS_OF, "--lang=en,zh", "--distribute");
	}

	static Map<String, Object> mail(int port) {
		// these tests are about the deliveries: each published set is sent as it is
		// (SignOffTests sends only approved ones)
		return Map.of("spring.mail.host", "127.0.0.1", "spring.mail.port", port, "cst.distribution.backoff", "10ms",
				"cst.distribution.from", "cst-reports@secretariat.example.org", "cst.distribution.require-approval",
				"false");
	}

	byte[] published(String file) throws IOException {
		return Files.readAllBytes(this.output.resolve("T1").resolve(file));
	}

	@Test
	void eachRecipientGetsOneEmailWithItsLanguagesAndFormats() throws Exception {
		CommandLineRun run = distribute(smtp.getSmtp().getPort());
		assertThat(run.exitCode()).as(run.err()).isEqualTo(3);
		MimeMessage[] received = smtp.getReceivedMessages();
		assertThat(received).hasSize(2);

		MimeMessage atlantis = to(received, "focal.point@atlantis.example.org");
		assertThat(atlantis.getRecipients(Message.RecipientType.TO)).extracting(Object::toString)
			.containsExactly("Atlantis <focal.point@atlantis.example.org>");
		assertThat(atlantis.getFrom()).extracting(Object::toString)
			.containsExactly("cst-reports@secretariat.example.org");
		assertThat(atlantis.getSubject()).isEqualTo("T1: documents as of 30 April 2021");
		Map<String, byte[]> files = attachments(atlantis);
		assertThat(files.keySet()).containsExactly("alpha.en.pdf", "beta.en.pdf", "T1.en.xlsx", "alpha.zh.pdf",
				"beta.zh.pdf", "T1.zh.xlsx");
		for (Map.Entry<String, byte[]> file : files.entrySet()) {
			assertThat(file.getValue()).as(file.getKey()).isEqualTo(published(file.getKey()));
		}
		assertThat(contentType(atlantis, "alpha.en.pdf")).startsWith("application/pdf");
		assertThat(contentType(atlantis, "T1.zh.xlsx"))
			.startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		assertThat(text(atlantis))
			.contains("Dear colleagues (Atlantis)", "documents of session T1", "as of 30 April 2021 (2021-04-30)",
					"alpha.en.pdf  (report, English (en), ", "T1.zh.xlsx  (workbook, Chinese (zh), ")
			.doesNotContain("Not attached");

		MimeMessage borduria = to(received, "nfp@borduria.example.org");
		assertThat(borduria.getRecipients(Message.RecipientType.TO)).extracting(Object::toString)
			.containsExactly("Borduria <nfp@borduria.example.org>");
		assertThat(attachments(borduria).keySet()).containsExactly("alpha.en.pdf", "beta.en.pdf");
		assertThat(text(borduria)).contains("Not attached: the documents in French (fr), which this run did not "
				+ "produce (it produced them in English (en), Chinese (zh)).");

		assertThat(run.out()).contains("Distribution of " + this.output.resolve("T1") + " (as of 2021-04-30)",
				"  sent to Atlantis <focal.point@atlantis.example.org>: alpha.en.pdf, beta.en.pdf, T1.en.xlsx, "
						+ "alpha.zh.pdf, beta.zh.pdf, T1.zh.xlsx",
				"  sent to Borduria <nfp@borduria.example.org>: alpha.en.pdf, beta.en.pdf; not produced in fr",
				"Distribution: 2 sent, 0 already sent, 0 failed, 2 rows of distribution.csv rejected");
		assertThat(run.err()).contains(
				"cst-reports: distribution.csv:4: languages: none of the languages asked for was produced by the run "
						+ "(it produced en, zh); not sent",
				"cst-reports: distribution.csv:5: email: \"not-an-address\" is not an email address; not sent");
		assertThat(Files.readAllLines(this.output.resolve("T1.distribution-rejects.csv"))).containsExactly(
				"file,line,column,value,reason",
				"distribution.csv,4,languages,ru,\"none of the languages asked for was produced by the run "
						+ "(it produced en, zh)\"",
				"distribution.csv,5,email,not-an-address,\"\"\"not-an-address\"\" is not an email address\"");
	}

	@Test
	void aSecondDistributionSendsNothing() throws Exception {
		assertThat(distribute(smtp.getSmtp().getPort()).exitCode()).isEqualTo(3);
		assertThat(smtp.getReceivedMessages()).hasSize(2);
		CommandLineRun again = distribute(smtp.getSmtp().getPort());
		assertThat(again.exitCode()).as(again.err()).isEqualTo(3);
		assertThat(again.out()).contains("are current", "  already sent to Atlantis <focal.point@atlantis.example.org>",
				"  already sent to Borduria <nfp@borduria.example.org>",
				"Distribution: 0 sent, 2 already sent, 0 failed");
		assertThat(smtp.getReceivedMessages()).hasSize(2);
	}

	@Test
	void aCosmeticEditOfTheListSendsTheSameSetToNobodyAgain() throws Exception {
		assertThat(distribute(smtp.getSmtp().getPort()).exitCode()).isEqualTo(3);
		assertThat(smtp.getReceivedMessages()).hasSize(2);
		// the party's wording, the case of the address and the spaces around it change
		Files.writeString(this.input.resolve("distribution.csv"), """
				party,email,languages,formats
				Republic of Atlantis, Focal.Point@ATLANTIS.example.org ,en;zh,pdf;xlsx
				Borduria (focal point),NFP@Borduria.Example.Org,fr;en,pdf
				""");

		CommandLineRun again = distribute(smtp.getSmtp().getPort());

		assertThat(again.out()).as(again.err()).contains("Distribution: 0 sent, 2 already sent, 0 failed");
		assertThat(smtp.getReceivedMessages()).hasSize(2);
	}

	@Test
	void aHungMailServerHoldsTheRunNoLongerThanTheDeadline() throws Exception {
		// a server that accepts connections and never says a word
		try (java.net.ServerSocket hung = new java.net.ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
			Map<String, Object> properties = new java.util.HashMap<>(mail(hung.getLocalPort()));
			// without a deadline: 2 recipients x 5 attempts x 1.5 s of waiting for the
			// greeting
			properties.put("spring.mail.properties.mail.smtp.timeout", "1500");
			properties.put("spring.mail.properties.mail.smtp.connectiontimeout", "1500");
			properties.put("cst.distribution.attempts", "5");
			properties.put("cst.distribution.deadline", "2s");
			// published first, so that the time below is the distribution's
			assertThat(CommandLineRun
				.of("--input=" + this.input, "--output=" + this.output, "--as-of=" + TestInputs.AS_OF, "--lang=en,zh")
				.exitCode()).isEqualTo(3);
			long start = System.nanoTime();

			CommandLineRun run = CommandLineRun.with(properties, "--input=" + this.input, "--output=" + this.output,
					"--as-of=" + TestInputs.AS_OF, "--lang=en,zh", "--distribute");

			long seconds = java.time.Duration.ofNanos(System.nanoTime() - start).toSeconds();
			assertThat(run.exitCode()).as(run.err()).isEqualTo(5);
			assertThat(run.out()).contains("Distribution: 0 sent, 0 already sent, 2 failed");
			assertThat(seconds).as("seconds with a hung server").isLessThan(10);
		}
	}

	@Test
	void manyRecipientsAreEachSentOneEmailSeveralAtOnce() throws Exception {
		List<String> addresses = writeRecipients(12);
		try (SlowSmtpProxy proxy = new SlowSmtpProxy(smtp.getSmtp().getPort(), java.time.Duration.ofMillis(400))) {
			Map<String, Object> properties = new java.util.HashMap<>(mail(proxy.port()));
			properties.put("cst.distribution.parallel", "4");

			CommandLineRun run = CommandLineRun.with(properties, "--input=" + this.input, "--output=" + this.output,
					"--as-of=" + TestInputs.AS_OF, "--lang=en", "--distribute");

			assertThat(run.exitCode()).as(run.err()).isEqualTo(3);
			assertThat(run.out()).contains("Distribution: 12 sent, 0 already sent, 0 failed");
			// four connections at a time, never more, each held by the slow greeting
			assertThat(proxy.mostAtOnce()).isEqualTo(4);
			assertThat(proxy.connections()).isEqualTo(12);
		}
		List<String> received = new ArrayList<>();
		for (MimeMessage message : smtp.getReceivedMessages()) {
			received.add(message.getRecipients(Message.RecipientType.TO)[0].toString());
			assertThat(attachments(message).keySet()).containsExactly("alpha.en.pdf", "beta.en.pdf");
		}
		assertThat(received).containsExactlyInAnyOrderElementsOf(
				addresses.stream().map((email) -> "Party " + email.substring(1, 3) + " <" + email + ">").toList());
		List<String> rows = deliveryLog();
		assertThat(rows).hasSize(12).allMatch((row) -> row.endsWith(" sent 1"));

		CommandLineRun again = CommandLineRun.with(mail(smtp.getSmtp().getPort()), "--input=" + this.input,
				"--output=" + this.output, "--as-of=" + TestInputs.AS_OF, "--lang=en", "--distribute");
		assertThat(again.out()).as(again.err()).contains("Distribution: 0 sent, 12 already sent, 0 failed");
		assertThat(smtp.getReceivedMessages()).hasSize(12);
	}

	@Test
	void aHungMailServerHoldsManyRecipientsNoLongerThanTheDeadline() throws Exception {
		writeRecipients(20);
		try (ServerSocket hung = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
			// each delivery would wait 30 s for the greeting; 20 of them, 4 at a time
			Map<String, Object> properties = new java.util.HashMap<>(mail(hung.getLocalPort()));
			properties.put("cst.distribution.deadline", "2s");
			assertThat(CommandLineRun
				.of("--input=" + this.input, "--output=" + this.output, "--as-of=" + TestInputs.AS_OF, "--lang=en")
				.exitCode()).isEqualTo(3);
			long start = System.nanoTime();

			CommandLineRun run = CommandLineRun.with(properties, "--input=" + this.input, "--output=" + this.output,
					"--as-of=" + TestInputs.AS_OF, "--lang=en", "--distribute");

			long seconds = java.time.Duration.ofNanos(System.nanoTime() - start).toSeconds();
			assertThat(run.exitCode()).as(run.err()).isEqualTo(5);
			assertThat(seconds).as("seconds with a hung server and 20 recipients").isLessThan(8);
			assertThat(run.out()).contains("Distribution: 0 sent, 0 already sent, 20 failed");
			assertThat(run.err()).contains(
					"(no answer from the mail server before the distribution's deadline of 2 s "
							+ "passed); it stays failed in the delivery log",
					"(not tried: the distribution's deadline of 2 s passed); it stays failed in the delivery log");
			assertThat(deliveryLog()).hasSize(20).allMatch((row) -> row.contains(" failed "));
		}
	}

	@Test
	void aSecondDistributionWaitsForTheFirstAndSendsEachSetOnce() throws Exception {
		try (ServerSocket hung = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
			Map<String, Object> silent = new java.util.HashMap<>(mail(hung.getLocalPort()));
			silent.put("cst.distribution.deadline", "4s");
			java.util.concurrent.CompletableFuture<CommandLineRun> first = java.util.concurrent.CompletableFuture
				.supplyAsync(() -> distribute(silent));
			long until = System.nanoTime() + java.time.Duration.ofMinutes(1).toNanos();
			while (!mailing() && System.nanoTime() < until) {
				Thread.sleep(20);
			}

			CommandLineRun second = distribute(mail(smtp.getSmtp().getPort()));

			CommandLineRun firstRun = first.get(1, java.util.concurrent.TimeUnit.MINUTES);
			assertThat(firstRun.exitCode()).as(firstRun.err()).isEqualTo(5);
			assertThat(firstRun.out()).contains("Distribution: 0 sent, 0 already sent, 2 failed");
			assertThat(second.exitCode()).as(second.err()).isEqualTo(3);
			assertThat(second.out()).contains("are current",
					"Another distribution of " + this.output + " is going on (pid " + ProcessHandle.current().pid(),
					"waiting for it to end", "Distribution: 2 sent, 0 already sent, 0 failed");
			assertThat(smtp.getReceivedMessages()).hasSize(2);
		}
	}

	/** Whether a distribution holds its lock and no run holds the output folder. */
	boolean mailing() throws IOException {
		Optional<OutputLock> distribution = OutputLock.tryAcquire(this.output, OutputLock.DISTRIBUTION);
		if (distribution.isPresent()) {
			distribution.get().close();
			return false;
		}
		Optional<OutputLock> run = OutputLock.tryAcquire(this.output);
		run.ifPresent((held) -> {
			try {
				held.close();
			}
			catch (IOException ex) {
				throw new java.io.UncheckedIOException(ex);
			}
		});
		return run.isPresent();
	}

	CommandLineRun distribute(Map<String, Object> properties) {
		return CommandLineRun.with(properties, "--input=" + this.input, "--output=" + this.output,
				"--as-of=" + TestInputs.AS_OF, "--lang=en,zh", "--distribute");
	}

	@Test
	void aDeliveryLogKeptInTheJobDatabaseByAnEarlierVersionStillCounts() throws Exception {
		org.junit.jupiter.api.Assumptions.assumeTrue(getClass() == DistributionTests.class, "the H2 job database only");
		assertThat(distribute(smtp.getSmtp().getPort()).exitCode()).isEqualTo(3);
		assertThat(smtp.getReceivedMessages()).hasSize(2);
		// as an earlier version left it: the rows in a table of the job database, and no
		// database of the log's own
		List<List<Object>> rows = new ArrayList<>();
		try (Connection log = deliveryLogDatabase();
				ResultSet rs = log.createStatement().executeQuery("SELECT * FROM delivery_log")) {
			while (rs.next()) {
				List<Object> row = new ArrayList<>();
				for (int i = 1; i <= 12; i++) {
					row.add(rs.getObject(i));
				}
				rows.add(row);
			}
		}
		try (Connection jobs = DriverManager.getConnection(OutputFolder.databaseUrl(this.output), "sa", "")) {
			jobs.createStatement()
				.execute("CREATE TABLE delivery_log (party VARCHAR(1000) NOT NULL, email VARCHAR(320) NOT NULL, "
						+ "set_digest VARCHAR(64) NOT NULL, session VARCHAR(1000) NOT NULL, as_of VARCHAR(10) NOT NULL, "
						+ "languages VARCHAR(100) NOT NULL, formats VARCHAR(20) NOT NULL, files VARCHAR(20000) NOT NULL, "
						+ "status VARCHAR(20) NOT NULL, attempts INT NOT NULL, updated TIMESTAMP WITH TIME ZONE NOT NULL, "
						+ "error VARCHAR(2000), PRIMARY KEY (party, email, set_digest))");
			for (List<Object> row : rows) {
				var insert = jobs
					.prepareStatement("INSERT INTO delivery_log VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
				for (int i = 0; i < row.size(); i++) {
					insert.setObject(i + 1, row.get(i));
				}
				insert.executeUpdate();
			}
		}
		org.springframework.util.FileSystemUtils.deleteRecursively(OutputFolder.deliveriesDir(this.output));

		CommandLineRun again = distribute(smtp.getSmtp().getPort());

		assertThat(again.out()).as(again.err()).contains("Distribution: 0 sent, 2 already sent, 0 failed");
		assertThat(smtp.getReceivedMessages()).hasSize(2);
		assertThat(deliveryLog()).containsExactlyInAnyOrder("Atlantis focal.point@atlantis.example.org sent 1",
				"Borduria nfp@borduria.example.org sent 1");
		try (Connection jobs = DriverManager.getConnection(OutputFolder.databaseUrl(this.output), "sa", "");
				ResultSet tables = jobs.getMetaData().getTables(null, "PUBLIC", "DELIVERY_LOG", null)) {
			assertThat(tables.next()).as("the job database's delivery_log is gone").isFalse();
		}
	}

	@Test
	void failedDeliveriesAreLoggedReportedAndDeliveredOnceByTheNextRun() throws Exception {
		int nothingListens = freePort();
		CommandLineRun failed = distribute(nothingListens);
		assertThat(failed.exitCode()).as(failed.err()).isEqualTo(5);
		assertThat(this.output.resolve("T1/manifest.json")).exists();
		assertThat(failed.err()).contains(
				"cst-reports: the delivery to Atlantis <focal.point@atlantis.example.org> failed after 3 attempts "
						+ "(Mail server connection failed: Couldn't connect to host, port: 127.0.0.1, " + nothingListens
						+ "; timeout 10000: Connection refused)",
				"it stays failed in the delivery log and is retried by the next --distribute");
		assertThat(failed.out()).contains("Distribution: 0 sent, 0 already sent, 2 failed");
		assertThat(deliveryLog()).containsExactlyInAnyOrder("Atlantis focal.point@atlantis.example.org failed 3",
				"Borduria nfp@borduria.example.org failed 3");

		CommandLineRun retried = distribute(smtp.getSmtp().getPort());
		assertThat(retried.exitCode()).as(retried.err()).isEqualTo(3);
		assertThat(retried.out()).contains("are current", "Distribution: 2 sent, 0 already sent, 0 failed");
		assertThat(smtp.getReceivedMessages()).hasSize(2);
		assertThat(deliveryLog()).containsExactlyInAnyOrder("Atlantis focal.point@atlantis.example.org sent 4",
				"Borduria nfp@borduria.example.org sent 4");

		assertThat(distribute(smtp.getSmtp().getPort()).exitCode()).isEqualTo(3);
		assertThat(smtp.getReceivedMessages()).hasSize(2);
	}

	@Test
	void aNewSetIsSentAgainAndSupersedesAnUndeliveredOne() throws Exception {
		assertThat(distribute(freePort()).exitCode()).isEqualTo(5);
		// new data: a new set, which reaches the recipients; the failed one is superseded
		Files.writeString(this.input.resolve("progress/findings-more.csv"),
				"outcome,text,date\nA.1-y,Another finding,2021-03-01\n");
		assertThat(distribute(smtp.getSmtp().getPort()).exitCode()).isEqualTo(3);
		assertThat(smtp.getReceivedMessages()).hasSize(2);
		assertThat(deliveryLog()).containsExactlyInAnyOrder("Atlantis focal.point@atlantis.example.org superseded 3",
				"Borduria nfp@borduria.example.org superseded 3", "Atlantis focal.point@atlantis.example.org sent 1",
				"Borduria nfp@borduria.example.org sent 1");
	}

	@Test
	void distributeWithoutADistributionListIsABadCommandLine() throws Exception {
		Files.delete(this.input.resolve("distribution.csv"));
		CommandLineRun run = distribute(smtp.getSmtp().getPort());
		assertThat(run.exitCode()).isEqualTo(2);
		assertThat(run.err()).contains("--distribute: no file " + this.input.resolve("distribution.csv"));
		assertThat(this.output.resolve("T1")).doesNotExist();
	}

	@Test
	void aFailedRunSendsNothing() throws Exception {
		CommandLineRun run = CommandLineRun.with(mail(smtp.getSmtp().getPort()), "--input=" + this.input,
				"--output=" + this.output, "--as-of=" + TestInputs.AS_OF, "--max-rejects=1", "--distribute");
		assertThat(run.exitCode()).isEqualTo(1);
		assertThat(run.out()).doesNotContain("Distribution");
		assertThat(smtp.getReceivedMessages()).isEmpty();
	}

	/** A connection to the database of the output folder's delivery log. */
	Connection deliveryLogDatabase() throws Exception {
		return DriverManager.getConnection(OutputFolder.deliveriesUrl(this.output), "sa", "");
	}

	String deliveryLogTable() {
		return "delivery_log";
	}

	/** Each row of the delivery log: party, email, status and attempts. */
	List<String> deliveryLog() throws Exception {
		List<String> rows = new ArrayList<>();
		try (Connection connection = deliveryLogDatabase();
				ResultSet rs = connection.createStatement()
					.executeQuery("SELECT party, email, status, attempts, updated, error, set_digest FROM "
							+ deliveryLogTable() + " ORDER BY updated, party")) {
			while (rs.next()) {
				assertThat(rs.getString("set_digest")).hasSize(64);
				assertThat(rs.getTimestamp("updated")).isNotNull();
				if ("failed".equals(rs.getString("status"))) {
					assertThat(rs.getString("error")).containsAnyOf("Connection refused", "deadline");
				}
				rows.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3) + " " + rs.getInt(4));
			}
		}
		return rows;
	}

	/**
	 * A distribution list of {@code count} parties in English, PDF only; their addresses.
	 */
	List<String> writeRecipients(int count) throws IOException {
		StringBuilder csv = new StringBuilder("party,email,languages,formats\n");
		List<String> addresses = new ArrayList<>();
		for (int i = 1; i <= count; i++) {
			String email = String.format("p%02d@parties.example.org", i);
			addresses.add(email);
			csv.append(String.format("Party %02d,%s,en,pdf%n", i, email));
		}
		Files.writeString(this.input.resolve("distribution.csv"), csv);
		return addresses;
	}

	/** The message received for an address, whichever order the deliveries went in. */
	static MimeMessage to(MimeMessage[] received, String email) throws Exception {
		for (MimeMessage message : received) {
			if (message.getRecipients(Message.RecipientType.TO)[0].toString().contains("<" + email + ">")) {
				return message;
			}
		}
		throw new AssertionError("no message to " + email);
	}

	static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

	static Map<String, byte[]> attachments(MimeMessage message) throws Exception {
		Map<String, byte[]> files = new LinkedHashMap<>();
		Multipart multipart = (Multipart) message.getContent();
		for (int i = 0; i < multipart.getCount(); i++) {
			BodyPart part = multipart.getBodyPart(i);
			if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
				files.put(part.getFileName(), part.getInputStream().readAllBytes());
			}
		}
		return files;
	}

	static String contentType(MimeMessage message, String file) throws Exception {
		Multipart multipart = (Multipart) message.getContent();
		for (int i = 0; i < multipart.getCount(); i++) {
			if (file.equals(multipart.getBodyPart(i).getFileName())) {
				return multipart.getBodyPart(i).getContentType();
			}
		}
		throw new AssertionError("no attachment " + file);
	}

	static String text(MimeMessage message) throws Exception {
		Multipart multipart = (Multipart) message.getContent();
		for (int i = 0; i < multipart.getCount(); i++) {
			BodyPart part = multipart.getBodyPart(i);
			if (part.getDisposition() == null || !Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
				Object content = part.getContent();
				if (content instanceof Multipart inner) {
					return (String) inner.getBodyPart(0).getContent();
				}
				return (String) content;
			}
		}
		throw new AssertionError("no text part");
	}

}
