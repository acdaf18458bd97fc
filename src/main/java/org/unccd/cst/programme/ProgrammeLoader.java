package org.unccd.cst.programme;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.unccd.cst.model.BudgetLine;
import org.unccd.cst.model.Funding;
import org.unccd.cst.model.Outcome;
import org.unccd.cst.model.Programme;
import org.unccd.cst.model.Report;
import org.unccd.cst.model.SessionFacts;
import org.unccd.cst.model.Text;
import org.unccd.cst.model.WorkItem;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Reads {@code programme.yaml} and checks it, failing on the first problem with its line.
 */
public final class ProgrammeLoader {

	public static final String FILE = "programme.yaml";

	private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

	private static final Set<String> KINDS = Set.of("objective", "coordination");

	private final ProgrammeValues values = new ProgrammeValues();

	private String file = FILE;

	/** Loads the programme of an input folder. */
	public static Programme load(Path inputDir) {
		Path path = inputDir.resolve(FILE);
		ProgrammeFile.check(path);
		byte[] content;
		try {
			content = Files.readAllBytes(path);
		}
		catch (IOException ex) {
			// read again below, which says what is wrong
			content = null;
		}
		return new ProgrammeLoader().read(path, content);
	}

	private Programme read(Path path, byte[] content) {
		this.file = path.getFileName().toString();
		if (content != null) {
			ProgrammeFile.checkLines(this.file, content);
		}
		Node root = ProgrammeFile.compose(this.file, path, content);
		YamlMapping top = YamlMapping.of(this.file, root, "the programme", ordered("session", "title", "source",
				"currency", "opens", "place", "dates", "agenda", "reports", "workItems", "budget"));
		String session = this.values.code(top, "session", "the programme");
		String currency = top.requiredText("currency", "the programme").toUpperCase(Locale.ROOT);
		if (!CURRENCY.matcher(currency).matches()) {
			throw top.error(top.lineOf("currency"), "currency \"" + currency + "\" is not a three-letter ISO code");
		}
		List<WorkItem> workItems = new ArrayList<>();
		for (Node node : top.list("workItems")) {
			workItems.add(workItem(node, null, "objective"));
		}
		if (workItems.isEmpty()) {
			throw top.error(top.lineOf("workItems"), "the programme has no work items");
		}
		Map<String, WorkItem> itemsByCode = new HashMap<>();
		workItems.forEach((item) -> item.subtree().forEach((each) -> itemsByCode.put(each.code(), each)));
		List<Report> reports = new ArrayList<>();
		for (Node node : top.list("reports")) {
			reports.add(report(node, itemsByCode));
		}
		if (reports.isEmpty()) {
			throw top.error(top.lineOf("reports"), "the programme has no reports");
		}
		List<BudgetLine> lines = new ArrayList<>();
		List<Funding> funding = new ArrayList<>();
		if (top.has("budget")) {
			YamlMapping budget = YamlMapping.of(this.file, top.node("budget"), "the budget",
					ordered("lines", "funding"));
			for (Node node : budget.list("lines")) {
				lines.add(budgetLine(node));
			}
			for (Node node : budget.list("funding")) {
				funding.add(funding(node));
			}
		}
		Text title = top.has("title") ? this.values.text(top, "title") : Text.of(session);
		String source = (top.text("source") != null) ? top.text("source") : "";
		return new Programme(session, title, source, currency, List.copyOf(reports), List.copyOf(workItems),
				List.copyOf(lines), List.copyOf(funding), facts(top));
	}

	/** The session's facts for the covers: all optional. */
	private SessionFacts facts(YamlMapping top) {
		LocalDate opens = (top.text("opens") != null) ? this.values.date(top, "opens", "the programme") : null;
		Text place = top.has("place") ? this.values.text(top, "place") : null;
		Text dates = top.has("dates") ? this.values.text(top, "dates") : null;
		return new SessionFacts(opens, place, dates, agenda(top, "the programme"));
	}

	private SessionFacts.Agenda agenda(YamlMapping owner, String what) {
		if (!owner.has("agenda")) {
			return null;
		}
		YamlMapping map = YamlMapping.of(this.file, owner.node("agenda"), "the agenda of " + what,
				ordered("item", "heading"));
		String item = map.requiredText("item", "the agenda of " + what);
		return new SessionFacts.Agenda(item, map.has("heading") ? this.values.text(map, "heading") : null);
	}

	private WorkItem workItem(Node node, String parent, String inheritedKind) {
		YamlMapping map = YamlMapping.of(this.file, node, "a work item",
				ordered("code", "kind", "title", "children", "outcomes"));
		String code = this.values.code(map, "code", "a work item");
		String kind = (map.text("kind") != null) ? map.text("kind").toLowerCase(Locale.ROOT) : inheritedKind;
		if (!KINDS.contains(kind)) {
			throw map.error(map.lineOf("kind"),
					"work item " + code + ": kind \"" + kind + "\" is not one of objective, coordination");
		}
		Text title = this.values.text(map, "title");
		List<Outcome> outcomes = new ArrayList<>();
		for (Node outcomeNode : map.list("outcomes")) {
			outcomes.add(outcome(outcomeNode, code));
		}
		List<WorkItem> children = new ArrayList<>();
		for (Node childNode : map.list("children")) {
			children.add(workItem(childNode, code, kind));
		}
		return new WorkItem(code, kind, title, parent, List.copyOf(children), List.copyOf(outcomes));
	}

	private Outcome outcome(Node node, String workItem) {
		YamlMapping map = YamlMapping.of(this.file, node, "an outcome", ordered("code", "title", "due", "weight"));
		String code = this.values.code(map, "code", "an outcome");
		LocalDate due = null;
		if (map.text("due") != null) {
			try {
				due = LocalDate.parse(map.text("due"));
			}
			catch (DateTimeParseException ex) {
				throw map.error(map.lineOf("due"),
						"outcome " + code + ": due \"" + map.text("due") + "\" is not a date YYYY-MM-DD");
			}
		}
		BigDecimal weight = BigDecimal.ONE;
		if (map.text("weight") != null) {
			weight = this.values.number(map, "weight", "outcome " + code);
		}
		return new Outcome(code, this.values.text(map, "title"), due, weight, workItem);
	}

	/** Report ids in lower case, with where each was given: ids name files. */
	private final Map<String, Node> reportIds = new HashMap<>();

	private Report report(Node node, Map<String, WorkItem> items) {
		YamlMapping map = YamlMapping.of(this.file, node, "a report",
				ordered("id", "symbol", "title", "covers", "agenda", "jobNumbers"));
		String id = this.values.code(map, "id", "a report");
		Node same = this.reportIds.putIfAbsent(id.toLowerCase(Locale.ROOT), map.lineOf("id"));
		if (same != null) {
			throw map.error(map.lineOf("id"), "report id \"" + id + "\" differs only in case from the one at line "
					+ (same.getStartMark().getLine() + 1) + ": they would name the same files on many systems");
		}
		List<String> covers = new ArrayList<>();
		for (Node coverNode : map.list("covers")) {
			String covered = (coverNode instanceof ScalarNode scalar) ? scalar.getValue().strip() : "";
			if (!items.containsKey(covered)) {
				throw map.error(coverNode, "report " + id + " covers unknown work item \"" + covered + "\"");
			}
			covers.add(covered);
		}
		if (covers.isEmpty()) {
			throw map.error(map.lineOf("covers"), "report " + id + " covers no work item (give \"covers\")");
		}
		Map<String, String> jobNumbers = map.has("jobNumbers") ? this.values.text(map, "jobNumbers").variants()
				: Map.of();
		return new Report(id, map.text("symbol"), this.values.text(map, "title"), List.copyOf(covers),
				agenda(map, "report " + id), jobNumbers);
	}

	private BudgetLine budgetLine(Node node) {
		YamlMapping map = YamlMapping.of(this.file, node, "a budget line",
				ordered("code", "title", "source", "amount"));
		String code = this.values.code(map, "code", "a budget line");
		return new BudgetLine(code, this.values.text(map, "title"), this.values.source(map, "budget line " + code),
				this.values.amount(map, "budget line " + code));
	}

	private Funding funding(Node node) {
		YamlMapping map = YamlMapping.of(this.file, node, "a funding entry", ordered("title", "source", "amount"));
		String what = "funding at line " + map.line();
		return new Funding(this.values.text(map, "title"), this.values.source(map, what),
				this.values.amount(map, what));
	}

	private static Set<String> ordered(String... keys) {
		return new LinkedHashSet<>(List.of(keys));
	}

}
