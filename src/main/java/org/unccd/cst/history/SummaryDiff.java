package org.unccd.cst.history;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
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
		List<SummaryArchive.Entry> entries = SummaryArchive.entries(output, session);
		if (!Files.isRegularFile(current.resolve(SummaryArchive.SUMMARY)) || entries.isEmpty()) {
			String one = Files.isRegularFile(current.resolve(SummaryArchive.SUMMARY)) ? "one published summary ("
					+ describe(JsonFiles.read(current.resolve(SummaryArchive.SUMMARY), Summary.class), current) + ")"
					: "no summary published now";
			return session + ": fewer than two published summaries, " + one + "; nothing to compare yet.\n";
		}
		SummaryArchive.Entry previous = entries.get(entries.size() - 1);
		Summary before = JsonFiles.read(previous.summary(), Summary.class);
		Summary after = JsonFiles.read(current.resolve(SummaryArchive.SUMMARY), Summary.class);
		StringBuilder report = new StringBuilder();
		report.append("What changed in ").append(session).append(" since the previous run\n");
		report.append("  previous: ").append(describe(before, previous.dir())).append('\n');
		report.append("  current:  ").append(describe(after, current)).append("\n\n");
		List<String[]> figures = figures(before, after);
		List<Reject> rejectsBefore;
		try (InputStream in = previous.openRejects()) {
			rejectsBefore = rejects(in);
		}
		List<Reject> rejectsAfter;
		Path rejectsFile = current.resolve(SummaryArchive.REJECTS);
		try (InputStream in = Files.exists(rejectsFile) ? Files.newInputStream(rejectsFile)
				: InputStream.nullInputStream()) {
			rejectsAfter = rejects(in);
		}
		List<Reject> newRejects = missingFrom(rejectsAfter, rejectsBefore);
		List<Reject> goneRejects = missingFrom(rejectsBefore, rejectsAfter);
		List<Summary.Recommendation> added = new ArrayList<>(
				missingFrom(after.recommendations(), before.recommendations(), SummaryDiff::key));
		List<Summary.Recommendation> removed = new ArrayList<>(
				missingFrom(before.recommendations(), after.recommendations(), SummaryDiff::key));
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
			int width = figures.stream().mapToInt((f) -> f[0].length()).max().orElse(0);
			for (String[] figure : figures) {
				report.append("  ").append(figure[0]).append(" ".repeat(width - figure[0].length() + 2));
				report.append(figure[1]).append('\n');
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

	/** Every figure that differs: its label and how it moved. */
	static List<String[]> figures(Summary before, Summary after) {
		List<String[]> figures = new ArrayList<>();
		Summary.Budget b = before.budget();
		Summary.Budget a = after.budget();
		money(figures, "budget total", b.total(), a.total());
		money(figures, "budget secured", b.secured(), a.secured());
		money(figures, "budget pledged", b.pledged(), a.pledged());
		money(figures, "budget gap", b.gap(), a.gap());
		money(figures, "budget gap after pledges", b.gapAfterPledges(), a.gapAfterPledges());
		money(figures, "budget spent", b.spent(), a.spent());
		Map<String, Summary.LineStatus> lines = byKey(b.lines(), Summary.LineStatus::code);
		for (Summary.LineStatus line : a.lines()) {
			Summary.LineStatus old = lines.get(line.code());
			if (old != null) {
				money(figures, "budget line " + line.code() + " spent", old.spent(), line.spent());
			}
		}
		Map<String, Summary.OutcomeStatus> outcomes = byKey(before.outcomes(), Summary.OutcomeStatus::code);
		for (Summary.OutcomeStatus outcome : after.outcomes()) {
			Summary.OutcomeStatus old = outcomes.remove(outcome.code());
			String label = "outcome " + outcome.code();
			if (old == null) {
				figures.add(new String[] { label, "new: " + outcome.status() + " " + percent(outcome.percent()) });
			}
			else if (!Objects.equals(old.status(), outcome.status()) || !same(old.percent(), outcome.percent())
					|| old.overdue() != outcome.overdue()) {
				String overdue = (old.overdue() == outcome.overdue()) ? ""
						: outcome.overdue() ? " (now overdue)" : " (no longer overdue)";
				figures.add(new String[] { label, old.status() + " " + percent(old.percent()) + " -> "
						+ outcome.status() + " " + percent(outcome.percent()) + overdue });
			}
		}
		outcomes.keySet().forEach((code) -> figures.add(new String[] { "outcome " + code, "no longer listed" }));
		Map<String, Summary.WorkItemStatus> items = byKey(before.workItems(), Summary.WorkItemStatus::code);
		for (Summary.WorkItemStatus item : after.workItems()) {
			Summary.WorkItemStatus old = items.remove(item.code());
			String label = "work item " + item.code();
			if (old == null) {
				figures.add(new String[] { label, "new: " + item.status() + " " + percent(item.percent()) });
			}
			else if (!same(old.percent(), item.percent()) || !Objects.equals(old.status(), item.status())) {
				figures.add(new String[] { label, old.status() + " " + percent(old.percent()) + " -> " + item.status()
						+ " " + percent(item.percent()) });
			}
		}
		items.keySet().forEach((code) -> figures.add(new String[] { "work item " + code, "no longer listed" }));
		count(figures, "inputs read", before.inputs().read(), after.inputs().read());
		count(figures, "inputs accepted", before.inputs().accepted(), after.inputs().accepted());
		count(figures, "inputs rejected", before.inputs().rejected(), after.inputs().rejected());
		count(figures, "inputs dated after the as-of date", before.inputs().afterAsOf(), after.inputs().afterAsOf());
		count(figures, "proposals rejected", before.proposals().rejected(), after.proposals().rejected());
		return figures;
	}

	private static <T> Map<String, T> byKey(List<T> list, Function<T, String> key) {
		Map<String, T> map = new LinkedHashMap<>();
		if (list != null) {
			list.forEach((item) -> map.put(key.apply(item), item));
		}
		return map;
	}

	private static boolean same(BigDecimal a, BigDecimal b) {
		return (a == null) ? b == null : b != null && a.compareTo(b) == 0;
	}

	private static void money(List<String[]> figures, String label, BigDecimal before, BigDecimal after) {
		if (!same(before, after)) {
			String change = (before != null && after != null) ? "  (" + signed(after.subtract(before)) + ")" : "";
			figures.add(new String[] { label, money(before) + " -> " + money(after) + change });
		}
	}

	private static void count(List<String[]> figures, String label, long before, long after) {
		if (before != after) {
			figures.add(new String[] { label,
					String.format(Locale.ROOT, "%,d -> %,d  (%+,d)", before, after, after - before) });
		}
	}

	static String money(BigDecimal value) {
		return (value != null) ? String.format(Locale.ROOT, "%,.2f", value) : "-";
	}

	private static String signed(BigDecimal value) {
		return ((value.signum() >= 0) ? "+" : "") + money(value);
	}

	private static String percent(BigDecimal value) {
		return (value != null) ? String.format(Locale.ROOT, "%.1f %%", value) : "-";
	}

	/**
	 * A line of {@code rejects.csv}; it is the same reject when all but the value match.
	 */
	record Reject(String file, String line, String column, String value, String reason) {

		String key() {
			return this.file + '\u0000' + this.line + '\u0000' + this.column + '\u0000' + this.reason;
		}

		@Override
		public String toString() {
			String where = this.file + ", line " + this.line
					+ ((this.column == null || this.column.isEmpty()) ? "" : ", column " + this.column);
			String value = (this.value == null || this.value.isEmpty()) ? "" : " (value: " + shorten(this.value) + ")";
			return where + ": " + this.reason + value;
		}

		private static String shorten(String text) {
			String line = text.replace("\r", " ").replace("\n", " ");
			return (line.length() > 60) ? line.substring(0, 57) + "..." : line;
		}

	}

	private static List<Reject> missingFrom(List<Reject> these, List<Reject> others) {
		Set<String> keys = new LinkedHashSet<>();
		others.forEach((reject) -> keys.add(reject.key()));
		return these.stream().filter((reject) -> !keys.contains(reject.key())).toList();
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

	private static void listRejects(StringBuilder report, String title, List<Reject> rejects) {
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

	/** The rows of a {@code rejects.csv} (RFC 4180, the header skipped). */
	static List<Reject> rejects(InputStream in) throws IOException {
		List<Reject> rejects = new ArrayList<>();
		Reader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
		boolean header = true;
		for (List<String> fields = csvRecord(reader); fields != null; fields = csvRecord(reader)) {
			if (header) {
				header = false;
				continue;
			}
			while (fields.size() < 5) {
				fields.add("");
			}
			rejects.add(new Reject(fields.get(0), fields.get(1), fields.get(2), fields.get(3), fields.get(4)));
		}
		return rejects;
	}

	private static List<String> csvRecord(Reader reader) throws IOException {
		int c = reader.read();
		if (c < 0) {
			return null;
		}
		List<String> fields = new ArrayList<>();
		StringBuilder field = new StringBuilder();
		boolean quoted = false;
		while (true) {
			if (quoted) {
				if (c < 0) {
					break;
				}
				if (c == '"') {
					reader.mark(1);
					int next = reader.read();
					if (next == '"') {
						field.append('"');
					}
					else {
						quoted = false;
						reader.reset();
					}
				}
				else {
					field.append((char) c);
				}
			}
			else if (c == '"' && field.isEmpty()) {
				quoted = true;
			}
			else if (c == ',') {
				fields.add(field.toString());
				field.setLength(0);
			}
			else if (c == '\n' || c < 0) {
				break;
			}
			else if (c != '\r') {
				field.append((char) c);
			}
			c = reader.read();
		}
		fields.add(field.toString());
		return fields;
	}

}
