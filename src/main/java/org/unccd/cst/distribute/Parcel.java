package org.unccd.cst.distribute;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.unccd.cst.publish.FileDigest;
import org.unccd.cst.publish.Manifest;

/**
 * What one recipient is sent from a published set: the reports ({@code pdf}) and the
 * workbook ({@code xlsx}) in each of its languages that the run produced, and the
 * languages it asked for that the run did not produce.
 *
 * @param recipient the recipient
 * @param session the session
 * @param asOf the set's as-of date
 * @param files the files to attach, from the manifest: by language, then format
 * @param missing the languages asked for that the set does not have
 * @param produced the languages the set has
 */
record Parcel(DistributionList.Recipient recipient, String session, LocalDate asOf, List<Manifest.FileEntry> files,
		List<String> missing, List<String> produced) {

	static Parcel of(DistributionList.Recipient recipient, Manifest manifest) {
		List<String> produced = manifest.parameters().lang();
		List<Manifest.FileEntry> files = new ArrayList<>();
		List<String> missing = new ArrayList<>();
		for (String language : recipient.languages()) {
			if (!produced.contains(language)) {
				missing.add(language);
				continue;
			}
			for (String format : recipient.formats()) {
				for (Manifest.FileEntry file : manifest.outputs()) {
					if (matches(file.file(), manifest.session(), language, format)) {
						files.add(file);
					}
				}
			}
		}
		return new Parcel(recipient, manifest.session(), manifest.parameters().asOf(), List.copyOf(files),
				List.copyOf(missing), produced);
	}

	/** Whether a published file is a report ({@code pdf}) or workbook in the language. */
	static boolean matches(String name, String session, String language, String format) {
		return switch (format) {
			case "pdf" -> name.endsWith("." + language + ".pdf") && name.length() > language.length() + 5;
			case "xlsx" -> name.equals(session + "." + language + ".xlsx");
			default -> false;
		};
	}

	/**
	 * The digest of the set of files sent: the session and each file's name and SHA-256,
	 * so that a recipient gets a set again only when its files differ.
	 */
	String digest() {
		StringBuilder all = new StringBuilder(this.session).append('\n');
		this.files.forEach((file) -> all.append(file.file()).append('\t').append(file.sha256()).append('\n'));
		return FileDigest.sha256(all.toString());
	}

	List<String> fileNames() {
		return this.files.stream().map(Manifest.FileEntry::file).toList();
	}

}
