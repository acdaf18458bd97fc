package org.unccd.cst.console;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.unccd.cst.publish.FileDigest;
import org.unccd.cst.publish.OutputLock;
import org.unccd.cst.submission.Submissions;
import tools.jackson.databind.json.JsonMapper;

/**
 * The submissions of data files through the console. An upload is checked at once, as
 * {@code --check} checks (the run's reader and rules, the data already in
 * {@code INPUT/progress/}, the user's scope), and held in a staging folder of the
 * server's own, {@code OUTPUT/.cst-reports/uploads/<random id>/}, under names the server
 * gives; a file that cannot be read as a table (hostile, corrupt, not UTF-8, not a data
 * file) or that holds rows outside the user's scope is refused and nothing of it is kept.
 * Submitting moves each file into {@code INPUT/progress/} under a new name of the
 * server's, never over another file; a submission that replaces an earlier one moves the
 * earlier file to {@code OUTPUT/.cst-reports/submissions/replaced/}. Every submission and
 * replacement is appended to {@code OUTPUT/.cst-reports/submissions.jsonl}.
 */
public class SubmissionStore {

	/** The record of submissions in {@code OUTPUT/.cst-reports}. */
	public static final String RECORD = "submissions.jsonl";

	/** How many rejected rows an upload keeps to show. */
	static final int REJECTS_KEPT = 1000;

	private static final Pattern ID = Pattern.compile("[0-9a-f]{32}");

	private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
		.withZone(ZoneOffset.UTC);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final SecureRandom RANDOM = new SecureRandom();

	/** Why an upload, or its submission, is refused; each has a sentence on the pages. */
	public enum Refusal {

		/** No file in the upload. */
		NO_FILE,
		/** More files than {@code cst.console.submissions.max-files}. */
		TOO_MANY_FILES,
		/** As many uploads waiting as {@code cst.console.submissions.max-pending}. */
		TOO_MANY_PENDING,
		/** A file larger than the upload limit. */
		TOO_LARGE,
		/**
		 * A file that is not {@code .csv} or {@code .xlsx}, or a CSV named after no
		 * table.
		 */
		NOT_DATA,
		/** A file with nothing in it. */
		EMPTY,
		/** A CSV file with bytes that are not UTF-8. */
		NOT_UTF8,
		/**
		 * A file (or a sheet) the run would reject as a whole: corrupt, hostile, no
		 * header.
		 */
		UNREADABLE,
		/** A file without a row. */
		NO_ROWS,
		/** Rows outside the user's scope. */
		OUT_OF_SCOPE,
		/** The submission to replace is unknown, replaced already, or not the user's. */
		REPLACE_INVALID,
		/** Only an upload of one file replaces a submission. */
		REPLACE_MULTIPLE,
		/** The programme cannot be read, so nothing can be checked. */
		PROGRAMME,
		/** A run holds the output folder: the upload waits until it ends. */
		BUSY

	}

	/**
	 * An upload or a submission refused, with the reason and the check if there was one.
	 */
	public static final class RefusedException extends Exception {

		private final Refusal refusal;

		private final String subject;

		private final transient Upload check;

		RefusedException(Refusal refusal, String subject, String detail, Upload check) {
			super(detail);
			this.refusal = refusal;
			this.subject = subject;
			this.check = check;
		}

		public Refusal refusal() {
			return this.refusal;
		}

		/**
		 * What the refusal is about (a file's name, a number), for the page's sentence.
		 */
		public String subject() {
			return this.subject;
		}

		/** The check of the refused upload, or {@code null} when it was not checked. */
		public Upload check() {
			return this.check;
		}

	}

	/**
	 * A file as it arrived.
	 *
	 * @param name its name on the sender's computer
	 * @param size its size in bytes
	 * @param content its bytes
	 */
	public record Incoming(String name, long size, InputStreamSource content) {
	}

	/** The bytes of an incoming file. */
	@FunctionalInterface
	public interface InputStreamSource {

		InputStream open() throws IOException;

	}

	/**
	 * A checked file of an upload.
	 *
	 * @param uploadedName its name as uploaded
	 * @param staged its name in the staging folder
	 * @param sha256 its SHA-256
	 * @param size its size in bytes
	 * @param read the rows read
	 * @param accepted the rows the run would accept
	 * @param rejected the rows it would reject
	 */
	public record CheckedFile(String uploadedName, String staged, String sha256, long size, long read, long accepted,
			long rejected) {
	}

	/**
	 * A rejected row, as {@code rejects.csv} lists it, named by the uploaded name.
	 */
	public record Reject(String file, long line, String column, String value, String reason) {
	}

	/**
	 * A checked upload, waiting for its submission or discarding.
	 *
	 * @param id its random id
	 * @param user who uploaded it
	 * @param time when
	 * @param files its files
	 * @param rejects the first {@value #REJECTS_KEPT} rejected rows, and beyond them
	 * those that refuse the upload: each file or sheet rejected as a whole, a row outside
	 * the scope
	 * @param rejected all the rejected rows
	 * @param replaces the number of the submission it replaces, or {@code null}
	 */
	public record Upload(String id, String user, String time, List<CheckedFile> files, List<Reject> rejects,
			long rejected, Integer replaces) {

		public long read() {
			return this.files.stream().mapToLong(CheckedFile::read).sum();
		}

		public long accepted() {
			return this.files.stream().mapToLong(CheckedFile::accepted).sum();
		}

		/** When it was uploaded, as an instant. */
		public Instant instant() {
			return Instant.parse(this.time);
		}

	}

	/**
	 * A submitted file, with what became of it.
	 *
	 * @param number its number, from 1
	 * @param time when it was submitted (UTC)
	 * @param user who submitted it
	 * @param uploadedName its name as uploaded
	 * @param storedName its name in {@code INPUT/progress/}
	 * @param sha256 its SHA-256
	 * @param accepted the rows the check accepted
	 * @param rejected the rows it rejected
	 * @param replaces the number of the submission it replaced, or {@code null}
	 * @param replacedBy the number of the submission that replaced it, or {@code null}
	 */
	public record Submission(int number, String time, String user, String uploadedName, String storedName,
			String sha256, long accepted, long rejected, Integer replaces, Integer replacedBy) {

		/** When it was submitted, as an instant. */
		public Instant instant() {
			return Instant.parse(this.time);
		}

	}

	/**
	 * A line of the record: a submission ({@code submitted}) or a replacement
	 * ({@code replaced}: {@code number} replaced by {@code replacedBy}, kept as
	 * {@code storedName} in {@code OUTPUT/.cst-reports/submissions/replaced/}).
	 */
	record Entry(String event, int number, String time, String user, String uploadedName, String storedName,
			String sha256, long accepted, long rejected, Integer replaces, Integer replacedBy) {
	}

	private final ConsoleSettings settings;

	private final AuditLog audit;

	private final Clock clock;

	private final int maxFiles;

	private final int maxPending;

	private final Path uploads;

	private final Path record;

	private final Path replaced;

	public SubmissionStore(ConsoleSettings settings, AuditLog audit, Clock clock, int maxFiles, int maxPending) {
		this.settings = settings;
		this.audit = audit;
		this.clock = clock;
		this.maxFiles = maxFiles;
		this.maxPending = maxPending;
		Path work = settings.output().resolve(".cst-reports");
		this.uploads = work.resolve("uploads");
		this.record = work.resolve(RECORD);
		this.replaced = work.resolve("submissions").resolve("replaced");
	}

	/**
	 * Deletes what an upload cut short left in the staging area (a folder without its
	 * {@code upload.json}: the console stopped while it checked); the console calls it as
	 * it starts, when no upload is under way.
	 */
	public synchronized void removeUnfinished() throws IOException {
		if (!Files.isDirectory(this.uploads)) {
			return;
		}
		try (Stream<Path> folders = Files.list(this.uploads)) {
			for (Path folder : folders.toList()) {
				if (!Files.isRegularFile(folder.resolve("upload.json"))) {
					delete(folder);
				}
			}
		}
	}

	public int maxFiles() {
		return this.maxFiles;
	}

	/**
	 * Checks an upload and keeps it until it is submitted or discarded; refused (and
	 * nothing kept) when a file cannot be a submission.
	 * @param scope the user's scope, empty for none
	 * @param replaces the number of the submission the upload replaces, or {@code null}
	 */
	public synchronized Upload upload(String user, String address, List<String> scope, List<Incoming> files,
			Integer replaces) throws RefusedException, IOException {
		if (files.isEmpty()) {
			throw refused(user, address, Refusal.NO_FILE, "", "Choose at least one CSV or XLSX file to upload.", null);
		}
		if (files.size() > this.maxFiles) {
			throw refused(user, address, Refusal.TOO_MANY_FILES, String.valueOf(this.maxFiles),
					"Upload at most " + this.maxFiles + " files at a time.", null);
		}
		long waiting = pending(user).size();
		if (waiting >= this.maxPending) {
			throw refused(user, address, Refusal.TOO_MANY_PENDING, String.valueOf(waiting),
					"You have " + waiting + " uploads waiting: submit or discard one of them before uploading another.",
					null);
		}
		if (replaces != null) {
			if (files.size() > 1) {
				throw refused(user, address, Refusal.REPLACE_MULTIPLE, String.valueOf(replaces),
						"A corrected file replaces one submission: upload it alone.", null);
			}
			replaceable(user, replaces).orElseThrow(() -> refused(user, address, Refusal.REPLACE_INVALID,
					String.valueOf(replaces),
					"Submission " + replaces
							+ " cannot be replaced: it is not one of yours, is replaced already, or does not exist.",
					null));
		}
		List<String> names = new ArrayList<>();
		for (Incoming file : files) {
			String name = displayName(file.name());
			names.add(name);
			if (kind(name) == null) {
				throw refused(user, address, Refusal.NOT_DATA, name, "\"" + name
						+ "\" is not a data file: a data file is .csv or .xlsx, and a CSV file's name starts with its "
						+ "table (progress, expenditures, funding, findings, recommendations, rates).", null);
			}
			if (file.size() == 0) {
				throw refused(user, address, Refusal.EMPTY, name, "\"" + name + "\" is empty.", null);
			}
		}
		String id = HexFormat.of().formatHex(randomBytes());
		Path folder = this.uploads.resolve(id);
		Files.createDirectories(folder);
		boolean keep = false;
		try {
			List<Path> staged = new ArrayList<>();
			for (int i = 0; i < files.size(); i++) {
				Path target = folder.resolve(kind(names.get(i)) + "-" + (i + 1) + extension(names.get(i)));
				try (InputStream in = files.get(i).content().open()) {
					Files.copy(in, target);
				}
				staged.add(target);
			}
			Upload check = check(id, user, names, staged, scope, replaces);
			Optional<RefusedException> refusal = refusal(check, scope);
			if (refusal.isPresent()) {
				throw refused(user, address, refusal.get().refusal(), refusal.get().subject(),
						refusal.get().getMessage(), check);
			}
			for (int i = 0; i < staged.size(); i++) {
				if (staged.get(i).toString().endsWith(".csv") && !utf8(staged.get(i))) {
					throw refused(user, address, Refusal.NOT_UTF8, names.get(i),
							"\"" + names.get(i)
									+ "\" has bytes that are not UTF-8: save it as \"CSV UTF-8 (comma delimited)\" and "
									+ "upload it again.",
							check);
				}
			}
			JSON.writeValue(folder.resolve("upload.json").toFile(), check);
			keep = true;
			this.audit.record(user, address, "upload",
					"upload " + id + ": " + String.join(", ", names) + "; " + check.read() + " rows read, "
							+ check.accepted() + " accepted, " + check.rejected() + " rejected"
							+ ((replaces != null) ? "; replaces submission " + replaces : ""));
			return check;
		}
		finally {
			if (!keep) {
				delete(folder);
			}
		}
	}

	/** How the scope's rule words a row outside the scope ({@code SubmissionScope}). */
	private static final class SubmissionScopeWords {

		static final String OUTSIDE = "outside your scope";

	}

	private static byte[] randomBytes() {
		byte[] bytes = new byte[16];
		RANDOM.nextBytes(bytes);
		return bytes;
	}

	/** Why a checked upload cannot be submitted, or empty. */
	private static Optional<RefusedException> refusal(Upload check, List<String> scope) {
		for (Reject reject : check.rejects()) {
			if (reject.line() == 0) {
				return Optional.of(new RefusedException(Refusal.UNREADABLE, reject.file(),
						"\"" + reject.file() + "\" cannot be read as a table: " + reject.reason(), check));
			}
		}
		for (CheckedFile file : check.files()) {
			if (file.read() == 0) {
				return Optional.of(new RefusedException(Refusal.NO_ROWS, file.uploadedName(),
						"\"" + file.uploadedName() + "\" holds no row of a table (a sheet is named after its table).",
						check));
			}
		}
		if (!scope.isEmpty()) {
			for (Reject reject : check.rejects()) {
				if (reject.reason().contains(SubmissionScopeWords.OUTSIDE)) {
					return Optional.of(new RefusedException(
							Refusal.OUT_OF_SCOPE, String.join(",", scope), "Rows are outside your scope ("
									+ String.join(",", scope) + "): take them out of the file and upload it again.",
							check));
				}
			}
		}
		return Optional.empty();
	}

	private RefusedException refused(String user, String address, Refusal refusal, String subject, String detail,
			Upload check) {
		this.audit.record(user, address, "upload-refused", detail);
		return new RefusedException(refusal, subject, detail, check);
	}

	/** Checks staged files as they would be submitted. */
	private Upload check(String id, String user, List<String> names, List<Path> staged, List<String> scope,
			Integer replaces) throws RefusedException, IOException {
		Map<String, Integer> index = new LinkedHashMap<>();
		for (int i = 0; i < staged.size(); i++) {
			index.put(staged.get(i).toString(), i);
		}
		long[] accepted = new long[staged.size()];
		long[] rejected = new long[staged.size()];
		List<Reject> rejects = new ArrayList<>();
		long[] total = { 0 };
		boolean[] sawOutside = { false };
		Set<Path> leftOut = (replaces != null)
				? replaceable(user, replaces).map((submission) -> Set.of(progress().resolve(submission.storedName())))
					.orElse(Set.of())
				: Set.of();
		try {
			Submissions.checkUpload(this.settings.input(), staged, leftOut, scope.isEmpty() ? null : scope,
					(reject) -> {
						int file = fileOf(index, reject.file());
						if (file >= 0) {
							rejected[file]++;
						}
						total[0]++;
						// the rejects that refuse an upload are kept beyond the limit:
						// each
						// file or sheet rejected as a whole, and a row outside the scope
						boolean outside = reject.reason().contains(SubmissionScopeWords.OUTSIDE);
						if (rejects.size() < REJECTS_KEPT || reject.line() == 0 || (outside && !sawOutside[0])) {
							sawOutside[0] |= outside;
							String reason = reject.reason();
							for (int i = 0; i < staged.size(); i++) {
								reason = reason.replace(staged.get(i).toString(), names.get(i));
							}
							rejects.add(new Reject(named(reject.file(), index, names), reject.line(), reject.column(),
									reject.value(), this.settings.withoutPaths(reason)));
						}
					}, (source) -> {
						int file = fileOf(index, source);
						if (file >= 0) {
							accepted[file]++;
						}
					});
		}
		catch (Submissions.ProgrammeUnreadable ex) {
			throw new RefusedException(Refusal.PROGRAMME, "",
					"The programme cannot be read, so nothing can be checked: "
							+ this.settings.withoutPaths(ex.getMessage())
							+ ". An officer must correct INPUT/programme.yaml.",
					null);
		}
		List<CheckedFile> files = new ArrayList<>();
		for (int i = 0; i < staged.size(); i++) {
			files.add(new CheckedFile(names.get(i), staged.get(i).getFileName().toString(),
					FileDigest.sha256(staged.get(i)), Files.size(staged.get(i)), accepted[i] + rejected[i], accepted[i],
					rejected[i]));
		}
		return new Upload(id, user, Instant.now(this.clock).truncatedTo(ChronoUnit.SECONDS).toString(), files, rejects,
				total[0], replaces);
	}

	private static int fileOf(Map<String, Integer> index, String source) {
		int sheet = source.indexOf('!');
		Integer file = index.get((sheet > 0) ? source.substring(0, sheet) : source);
		return (file != null) ? file : -1;
	}

	/** A check's name of a staged file (or its sheet) as the uploaded name. */
	private static String named(String source, Map<String, Integer> index, List<String> names) {
		int file = fileOf(index, source);
		if (file < 0) {
			return source;
		}
		int sheet = source.indexOf('!');
		return names.get(file) + ((sheet > 0) ? source.substring(sheet) : "");
	}

	/** The user's uploads waiting, oldest first. */
	public synchronized List<Upload> pending(String user) throws IOException {
		List<Upload> waiting = new ArrayList<>();
		if (!Files.isDirectory(this.uploads)) {
			return waiting;
		}
		try (Stream<Path> folders = Files.list(this.uploads)) {
			for (Path folder : folders.sorted().toList()) {
				Path json = folder.resolve("upload.json");
				if (ID.matcher(folder.getFileName().toString()).matches() && Files.isRegularFile(json)) {
					Upload upload = JSON.readValue(json.toFile(), Upload.class);
					if (upload.user().equals(user)) {
						waiting.add(upload);
					}
				}
			}
		}
		waiting.sort(Comparator.comparing(Upload::time));
		return waiting;
	}

	/** One of the user's uploads waiting; empty for any other id. */
	public synchronized Optional<Upload> pending(String user, String id) throws IOException {
		if (id == null || !ID.matcher(id).matches()) {
			return Optional.empty();
		}
		Path json = this.uploads.resolve(id).resolve("upload.json");
		if (!Files.isRegularFile(json)) {
			return Optional.empty();
		}
		Upload upload = JSON.readValue(json.toFile(), Upload.class);
		return upload.user().equals(user) ? Optional.of(upload) : Optional.empty();
	}

	/** Discards one of the user's uploads; false when there is none of that id. */
	public synchronized boolean discard(String user, String address, String id) throws IOException {
		Optional<Upload> upload = pending(user, id);
		if (upload.isEmpty()) {
			return false;
		}
		delete(this.uploads.resolve(id));
		this.audit.record(user, address, "upload-discarded", "upload " + id + ": "
				+ String.join(", ", upload.get().files().stream().map(CheckedFile::uploadedName).toList()));
		return true;
	}

	/**
	 * Submits one of the user's uploads, checked again as it is now: each file moves into
	 * {@code INPUT/progress/} under a new name, and the submission it replaces, if any,
	 * moves out. Empty when the user has no upload of that id.
	 */
	public synchronized Optional<List<Submission>> submit(String user, String address, List<String> scope, String id)
			throws RefusedException, IOException {
		Optional<Upload> waiting = pending(user, id);
		if (waiting.isEmpty()) {
			return Optional.empty();
		}
		Path folder = this.uploads.resolve(id);
		Upload before = waiting.get();
		Optional<Submission> old = Optional.empty();
		if (before.replaces() != null) {
			old = replaceable(user, before.replaces());
			if (old.isEmpty()) {
				throw refused(user, address, Refusal.REPLACE_INVALID, String.valueOf(before.replaces()),
						"Submission " + before.replaces() + " cannot be replaced any more: it is replaced already.",
						before);
			}
		}
		List<String> names = before.files().stream().map(CheckedFile::uploadedName).toList();
		List<Path> staged = before.files().stream().map((file) -> folder.resolve(file.staged())).toList();
		Upload check = check(id, user, names, staged, scope, before.replaces());
		Optional<RefusedException> refusal = refusal(check, scope);
		if (refusal.isPresent()) {
			this.audit.record(user, address, "upload-refused", refusal.get().getMessage());
			throw refusal.get();
		}
		// a run checks before it publishes that its input did not change: a submission
		// waits for the run to end rather than spoil it
		Optional<OutputLock> lock = OutputLock.tryAcquire(this.settings.output());
		if (lock.isEmpty()) {
			throw refused(user, address, Refusal.BUSY, "",
					"A run is reading the input folder: submit when it has ended; the upload waits until then.",
					before);
		}
		try (OutputLock held = lock.get()) {
			return Optional.of(place(user, address, id, folder, before, old, check, staged));
		}
	}

	/** Moves the checked files of an upload into place and records them. */
	private List<Submission> place(String user, String address, String id, Path folder, Upload before,
			Optional<Submission> old, Upload check, List<Path> staged) throws IOException {
		Path progress = progress();
		Files.createDirectories(progress);
		List<Entry> entries = entries();
		int number = (int) entries.stream().filter((entry) -> entry.event().equals("submitted")).count();
		Instant now = Instant.now(this.clock).truncatedTo(ChronoUnit.SECONDS);
		List<Submission> done = new ArrayList<>();
		for (int i = 0; i < staged.size(); i++) {
			number++;
			CheckedFile file = check.files().get(i);
			String stored = storedName(staged.get(i).getFileName().toString(), now, user, number);
			place(staged.get(i), progress.resolve(stored));
			Entry entry = new Entry("submitted", number, now.toString(), user, file.uploadedName(), stored,
					file.sha256(), file.accepted(), file.rejected(), before.replaces(), null);
			append(entry);
			this.audit.record(user, address, "submission",
					"submission " + number + ": " + stored + " (uploaded as " + file.uploadedName() + "), sha256 "
							+ file.sha256() + ", " + file.accepted() + " rows accepted, " + file.rejected()
							+ " rejected"
							+ ((before.replaces() != null) ? ", replaces submission " + before.replaces() : ""));
			done.add(new Submission(number, now.toString(), user, file.uploadedName(), stored, file.sha256(),
					file.accepted(), file.rejected(), before.replaces(), null));
		}
		if (old.isPresent()) {
			Submission earlier = old.get();
			Files.createDirectories(this.replaced);
			Path kept = this.replaced.resolve(earlier.storedName());
			move(progress.resolve(earlier.storedName()), kept);
			append(new Entry("replaced", earlier.number(), now.toString(), user, earlier.uploadedName(),
					earlier.storedName(), earlier.sha256(), earlier.accepted(), earlier.rejected(), null,
					done.get(0).number()));
			this.audit.record(user, address, "submission-replaced",
					"submission " + earlier.number() + ": " + earlier.storedName() + " replaced by submission "
							+ done.get(0).number() + ", kept in OUTPUT/.cst-reports/submissions/replaced/");
		}
		delete(folder);
		return done;
	}

	/** Every submission, newest first. */
	public synchronized List<Submission> submissions() throws IOException {
		Map<Integer, Submission> byNumber = new LinkedHashMap<>();
		for (Entry entry : entries()) {
			if (entry.event().equals("submitted")) {
				byNumber.put(entry.number(),
						new Submission(entry.number(), entry.time(), entry.user(), entry.uploadedName(),
								entry.storedName(), entry.sha256(), entry.accepted(), entry.rejected(),
								entry.replaces(), null));
			}
			else if (entry.event().equals("replaced") && byNumber.containsKey(entry.number())) {
				Submission s = byNumber.get(entry.number());
				byNumber.put(s.number(), new Submission(s.number(), s.time(), s.user(), s.uploadedName(),
						s.storedName(), s.sha256(), s.accepted(), s.rejected(), s.replaces(), entry.replacedBy()));
			}
		}
		List<Submission> all = new ArrayList<>(byNumber.values());
		all.sort(Comparator.comparingInt(Submission::number).reversed());
		return all;
	}

	/**
	 * A submission the user may replace: theirs (an officer's: any), not replaced, its
	 * file still in {@code INPUT/progress/}.
	 */
	public synchronized Optional<Submission> replaceable(String user, int number) throws IOException {
		boolean officer = false;
		try {
			officer = new ConsoleUsers(this.settings.users()).find(user)
				.map((found) -> found.role().compareTo(Role.OFFICER) >= 0)
				.orElse(false);
		}
		catch (IOException ex) {
			officer = false;
		}
		boolean any = officer;
		return submissions().stream()
			.filter((s) -> s.number() == number && s.replacedBy() == null && (any || s.user().equals(user))
					&& Files.isRegularFile(progress().resolve(s.storedName())))
			.findFirst();
	}

	/** The submissions the user may replace, newest first. */
	public List<Submission> replaceable(String user) throws IOException {
		List<Submission> all = new ArrayList<>();
		for (Submission submission : submissions()) {
			if (replaceable(user, submission.number()).isPresent()) {
				all.add(submission);
			}
		}
		return all;
	}

	private Path progress() {
		return this.settings.input().resolve("progress");
	}

	private List<Entry> entries() throws IOException {
		List<Entry> entries = new ArrayList<>();
		if (!Files.isRegularFile(this.record)) {
			return entries;
		}
		for (String line : Files.readAllLines(this.record, StandardCharsets.UTF_8)) {
			if (!line.isBlank()) {
				entries.add(JSON.readValue(line, Entry.class));
			}
		}
		return entries;
	}

	/** Appends a line to the record, forced to disk. */
	private void append(Entry entry) throws IOException {
		Files.createDirectories(this.record.getParent());
		byte[] line = (JSON.writeValueAsString(entry) + "\n").getBytes(StandardCharsets.UTF_8);
		try (FileChannel channel = FileChannel.open(this.record, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
				StandardOpenOption.APPEND)) {
			channel.write(ByteBuffer.wrap(line));
			channel.force(false);
		}
	}

	/**
	 * The name a submitted file gets in {@code INPUT/progress/}: its table (a workbook:
	 * {@code workbook}), {@code submitted}, the time (UTC), the user and the number, so
	 * that names sort by time and never meet.
	 */
	static String storedName(String staged, Instant time, String user, int number) {
		String table = staged.substring(0, staged.indexOf('-'));
		String who = user.replaceAll("[^A-Za-z0-9._-]", "_");
		return table + "-submitted-" + STAMP.format(time) + "-" + who + "-" + number + extension(staged);
	}

	/**
	 * Puts a staged file into place: copied beside the target under a hidden name (which
	 * a run leaves aside), forced to disk, then linked under the target's name, which
	 * fails rather than replace a file there.
	 */
	private static void place(Path staged, Path target) throws IOException {
		Path part = target.resolveSibling("." + target.getFileName() + ".part");
		Files.deleteIfExists(part);
		Files.copy(staged, part);
		try (FileChannel channel = FileChannel.open(part, StandardOpenOption.WRITE)) {
			channel.force(true);
		}
		try {
			try {
				Files.createLink(target, part);
			}
			catch (UnsupportedOperationException ex) {
				Files.move(part, target);
			}
		}
		catch (FileAlreadyExistsException ex) {
			throw new IOException("a file named " + target.getFileName() + " is in the way; nothing was replaced", ex);
		}
		finally {
			Files.deleteIfExists(part);
		}
	}

	private static void move(Path from, Path to) throws IOException {
		if (Files.exists(to)) {
			throw new FileAlreadyExistsException(to.getFileName().toString());
		}
		try {
			Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (AtomicMoveNotSupportedException ex) {
			Files.copy(from, to);
			Files.delete(from);
		}
	}

	/** What the file is by its name: its table, {@code workbook}, or {@code null}. */
	private static String kind(String name) {
		String lower = name.toLowerCase(Locale.ROOT);
		if (lower.endsWith(".xlsx")) {
			return "workbook";
		}
		if (lower.endsWith(".csv")) {
			return Submissions.tableOf(name).orElse(null);
		}
		return null;
	}

	private static String extension(String name) {
		return name.toLowerCase(Locale.ROOT).endsWith(".xlsx") ? ".xlsx" : ".csv";
	}

	/**
	 * The uploaded name as shown and recorded: its last part, without control characters,
	 * at most 120 characters.
	 */
	static String displayName(String given) {
		String name = (given != null) ? given : "";
		name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
		StringBuilder clean = new StringBuilder();
		name.codePoints().filter((c) -> !Character.isISOControl(c)).limit(120).forEach(clean::appendCodePoint);
		String shown = clean.toString().strip();
		return shown.isEmpty() ? "upload" : shown;
	}

	/** Whether a file is UTF-8 throughout. */
	private static boolean utf8(Path file) throws IOException {
		try {
			StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(Files.readAllBytes(file)));
			return true;
		}
		catch (CharacterCodingException ex) {
			return false;
		}
	}

	private static void delete(Path folder) {
		if (!Files.exists(folder)) {
			return;
		}
		try (Stream<Path> all = Files.walk(folder)) {
			for (Path path : all.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(path);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
