package org.unccd.cst.console;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.unccd.cst.history.SummaryDiff;
import org.unccd.cst.publish.Approvals;
import org.unccd.cst.publish.FileDigest;
import org.unccd.cst.publish.Manifest;
import org.unccd.cst.run.JsonFiles;
import org.unccd.cst.run.Summary;

import org.springframework.stereotype.Component;

/**
 * The draft and the approved set of a session side by side: the published set (the
 * draft), the set kept as approved ({@link Approvals}), whether they are the same set
 * (the approved manifest's SHA-256 is the published one's), and, when they are not, what
 * differs: the figures of their two {@code summary.json} ({@link SummaryDiff#figures})
 * and the files whose SHA-256 changed, from their two manifests. Read only: it takes no
 * lock and changes nothing.
 */
@Component
class SignOff {

	/** Nothing is approved. */
	static final String NONE = "none";

	/** The published set is the approved set. */
	static final String SAME = "same";

	/** The published set is a draft newer than the approved set. */
	static final String DIFFERS = "differs";

	/**
	 * A set, draft or approved.
	 *
	 * @param asOf its as-of date
	 * @param languages its report languages
	 * @param published when it was published: its manifest's time
	 * @param publishedBy who launched the console run that published it; {@code null}
	 * when another run (the command line, the schedule, an earlier console) did
	 * @param manifestSha256 the SHA-256 of its manifest
	 * @param approvedBy who approved it; {@code null} for a draft
	 * @param approvedAt when; {@code null} for a draft
	 */
	record Side(LocalDate asOf, List<String> languages, Instant published, String publishedBy, String manifestSha256,
			String approvedBy, Instant approvedAt) {
	}

	/**
	 * A file of either set whose content differs.
	 *
	 * @param name its name
	 * @param approved its SHA-256 in the approved set; {@code null} when only the draft
	 * has it
	 * @param draft its SHA-256 in the draft; {@code null} when only the approved set has
	 * it
	 */
	record FileChange(String name, String approved, String draft) {

		/** {@code changed}, {@code added} (draft only) or {@code removed}. */
		public String change() {
			return (this.approved == null) ? "added" : (this.draft == null) ? "removed" : "changed";
		}

	}

	/**
	 * The two sets of a session.
	 *
	 * @param session the session
	 * @param state {@link #NONE}, {@link #SAME} or {@link #DIFFERS}
	 * @param draft the published set
	 * @param approved the approved set; {@code null} when none is
	 * @param figures the figures that differ from the approved set to the draft
	 * @param files the files that differ
	 * @param figuresCompared whether both sets have a summary to compare
	 */
	record View(String session, String state, Side draft, Side approved, List<SummaryDiff.Figure> figures,
			List<FileChange> files, boolean figuresCompared) {

		/** The answer of {@code GET /api/sessions/{session}/approval}. */
		Map<String, Object> json() {
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("session", this.session);
			body.put("state", this.state);
			body.put("draft", side(this.draft));
			body.put("approved", (this.approved != null) ? side(this.approved) : null);
			if (this.approved == null) {
				body.put("diff", null);
			}
			else {
				Map<String, Object> diff = new LinkedHashMap<>();
				diff.put("figuresCompared", this.figuresCompared);
				diff.put("figures", this.figures.stream().map((figure) -> {
					Map<String, Object> one = new LinkedHashMap<>();
					one.put("label", figure.label());
					one.put("change", figure.change());
					one.put("key", figure.key());
					one.put("code", figure.code());
					one.put("before", value(figure.before()));
					one.put("after", value(figure.after()));
					one.put("delta", figure.delta());
					one.put("note", figure.note());
					return one;
				}).toList());
				diff.put("files", this.files.stream().map((file) -> {
					Map<String, Object> one = new LinkedHashMap<>();
					one.put("name", file.name());
					one.put("change", file.change());
					one.put("approved", file.approved());
					one.put("draft", file.draft());
					return one;
				}).toList());
				body.put("diff", diff);
			}
			return body;
		}

		private static Map<String, Object> value(SummaryDiff.Value value) {
			if (value == null) {
				return null;
			}
			Map<String, Object> json = new LinkedHashMap<>();
			json.put("status", value.status());
			json.put("number", value.number());
			return json;
		}

		private static Map<String, Object> side(Side side) {
			Map<String, Object> json = new LinkedHashMap<>();
			json.put("asOf", (side.asOf() != null) ? side.asOf().toString() : null);
			json.put("languages", side.languages());
			json.put("publishedAt", (side.published() != null) ? side.published().toString() : null);
			json.put("publishedBy", side.publishedBy());
			json.put("manifestSha256", side.manifestSha256());
			json.put("approvedBy", side.approvedBy());
			json.put("approvedAt", (side.approvedAt() != null) ? side.approvedAt().toString() : null);
			return json;
		}

	}

	private final PublishedFiles files;

	private final RunManager runs;

	private final ConsoleSettings settings;

	SignOff(PublishedFiles files, RunManager runs, ConsoleSettings settings) {
		this.files = files;
		this.runs = runs;
		this.settings = settings;
	}

	/** The draft and the approved set of a published session; empty when none is. */
	Optional<View> of(String session) throws IOException {
		Optional<Manifest> published = this.files.manifest(session);
		if (published.isEmpty()) {
			return Optional.empty();
		}
		Path output = this.settings.output();
		Path draftDir = output.resolve(session);
		Side draft = side(published.get(), draftDir, null);
		Optional<Approvals.Approval> approval = Approvals.current(output, session);
		Path approvedDir = Approvals.approvedSet(output, session);
		Path approvedManifest = approvedDir.resolve(Manifest.FILE);
		if (approval.isEmpty() || !Files.isRegularFile(approvedManifest, LinkOption.NOFOLLOW_LINKS)) {
			return Optional.of(new View(session, NONE, draft, null, List.of(), List.of(), false));
		}
		Manifest kept = JsonFiles.read(approvedManifest, Manifest.class);
		Side approved = side(kept, approvedDir, approval.get());
		if (approved.manifestSha256().equals(draft.manifestSha256())) {
			return Optional.of(new View(session, SAME, draft, approved, List.of(), List.of(), true));
		}
		Optional<Summary> before = summary(approvedDir);
		Optional<Summary> after = summary(draftDir);
		List<SummaryDiff.Figure> figures = (before.isPresent() && after.isPresent())
				? SummaryDiff.figures(before.get(), after.get()) : List.of();
		return Optional.of(new View(session, DIFFERS, draft, approved, figures, files(kept, published.get()),
				before.isPresent() && after.isPresent()));
	}

	private Side side(Manifest manifest, Path dir, Approvals.Approval approval) throws IOException {
		Path file = dir.resolve(Manifest.FILE);
		Instant published = Files.getLastModifiedTime(file).toInstant();
		return new Side(manifest.parameters().asOf(), manifest.parameters().lang(), published,
				publisher(manifest.session(), published), FileDigest.sha256(file),
				(approval != null) ? approval.by() : null, (approval != null) ? approval.at() : null);
	}

	/**
	 * Who launched the console run that published a set at {@code published}: the run of
	 * the session that was under way then; {@code null} when no run of this console was.
	 */
	private String publisher(String session, Instant published) {
		return this.runs.all()
			.stream()
			.filter((run) -> session.equals(run.session()) && run.status() == ConsoleRun.Status.COMPLETED
					&& !run.current() && !run.launched().isAfter(published)
					&& (run.ended() == null || !run.ended().plusSeconds(1).isBefore(published)))
			.map(ConsoleRun::launchedBy)
			.findFirst()
			.orElse(null);
	}

	private static Optional<Summary> summary(Path dir) {
		Path file = dir.resolve("summary.json");
		return Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) ? Optional.of(JsonFiles.read(file, Summary.class))
				: Optional.empty();
	}

	/** The files whose content differs between the two manifests, by name. */
	private static List<FileChange> files(Manifest approved, Manifest draft) {
		Map<String, String> before = new LinkedHashMap<>();
		approved.outputs().forEach((entry) -> before.put(entry.file(), entry.sha256()));
		List<FileChange> changes = new ArrayList<>();
		for (Manifest.FileEntry entry : draft.outputs()) {
			String old = before.remove(entry.file());
			if (!entry.sha256().equals(old)) {
				changes.add(new FileChange(entry.file(), old, entry.sha256()));
			}
		}
		before.forEach((name, sha256) -> changes.add(new FileChange(name, sha256, null)));
		changes.sort(java.util.Comparator.comparing(FileChange::name));
		return changes;
	}

}
