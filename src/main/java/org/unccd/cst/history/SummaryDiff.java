package org.unccd.cst.history;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import org.unccd.cst.publish.SummaryArchive;
import org.unccd.cst.run.Summary;
import org.unccd.cst.run.JsonFiles;

/**
 * What changed between the last two published summaries of a session: the published
 * {@code OUTPUT/<session>/} and the newest set kept by {@link SummaryArchive}. Figures
 * that moved, rejects that are new (or gone), recommendations added or removed.
 */
public final class SummaryDiff {

	/** At most this many rejects are listed in each direction. */
	static final int MAX_LISTED = 50;

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

	private SummaryDiff() {
	}

	/**
	 * A figure that differs between two summaries.
	 *
	 * @param label what it is, in English: {@code budget total}, {@code outcome 1.1.a},
	 * {@code inputs rejected}, …
	 * @param change how it moved, in English, e.g.
	 * {@code in_progress 40.0 % -> completed 100.0 %}
	 * @param key what it is, for a page that words it in its language:
	 * {@code budget.total}, {@code line.spent}, {@code outcome}, {@code workItem},
	 * {@code inputs.rejected}, …
	 * @param code the budget line's, outcome's or work item's code; {@code null} for the
	 * others
	 * @param before its value before; {@code null} when it is new
	 * @param after its value after; {@code null} when it is no longer listed
	 * @param delta the signed difference of an amount or a count; {@code null} for the
	 * others
	 * @param note {@code new}, {@code gone}, {@code nowOverdue}, {@code noLongerOverdue}
	 * or {@code null}
	 */
	public record Figure(String label, String change, String key, String code, Value before, Value after, String delta,
			String note) {
	}

	/**
	 * A figure's value: an amount, a count or a percent, and for an outcome or a work
	 * item its status code ({@code in_progress}, …).
	 */
	public record Value(String status, String number) {

		String english() {
			return (this.status != null) ? this.status + " " + this.number : this.number;
		}

	}

	/**
	 * The figures that differ from {@code before} to {@code after}, as the report lists
	 * them: the budget, the outcomes and work items, the rows read, accepted and
	 * rejected.
	 */
	public static List<Figure> figures(Summary before, Summary after) {
		return FigureChanges.between(before, after);
	}

	/** The report for every session published in {@code output}. */
	public static String report(Path output) throws IOException {
		Set<String> sessions = new TreeSet<>(SummaryArchive.sessions(output));
		if (Files.isDirectory(output)) {
			try (DirectoryStream<Path> dirs = Files.newDirectoryStream(output, Files::isDirectory)) {
				for (Path dir : dirs) {
					String name = dir.getFileName().toString();
					if (!name.startsWith(".") && Files.isRegularFile(dir.resolve(SummaryArchive.SUMMARY))) {
						sessions.add(name);
					}
				}
			}
		}
		if (sessions.isEmpty()) {
			return "No published summary in " + output + " yet: nothing to compare.\n";
		}
		StringBuilder report = new StringBuilder();
		for (String session : sessions) {
			if (!report.isEmpty()) {
				report.append('\n');
			}
			report.append(session(output, session));
		}
		return report.toString();
	}

	private static String session(Path output, String session) throws IOException {
		Path current = output.resolve(session);
		// the kept sets, then the one published now
		List<SummaryArchive.Entry> sets = SummaryArchive.sets(output, session);
		if (!Files.isRegularFile(current.resolve(SummaryArchive.SUMMARY)) || sets.size() < 2) {
			String one = Files.isRegularFile(current.resolve(SummaryArchive.SUMMARY)) ? "one published summary ("
					+ describe(JsonFiles.read(current.resolve(SummaryArchive.SUMMARY), Summary.class), current) + ")"
					: "no summary published now";
			return session + ": fewer than two published summaries, " + one + "; nothing to compare yet.\n";
		}
		return between(session, sets.get(sets.size() - 2), sets.get(sets.size() - 1), "current:  ");
	}

	/**
	 * A set that a run left published, and the one published before it.
	 *
	 * @param set the set: in {@code OUTPUT/<session>/} or kept in the history
	 * @param previous the set it replaced; {@code null} for the session's first set, or
	 * when that one is no longer kept
	 * @param inPlace whether it is still the set published now
	 */
	public record RunSet(SummaryArchive.Entry set, SummaryArchive.Entry previous, boolean inPlace) {

		/** Its rejects. */
		public List<RejectsFile.Reject> rejects() throws IOException {
			try (InputStream in = this.set.openRejects()) {
				return RejectsFile.read(in);
			}
		}

		/** The figures that moved from the previous set to this one; empty when none. */
		public Optional<List<Figure>> figures() throws IOException {
			if (this.previous == null) {
				return Optional.empty();
			}
			return Optional.of(FigureChanges.between(JsonFiles.read(this.previous.summary(), Summary.class),
					JsonFiles.read(this.set.summary(), Summary.class)));
		}

		/** What changed from the previous set to this one, as {@code --diff} words it. */
		public String report(String session) throws IOException {
			if (this.previous == null) {
				return session + ": no earlier published summary is kept ("
						+ describe(JsonFiles.read(this.set.summary(), Summary.class), this.set.dir())
						+ "); nothing to compare.\n";
			}
			return between(session, this.previous, this.set, this.inPlace ? "current:  " : "this:     ");
		}

	}

	/**
	 * The set of {@code session} that was published when a run ended at {@code ended}:
	 * the newest one published by then (the run's own, or the one it found current).
	 * Empty when no set of that time is kept any more (the history keeps
	 * {@code cst.history.keep} of them).
	 */
	public static Optional<RunSet> publishedAt(Path output, String session, Instant ended) throws IOException {
		List<SummaryArchive.Entry> sets = SummaryArchive.sets(output, session);
		for (int i = sets.size() - 1; i >= 0; i--) {
			if (!sets.get(i).publishedAt().toInstant().isAfter(ended)) {
				return Optional.of(new RunSet(sets.get(i), (i > 0) ? sets.get(i - 1) : null,
						i == sets.size() - 1 && sets.get(i).dir().equals(output.resolve(session))));
			}
		}
		return Optional.empty();
	}

	private static String between(String session, SummaryArchive.Entry previous, SummaryArchive.Entry after,
			String afterName) throws IOException {
		Summary before = JsonFiles.read(previous.summary(), Summary.class);
		Summary now = JsonFiles.read(after.summary(), Summary.class);
		StringBuilder report = new StringBuilder();
		report.append("What changed in ").append(session).append(" since the previous run\n");
		report.append("  previous: ").append(describe(before, previous.dir())).append('\n');
		report.append("  ").append(afterName).append(describe(now, after.dir())).append("\n\n");
		List<Figure> figures = FigureChanges.between(before, now);
		List<RejectsFile.Reject> rejectsBefore;
		try (InputStream in = previous.openRejects()) {
			rejectsBefore = RejectsFile.read(in);
		}
		List<RejectsFile.Reject> rejectsAfter;
		try (InputStream in = after.openRejects()) {
			rejectsAfter = RejectsFile.read(in);
		}
		List<RejectsFile.Reject> newRejects = RejectsFile.missingFrom(rejectsAfter, rejectsBefore);
		List<RejectsFile.Reject> goneRejects = RejectsFile.missingFrom(rejectsBefore, rejectsAfter);
		List<Summary.Recommendation> added = new ArrayList<>(
				missingFrom(now.recommendations(), before.recommendations(), SummaryDiff::key));
		List<Summary.Recommendation> removed = new ArrayList<>(
				missingFrom(before.recommendations(), now.recommendations(), SummaryDiff::key));
		List<Summary.Recommendation> updated = updated(added, removed);
		if (figures.isEmpty() && newRejects.isEmpty() && goneRejects.isEmpty() && added.isEmpty() && removed.isEmpty()
				&& updated.isEmpty()) {
			report.append("Nothing changed: the same figures, rejects and recommendations.\n");
			return report.toString();
		}
		if (figures.isEmpty()) {
			report.append("No figure moved.\n");
		}
		else {
			report.append("Figures that moved:\n");
			int width = figures.stream().mapToInt((f) -> f.label().length()).max().orElse(0);
			for (Figure figure : figures) {
				report.append("  ").append(figure.label()).append(" ".repeat(width - figure.label().length() + 2));
				report.append(figure.change()).append('\n');
			}
		}
		listRejects(report, "New rejects", newRejects);
		listRejects(report, "Rejects gone since", goneRejects);
		listRecommendations(report, "Recommendations added", "+", added);
		listRecommendations(report, "Recommendations updated", "~", updated);
		listRecommendations(report, "Recommendations removed", "-", removed);
		return report.toString();
	}

	private static String describe(Summary summary, Path dir) throws IOException {
		FileTime time = SummaryArchive.publicationTime(dir);
		return "as of " + summary.asOf() + ", published "
				+ TIME.format(time.toInstant().atZone(ZoneId.systemDefault()).toLocalDateTime());
	}

	private static String key(Summary.Recommendation recommendation) {
		return recommendation.report() + '\u0000' + recommendation.text() + '\u0000' + recommendation.addressee();
	}

	/**
	 * The rule-derived recommendations whose wording changed with the figures: one
	 * removed and one added by the same rule for the same report. They leave the two
	 * lists.
	 */
	private static List<Summary.Recommendation> updated(List<Summary.Recommendation> added,
			List<Summary.Recommendation> removed) {
		Function<Summary.Recommendation, String> rule = (r) -> "rule".equals(r.origin()) && r.rule() != null
				? r.report() + '\u0000' + r.rule() : null;
		Map<String, Integer> addedCount = new LinkedHashMap<>();
		Map<String, Integer> removedCount = new LinkedHashMap<>();
		added.stream().map(rule).filter(Objects::nonNull).forEach((k) -> addedCount.merge(k, 1, Integer::sum));
		removed.stream().map(rule).filter(Objects::nonNull).forEach((k) -> removedCount.merge(k, 1, Integer::sum));
		List<Summary.Recommendation> updated = new ArrayList<>();
		for (Summary.Recommendation r : List.copyOf(added)) {
			String k = rule.apply(r);
			if (k != null && addedCount.get(k) == 1 && removedCount.getOrDefault(k, 0) == 1) {
				updated.add(r);
				added.remove(r);
				removed.removeIf((old) -> k.equals(rule.apply(old)));
			}
		}
		return updated;
	}

	private static <T> List<T> missingFrom(List<T> these, List<T> others, Function<T, String> key) {
		Set<String> keys = new LinkedHashSet<>();
		if (others != null) {
			others.forEach((item) -> keys.add(key.apply(item)));
		}
		return (these != null) ? these.stream().filter((item) -> !keys.contains(key.apply(item))).toList() : List.of();
	}

	private static void listRejects(StringBuilder report, String title, List<RejectsFile.Reject> rejects) {
		if (rejects.isEmpty()) {
			return;
		}
		report.append('\n').append(title).append(" (").append(rejects.size()).append("):\n");
		for (int i = 0; i < Math.min(rejects.size(), MAX_LISTED); i++) {
			report.append("  ").append(rejects.get(i)).append('\n');
		}
		if (rejects.size() > MAX_LISTED) {
			report.append("  ... and ").append(rejects.size() - MAX_LISTED).append(" more\n");
		}
	}

	private static void listRecommendations(StringBuilder report, String title, String sign,
			List<Summary.Recommendation> recommendations) {
		if (recommendations.isEmpty()) {
			return;
		}
		report.append('\n').append(title).append(" (").append(recommendations.size()).append("):\n");
		for (Summary.Recommendation r : recommendations) {
			report.append("  ").append(sign).append(' ').append(r.report());
			if ("rule".equals(r.origin()) && r.rule() != null) {
				report.append(" [").append(r.rule()).append(']');
			}
			report.append(": ").append(r.text());
			report.append(" (").append(r.addressee()).append(", priority ").append(r.priority()).append(")\n");
		}
	}

}
