package org.unccd.cst.submission;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;

import org.unccd.cst.model.Programme;
import org.unccd.cst.run.OutputFolder;

/**
 * The data-entry template of a language made on demand, as the console hands it out: the
 * workbook {@code --template} writes, from the same programme and input, but kept in
 * memory and written nowhere, so that it needs no lock on the output folder and does not
 * disturb a run in progress.
 */
public final class Templates {

	private Templates() {
	}

	/**
	 * A template.
	 *
	 * @param session the programme's session
	 * @param name its file name, {@code <session>.template.<lang>.xlsx}
	 * @param bytes the workbook
	 */
	public record Template(String session, String name, byte[] bytes) {
	}

	/** The session of the programme in {@code input}. */
	public static String session(Path input) throws Submissions.ProgrammeUnreadable {
		return Submissions.programme(input).session();
	}

	/**
	 * The template of {@code lang} for the programme and input in {@code input}.
	 * @throws Submissions.ProgrammeUnreadable when the programme cannot be read
	 */
	public static Template of(Path input, String lang) throws Submissions.ProgrammeUnreadable, IOException {
		Programme programme = Submissions.programme(input);
		TemplateWriter writer = new TemplateWriter(programme, LatestStatuses.read(input, programme, LocalDate.now()),
				Submissions.currencies(input, programme));
		ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
		writer.write(lang, out);
		return new Template(programme.session(), OutputFolder.template(programme.session(), lang), out.toByteArray());
	}

}
