package org.unccd.cst.distribute;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.mail.MessagingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.unccd.cst.aggregate.RejectsCsvWriter;
import org.unccd.cst.ingest.CsvRecordWriter;
import org.unccd.cst.run.JsonFiles;
import org.unccd.cst.run.RunParameters;
import org.unccd.cst.publish.Approvals;
import org.unccd.cst.publish.Manifest;
import org.unccd.cst.publish.OutputLock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * {@code --distribute}: after a successful run, sends each recipient of
 * {@code INPUT/distribution.csv} one email with the published reports and workbook in its
 * languages and formats, unless the delivery log says it already has that set. It runs
 * after the run has let go of the output folder, under a lock of its own, so that a run
 * on the folder need not wait for the mail, and two distributions never mail the same set
 * at once. The deliveries go several at a time ({@link DeliveryRounds}); one that still
 * fails stays {@code failed} in the log, is reported, and is tried again by the next
 * {@code --distribute}.
 */
@Component
@EnableConfigurationProperties(DistributionProperties.class)
public class Distributor {

	private static final Logger log = LoggerFactory.getLogger(Distributor.class);

	private static final Duration LOCK_POLL = Duration.ofMillis(200);

	private final JavaMailSender mailSender;

	private final DistributionProperties properties;

	private final Clock clock = Clock.systemUTC();

	Distributor(ObjectProvider<JavaMailSender> mailSender, DistributionProperties properties) {
		// resolved now: the distribution goes on after the run's context is closed
		this.mailSender = mailSender.getIfAvailable();
		this.properties = properties;
	}

	/** Where the rows of distribution.csv that cannot be used are listed. */
	public static Path rejectsFile(Path output, String session) {
		return output.resolve(session + ".distribution-rejects.csv");
	}

	/**
	 * Moves a delivery log that earlier versions kept in the job database into the log's
	 * own database, while the run holds the output folder and its job database.
	 */
	public static void moveLog(JdbcTemplate jobDatabase, DeliveryDatabase database, Path output)
			throws IOException, SQLException {
		if (!DeliveryLog.inJobDatabase(jobDatabase)) {
			return;
		}
		Optional<OutputLock> lock = OutputLock.tryAcquire(output, OutputLock.DISTRIBUTION);
		if (lock.isEmpty()) {
			throw new IOException(
					"another distribution holds " + output.resolve(".cst-reports").resolve(OutputLock.DISTRIBUTION)
							+ " (" + OutputLock.holder(output, OutputLock.DISTRIBUTION) + ")");
		}
		try (OutputLock held = lock.get(); DeliveryLog deliveries = DeliveryLog.open(database)) {
			int moved = deliveries.moveFrom(jobDatabase);
			if (moved > 0) {
				log.info("Moved {} rows of the delivery log from the job database to {}", moved, database.shown());
			}
		}
	}

	/**
	 * Sends the published set of {@code session} to every recipient that does not have it
	 * yet. The caller holds no lock of the output folder: this takes the distribution's.
	 * @param runCode the run's exit code, 0 or 3
	 * @return 5 when a delivery failed or was not made; else 3 when the run rejected rows
	 * or a row of the distribution list was rejected; else 0
	 */
	public int distribute(RunParameters parameters, String session, int runCode, DeliveryDatabase database,
			PrintStream out, PrintStream err) throws IOException, SQLException {
		Instant deadline = this.clock.instant().plus(this.properties.deadline());
		Optional<OutputLock> lock = awaitLock(parameters.output(), deadline, out);
		if (lock.isEmpty()) {
			err.println("cst-reports: another distribution of " + parameters.output() + " ("
					+ OutputLock.holder(parameters.output(), OutputLock.DISTRIBUTION) + ") was still going on after "
					+ this.properties.deadline().toSeconds() + " s (cst.distribution.deadline); the set in "
					+ parameters.output().resolve(session)
					+ " stays published, and the next --distribute sends it to those who do not have it");
			return 5;
		}
		try (OutputLock held = lock.get(); DeliveryLog deliveries = DeliveryLog.open(database)) {
			return distributeLocked(parameters, session, runCode, deliveries, deadline, out, err);
		}
	}

	/** The distribution's lock, waited for until the deadline. */
	private Optional<OutputLock> awaitLock(Path output, Instant deadline, PrintStream out) throws IOException {
		Optional<OutputLock> lock = OutputLock.tryAcquire(output, OutputLock.DISTRIBUTION);
		if (lock.isPresent()) {
			return lock;
		}
		out.println("Another distribution of " + output + " is going on ("
				+ OutputLock.holder(output, OutputLock.DISTRIBUTION) + "); waiting for it to end");
		while (lock.isEmpty() && this.clock.instant().isBefore(deadline)) {
			try {
				Thread.sleep(LOCK_POLL);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return Optional.empty();
			}
			lock = OutputLock.tryAcquire(output, OutputLock.DISTRIBUTION);
		}
		return lock;
	}

	private int distributeLocked(RunParameters parameters, String session, int runCode, DeliveryLog deliveries,
			Instant deadline, PrintStream out, PrintStream err) throws IOException {
		Path published = parameters.output().resolve(session);
		Path approvedSet = null;
		if (this.properties.requireApproval()) {
			Optional<Approvals.Approval> approval = Approvals.current(parameters.output(), session);
			if (approval.isEmpty()) {
				err.println(
						"cst-reports: the set in " + published + " is a draft that nobody has approved, so nothing was "
								+ "mailed: an officer approves it with --approve --by=NAME, then --distribute sends it "
								+ "(cst.distribution.require-approval=false sends every published set unapproved)");
				return 5;
			}
			Approvals.Approval approved = approval.get();
			out.println("The approved set of " + session + " is sent: as of " + approved.asOf() + ", approved by "
					+ approved.by() + " on " + approved.at()
					+ (Approvals.publishedIsApproved(parameters.output(), session) ? ""
							: "; the newer set published in " + published + " is a draft until it is approved"));
			approvedSet = Approvals.approvedSet(parameters.output(), session);
		}
		Path dir = (approvedSet != null) ? approvedSet : published;
		Manifest manifest = JsonFiles.read(dir.resolve(Manifest.FILE), Manifest.class);
		DistributionList list = DistributionList.read(parameters.input());
		List<DistributionList.Reject> rejects = new ArrayList<>(list.rejects());
		out.println("Distribution of " + dir + " (as of " + manifest.parameters().asOf() + ") to the "
				+ list.recipients().size() + " recipients of " + parameters.input().resolve(DistributionList.FILE)
				+ ":");
		List<Parcel> pending = new ArrayList<>();
		int already = 0;
		for (DistributionList.Recipient recipient : list.recipients()) {
			Parcel parcel = Parcel.of(recipient, manifest);
			if (parcel.files().isEmpty()) {
				rejects.add(new DistributionList.Reject(DistributionList.FILE, recipient.line(), "languages",
						String.join(";", recipient.languages()),
						"none of the languages asked for was produced by the run (it produced "
								+ String.join(", ", parcel.produced()) + ")"));
				continue;
			}
			DeliveryLog.Entry previous = deliveries.find(recipient.email(), parcel.digest());
			if (previous != null && DeliveryLog.SENT.equals(previous.status())) {
				already++;
				out.println("  already sent to " + who(recipient) + " on "
						+ previous.updated().truncatedTo(ChronoUnit.SECONDS) + ": "
						+ String.join(", ", parcel.fileNames()));
				continue;
			}
			pending.add(parcel);
		}
		DeliveryRounds rounds = new DeliveryRounds(this.properties, deliveries, (parcel) -> send(parcel, dir),
				(parcel) -> out
					.println("  sent to " + who(parcel.recipient()) + ": " + String.join(", ", parcel.fileNames())
							+ (parcel.missing().isEmpty() ? ""
									: "; not produced in " + String.join(", ", parcel.missing()) + " (the set has "
											+ String.join(", ", parcel.produced()) + "), said in the message")),
				this.clock);
		// SIGTERM while mailing: the deliveries end, and what became of each is recorded
		// and said before the process exits
		Thread stop = new Thread(() -> rounds.stop(Duration.ofSeconds(5)), "distribution-stop");
		Runtime.getRuntime().addShutdownHook(stop);
		try {
			DeliveryRounds.Result result = rounds.run(pending, deadline);
			for (Map.Entry<Parcel, String> failure : result.failed().entrySet()) {
				Parcel parcel = failure.getKey();
				int attempts = result.attempts().get(parcel);
				String after = (attempts > 0) ? " after " + attempts + " attempts" : "";
				out.println("  " + (result.interrupted() ? "INTERRUPTED" : "FAILED") + " to " + who(parcel.recipient())
						+ after + ": " + failure.getValue());
				if (!result.interrupted()) {
					err.println("cst-reports: the delivery to " + who(parcel.recipient()) + " failed" + after + " ("
							+ failure.getValue()
							+ "); it stays failed in the delivery log and is retried by the next --distribute");
				}
			}
			int failed = result.failed().size();
			if (result.interrupted()) {
				err.println("cst-reports: stopped while mailing: the set in " + published + " stays published; "
						+ result.sent() + " deliveries were sent, " + failed
						+ " were interrupted: they stay failed in the delivery log and the next --distribute "
						+ "sends them");
			}
			rejects.sort(Comparator.comparingLong(DistributionList.Reject::line));
			writeRejects(rejectsFile(parameters.output(), session), rejects);
			for (DistributionList.Reject reject : rejects) {
				err.println("cst-reports: " + reject.file() + ":" + reject.line() + ": "
						+ (reject.column().isEmpty() ? "" : reject.column() + ": ") + reject.reason() + "; not sent");
			}
			out.println("Distribution" + (result.interrupted() ? " interrupted" : "") + ": " + result.sent() + " sent, "
					+ already + " already sent, " + failed + (result.interrupted() ? " interrupted" : " failed") + ", "
					+ rejects.size() + " rows of " + DistributionList.FILE + " rejected"
					+ (rejects.isEmpty() ? "" : " (listed in " + rejectsFile(parameters.output(), session) + ")"));
			if (failed > 0) {
				return 5;
			}
			return (!rejects.isEmpty() || runCode == 3) ? 3 : runCode;
		}
		finally {
			rounds.close();
			if (!rounds.stopped()) {
				try {
					Runtime.getRuntime().removeShutdownHook(stop);
				}
				catch (IllegalStateException shuttingDown) {
					// the process is stopping: the hook runs
				}
			}
		}
	}

	private static String who(DistributionList.Recipient recipient) {
		return recipient.party() + " <" + recipient.email() + ">";
	}

	/** One attempt at a delivery: its error, or {@code null} when the server took it. */
	private String send(Parcel parcel, Path dir) {
		JavaMailSender sender = this.mailSender;
		if (sender == null) {
			return "no SMTP server is configured (spring.mail.host)";
		}
		try {
			sender.send(ParcelMessage.of(sender, this.properties.from(), parcel, dir));
			log.info("Sent {} files to {}", parcel.files().size(), parcel.recipient().email());
			return null;
		}
		catch (MailException | IOException | MessagingException ex) {
			return describe(ex);
		}
	}

	/** The messages of an exception and its causes, each once, without their wrappers. */
	static String describe(Exception ex) {
		List<String> messages = new ArrayList<>();
		for (Throwable cause = ex; cause != null; cause = (cause.getCause() != cause) ? cause.getCause() : null) {
			String message = (cause.getMessage() != null) ? cause.getMessage().strip().replaceAll("\\s+", " ") : "";
			for (String wrapper : List.of("; nested exception is", ". Failed messages:")) {
				if (message.contains(wrapper)) {
					message = message.substring(0, message.indexOf(wrapper));
				}
			}
			String text = message;
			if (!text.isEmpty() && messages.stream().noneMatch((m) -> m.contains(text))) {
				messages.add(text);
			}
		}
		return messages.isEmpty() ? ex.toString() : String.join(": ", messages);
	}

	private static void writeRejects(Path file, List<DistributionList.Reject> rejects) throws IOException {
		if (rejects.isEmpty()) {
			Files.deleteIfExists(file);
			return;
		}
		try (BufferedWriter out = Files.newBufferedWriter(file)) {
			out.write(RejectsCsvWriter.HEADER);
			for (DistributionList.Reject reject : rejects) {
				out.write(CsvRecordWriter.record(reject.file(), reject.line(), reject.column(), reject.value(),
						reject.reason()));
			}
		}
	}

}
