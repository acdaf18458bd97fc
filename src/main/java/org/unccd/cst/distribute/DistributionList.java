package org.unccd.cst.distribute;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import org.unccd.cst.ingest.CsvRecordParser;
import org.unccd.cst.model.Messages;

/**
 * {@code INPUT/distribution.csv}: who receives the published set, in which languages and
 * formats. Columns {@code party,email,languages,formats} in any order (others are
 * ignored); languages and formats are lists separated by {@code ;}. A row that cannot be
 * used is rejected with its line, column and reason, and nobody on it is sent anything.
 *
 * @param recipients the usable rows, in file order
 * @param rejects the rows that cannot be used, in file order
 */
public record DistributionList(List<Recipient> recipients, List<Reject> rejects) {

	public static final String FILE = "distribution.csv";

	public static final List<String> COLUMNS = List.of("party", "email", "languages", "formats");

	public static final List<String> FORMATS = List.of("pdf", "xlsx");

	/** Letters, digits and the usual signs, an {@code @}, and a domain with a dot. */
	private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@"
			+ "[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+");

	/**
	 * A recipient: one email with the files in these languages and formats.
	 *
	 * @param line the line of the row
	 * @param party the party (or organization) as written
	 * @param email the address
	 * @param languages the languages asked for, in the order given
	 * @param formats the formats asked for: {@code pdf} (the reports), {@code xlsx} (the
	 * workbook)
	 */
	public record Recipient(long line, String party, String email, List<String> languages, List<String> formats) {
	}

	/** A row that cannot be used, as {@code rejects.csv} lists one. */
	public record Reject(String file, long line, String column, String value, String reason) {
	}

	public static DistributionList read(Path inputDir) throws IOException {
		List<Recipient> recipients = new ArrayList<>();
		List<Reject> rejects = new ArrayList<>();
		Map<String, Long> emails = new HashMap<>();
		var decoder = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPLACE)
			.onUnmappableCharacter(CodingErrorAction.REPLACE);
		try (CsvRecordParser parser = new CsvRecordParser(
				new InputStreamReader(Files.newInputStream(inputDir.resolve(FILE)), decoder))) {
			Map<String, Integer> header = null;
			CsvRecordParser.CsvRecord record;
			while ((record = parser.next()) != null) {
				if (record.isBlank()) {
					continue;
				}
				if (header == null) {
					header = new HashMap<>();
					for (int i = 0; i < record.fields().size(); i++) {
						header.putIfAbsent(record.fields().get(i).strip().toLowerCase(Locale.ROOT), i);
					}
					continue;
				}
				Row row = new Row(record.line(), header, record.fields());
				Reject reject = (record.problem() != null) ? row.reject("", "", record.problem()) : row.check();
				if (reject == null) {
					String key = row.field("email").toLowerCase(Locale.ROOT);
					Long first = emails.putIfAbsent(key, record.line());
					if (first != null) {
						reject = row.reject("email", row.field("email"), "the address \"" + row.field("email")
								+ "\" is listed twice (first at line " + first + "): one email per address");
					}
				}
				if (reject != null) {
					rejects.add(reject);
				}
				else {
					recipients.add(new Recipient(record.line(), row.field("party"), row.field("email"),
							row.list("languages"), row.list("formats")));
				}
			}
		}
		return new DistributionList(recipients, rejects);
	}

	/** A row under its header. */
	private record Row(long line, Map<String, Integer> header, List<String> fields) {

		String field(String column) {
			Integer at = this.header.get(column);
			return (at != null && at < this.fields.size()) ? this.fields.get(at).strip() : "";
		}

		List<String> list(String column) {
			Set<String> items = new LinkedHashSet<>();
			for (String item : field(column).split(";")) {
				if (!item.isBlank()) {
					items.add(item.strip().toLowerCase(Locale.ROOT));
				}
			}
			return List.copyOf(items);
		}

		Reject reject(String column, String value, String reason) {
			return new Reject(FILE, this.line, column, value, reason);
		}

		Reject check() {
			for (String column : COLUMNS) {
				if (!this.header.containsKey(column)) {
					return reject(column, "", "the header has no column \"" + column + "\" (required: "
							+ String.join(", ", COLUMNS) + ")");
				}
			}
			if (this.fields.size() != this.header.size()) {
				return reject("", "", "expected " + this.header.size() + " fields, found " + this.fields.size());
			}
			for (String column : COLUMNS) {
				String value = field(column);
				if (value.isEmpty()) {
					return reject(column, "", "required value \"" + column + "\" is empty");
				}
				if (value.indexOf('\uFFFD') >= 0 || value.chars().anyMatch((c) -> c < 0x20 || c == 0x7f)) {
					return reject(column, value.replace('\uFFFD', '?'),
							"invalid UTF-8 or a control character in \"" + column + "\"");
				}
			}
			String email = field("email");
			if (!validEmail(email)) {
				return reject("email", email, "\"" + email + "\" is not an email address");
			}
			for (String language : list("languages")) {
				if (!Messages.LANGUAGES.contains(language)) {
					return reject("languages", field("languages"), "language \"" + language + "\" is not one of "
							+ String.join(", ", Messages.LANGUAGES) + " (separate languages with ;)");
				}
			}
			for (String format : list("formats")) {
				if (!FORMATS.contains(format)) {
					return reject("formats", field("formats"), "format \"" + format + "\" is not one of "
							+ String.join(", ", FORMATS) + " (separate formats with ;)");
				}
			}
			if (list("languages").isEmpty()) {
				return reject("languages", field("languages"), "no language is given");
			}
			if (list("formats").isEmpty()) {
				return reject("formats", field("formats"), "no format is given");
			}
			return null;
		}

	}

	static boolean validEmail(String email) {
		if (email.length() > 254 || !EMAIL.matcher(email).matches()) {
			return false;
		}
		try {
			new InternetAddress(email, true).validate();
			return true;
		}
		catch (AddressException ex) {
			return false;
		}
	}

}
