package org.unccd.cst.distribute;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.mail.MessagingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.unccd.cst.aggregate.RejectsCsvWriter;
import org.unccd.cst.ingest.CsvRecordWriter;
import org.unccd.cst.run.JsonFiles;
import org.unccd.cst.run.RunParameters;
import org.unccd.cst.publish.Manifest;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * {@code --distribute}: after a successful run, sends each recipient of
 * {@code INPUT/distribution.csv} one email with the published reports and workbook in its
 * languages and formats, unless the delivery log says it already has that set. A delivery
 * is tried several times with a growing wait; one that still fails stays {@code failed}
 * in the log, is reported, and is tried again by the next {@code --distribute}.
 */
@Component
@EnableConfigurationProperties(DistributionProperties.class)
public class Distributor {

	private static final Logger log = LoggerFactory.getLogger(Distributor.class);

	private final JdbcTemplate jdbc;

	private final ObjectProvider<JavaMailSender> mailSender;

	private final DistributionProperties properties;

	private final Clock clock = Clock.systemUTC();

	Distributor(JdbcTemplate jdbc, ObjectProvider<JavaMailSender> mailSender, DistributionProperties properties) {
		this.jdbc = jdbc;
		this.mailSender = mailSender;
		this.properties = properties;
	}

	/** Where the rows of distribution.csv that cannot be used are listed. */
	public static Path rejectsFile(Path output, String session) {
		return output.resolve(session + ".distribution-rejects.csv");
	}

	/**
	 * Sends the published set of {@code session} to every recipient that does not have it
	 * yet.
	 * @param runCode the run's exit code, 0 or 3
	 * @return 5 when a delivery failed; else 3 when the run rejected rows or a row of the
	 * distribution list was rejected; else 0
	 */
	public int distribute(RunParameters parameters, String session, int runCode, PrintStream out, PrintStream err)
			throws IOException {
		Path dir = parameters.output().resolve(session);
		Manifest manifest = JsonFiles.read(dir.resolve(Manifest.FILE), Manifest.class);
		DistributionList list = DistributionList.read(parameters.input());
		DeliveryLog deliveries = new DeliveryLog(this.jdbc);
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
		int sent = 0;
		Map<Parcel, String> errors = new LinkedHashMap<>();
		int attempts = Math.max(1, this.properties.attempts());
		Duration wait = this.properties.backoff();
		// each round tries every delivery still pending, so that a server that is down
		// costs
		// the same waits for one recipient as for a hundred
		java.time.Instant deadline = this.clock.instant().plus(this.properties.deadline());
		boolean late = false;
		for (int attempt = 1; attempt <= attempts && !pending.isEmpty() && !late; attempt++) {
			if (attempt > 1 && this.clock.instant().plus(wait).isAfter(deadline)) {
				late = true;
				break;
			}
			if (attempt > 1) {
				log.info("{} deliveries failed; trying them again in {} ms", pending.size(), wait.toMillis());
				try {
					Thread.sleep(wait);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					attempts = attempt - 1;
					break;
				}
				wait = wait.multipliedBy(2);
			}
			List<Parcel> failing = new ArrayList<>();
			for (Parcel parcel : pending) {
				if (this.clock.instant().isAfter(deadline)) {
					// a hung server holds the run no longer than the deadline
					late = true;
					errors.putIfAbsent(parcel, "not tried: the distribution's deadline of "
							+ this.properties.deadline().toSeconds() + " s passed");
					failing.add(parcel);
					continue;
				}
				String error = send(parcel, dir);
				if (error == null) {
					sent++;
					errors.remove(parcel);
					deliveries.record(parcel, DeliveryLog.SENT, attempt, this.clock.instant(), null);
					out.println("  sent to " + who(parcel.recipient()) + ": " + String.join(", ", parcel.fileNames())
							+ (parcel.missing().isEmpty() ? ""
									: "; not produced in " + String.join(", ", parcel.missing()) + " (the set has "
											+ String.join(", ", parcel.produced()) + "), said in the message"));
				}
				else {
					log.warn("Attempt {} of {} to send to {} failed: {}", attempt, attempts, parcel.recipient().email(),
							error);
					errors.put(parcel, error);
					failing.add(parcel);
				}
			}
			pending = failing;
		}
		for (Parcel parcel : pending) {
			String error = errors.get(parcel);
			deliveries.record(parcel, DeliveryLog.FAILED, attempts, this.clock.instant(), error);
			out.println("  FAILED to " + who(parcel.recipient()) + " after " + attempts + " attempts: " + error);
			err.println("cst-reports: the delivery to " + who(parcel.recipient()) + " failed after " + attempts
					+ " attempts (" + error
					+ "); it stays failed in the delivery log and is retried by the next --distribute");
		}
		int failed = pending.size();
		rejects.sort(Comparator.comparingLong(DistributionList.Reject::line));
		writeRejects(rejectsFile(parameters.output(), session), rejects);
		for (DistributionList.Reject reject : rejects) {
			err.println("cst-reports: " + reject.file() + ":" + reject.line() + ": "
					+ (reject.column().isEmpty() ? "" : reject.column() + ": ") + reject.reason() + "; not sent");
		}
		out.println("Distribution: " + sent + " sent, " + already + " already sent, " + failed + " failed, "
				+ rejects.size() + " rows of " + DistributionList.FILE + " rejected"
				+ (rejects.isEmpty() ? "" : " (listed in " + rejectsFile(parameters.output(), session) + ")"));
		if (failed > 0) {
			return 5;
		}
		return (!rejects.isEmpty() || runCode == 3) ? 3 : runCode;
	}

	private static String who(DistributionList.Recipient recipient) {
		return recipient.party() + " <" + recipient.email() + ">";
	}

	/** One attempt at a delivery: its error, or {@code null} when the server took it. */
	private String send(Parcel parcel, Path dir) {
		JavaMailSender sender = this.mailSender.getIfAvailable();
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
