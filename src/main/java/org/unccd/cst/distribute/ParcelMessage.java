package org.unccd.cst.distribute;

import java.io.IOException;
import java.io.UnsupportedEncodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.unccd.cst.publish.FileDigest;
import org.unccd.cst.publish.Manifest;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * The email of one delivery: from the configured sender to the party, a subject and a
 * plain-text body in English, and the parcel's files attached, each checked against the
 * digest the manifest lists for it.
 */
final class ParcelMessage {

	private ParcelMessage() {
	}

	static final String PDF = "application/pdf";

	static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	private static final DateTimeFormatter ENGLISH_DATE = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH);

	static MimeMessage of(JavaMailSender sender, String from, Parcel parcel, Path dir)
			throws IOException, MessagingException {
		MimeMessage message = sender.createMimeMessage();
		MimeMessageHelper helper = new MimeMessageHelper(message, MimeMessageHelper.MULTIPART_MODE_MIXED, "UTF-8");
		helper.setFrom(from);
		helper.setTo(address(parcel.recipient()));
		helper.setSubject(parcel.session() + ": documents as of " + englishDate(parcel.asOf()));
		helper.setText(body(parcel), false);
		for (Manifest.FileEntry file : parcel.files()) {
			byte[] bytes = Files.readAllBytes(dir.resolve(file.file()));
			if (!FileDigest.sha256(bytes).equals(file.sha256())) {
				throw new IOException("the published file " + dir.resolve(file.file())
						+ " is not the one the manifest lists (changed since publication)");
			}
			helper.addAttachment(file.file(), new ByteArrayResource(bytes), file.file().endsWith(".pdf") ? PDF : XLSX);
		}
		return message;
	}

	private static InternetAddress address(DistributionList.Recipient recipient) throws MessagingException {
		try {
			return new InternetAddress(recipient.email(), recipient.party(), "UTF-8");
		}
		catch (UnsupportedEncodingException ex) {
			throw new MessagingException(ex.getMessage(), ex);
		}
	}

	/** The plain-text body, in English: the session, the as-of date and the files. */
	static String body(Parcel parcel) {
		StringBuilder body = new StringBuilder();
		body.append("Dear colleagues (").append(parcel.recipient().party()).append("),\n\n");
		body.append("Attached are the documents of session ")
			.append(parcel.session())
			.append(", made from the progress data as of ")
			.append(englishDate(parcel.asOf()))
			.append(" (")
			.append(parcel.asOf())
			.append("):\n\n");
		for (Manifest.FileEntry file : parcel.files()) {
			body.append("  ")
				.append(file.file())
				.append(file.file().endsWith(".pdf") ? "  (report, " : "  (workbook, ")
				.append(language(languageOf(file.file())))
				.append(", ")
				.append(String.format(Locale.ENGLISH, "%,d", file.size()))
				.append(" bytes)\n");
		}
		if (!parcel.missing().isEmpty()) {
			body.append("\nNot attached: the documents in ")
				.append(String.join(" and ", parcel.missing().stream().map(ParcelMessage::language).toList()))
				.append(", which this run did not produce (it produced them in ")
				.append(String.join(", ", parcel.produced().stream().map(ParcelMessage::language).toList()))
				.append(").\n");
		}
		body.append("\nThe SHA-256 digest of each file is listed in manifest.json, published with them in the folder ")
			.append(parcel.session())
			.append(".\n\nThis message was sent by cst-reports; you receive each set of documents once.\n");
		return body.toString();
	}

	private static String languageOf(String file) {
		String stem = file.substring(0, file.lastIndexOf('.'));
		return stem.substring(stem.lastIndexOf('.') + 1);
	}

	/** "French (fr)". */
	static String language(String code) {
		return Locale.forLanguageTag(code).getDisplayLanguage(Locale.ENGLISH) + " (" + code + ")";
	}

	static String englishDate(LocalDate date) {
		return ENGLISH_DATE.format(date);
	}

}
