package org.unccd.cst.console;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.unccd.cst.model.Messages;
import org.unccd.cst.submission.Submissions;
import org.unccd.cst.submission.Templates;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * The data-entry templates as the console hands them out, to contributors and above
 * (those who submit data): {@code <session>.template.<lang>.xlsx} made on demand from the
 * programme and the input the console serves, in memory, so that it takes no lock on the
 * output folder and leaves a run in progress alone. Each download is audited.
 */
@Component
class TemplateDownloads {

	private static final Logger log = LoggerFactory.getLogger(TemplateDownloads.class);

	/** The media type of a workbook. */
	static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	/** The programme cannot be read, with a sentence without the server's folders. */
	static final class Unreadable extends Exception {

		Unreadable(String message) {
			super(message);
		}

	}

	private final ConsoleSettings settings;

	private final AuditLog audit;

	TemplateDownloads(ConsoleSettings settings, AuditLog audit) {
		this.settings = settings;
		this.audit = audit;
	}

	/** Whether {@code lang} is one of the six languages of a template. */
	static boolean language(String lang) {
		return Messages.LANGUAGES.contains(lang);
	}

	/** The session of the programme the console serves. */
	String session() throws Unreadable {
		try {
			return Templates.session(this.settings.input());
		}
		catch (Submissions.ProgrammeUnreadable ex) {
			throw unreadable(ex);
		}
	}

	/** The template of {@code lang} as a download, audited for {@code user}. */
	ResponseEntity<byte[]> download(String lang, String user, String address) throws Unreadable, IOException {
		Templates.Template template;
		try {
			template = Templates.of(this.settings.input(), lang);
		}
		catch (Submissions.ProgrammeUnreadable ex) {
			throw unreadable(ex);
		}
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.parseMediaType(XLSX));
		headers.setContentDisposition(
				ContentDisposition.attachment().filename(template.name(), StandardCharsets.UTF_8).build());
		headers.setCacheControl("private, no-store");
		this.audit.record(user, address, "template", template.session() + "/" + template.name());
		return ResponseEntity.ok().headers(headers).body(template.bytes());
	}

	private Unreadable unreadable(Submissions.ProgrammeUnreadable ex) {
		log.warn("No template can be made: {}", ex.getMessage());
		return new Unreadable("The programme of the input folder cannot be read ("
				+ this.settings.withoutPaths(String.valueOf(ex.getMessage()))
				+ "), so no template can be made. Correct INPUT/programme.yaml and ask again.");
	}

}
