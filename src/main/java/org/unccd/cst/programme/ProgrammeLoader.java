package org.unccd.cst.programme;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;

import org.unccd.cst.model.BudgetLine;
import org.unccd.cst.model.Funding;
import org.unccd.cst.model.Outcome;
import org.unccd.cst.model.Programme;
import org.unccd.cst.model.Report;
import org.unccd.cst.model.SessionFacts;
import org.unccd.cst.model.Text;
import org.unccd.cst.model.WorkItem;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Reads {@code programme.yaml} and checks it, failing on the first problem with its line.
 */
public final class ProgrammeLoader {

	public static final String FILE = "programme.yaml";

	/** Codes name files and folders: letters, digits, dot, dash and underscore only. */
	private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

	private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}");

	private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

	private static final Set<String> SOURCES = Set.of("core", "extrabudgetary");

	private static final Set<String> KINDS = Set.of("objective", "coordination");

	/**
	 * The programme read last, with the file and the bytes it was read from: a run reads
	 * its programme before it starts and again in every step.
	 */
	private static final AtomicReference<Read> LAST = new AtomicReference<>();

	private final Map<String, Node> codes = new HashMap<>();

	private String file = FILE;

	/** Loads the programme of an input folder. */
	public static Programme load(Path inputDir) {
		Path path = inputDir.resolve(FILE);
		checkFile(path);
		byte[] content;
		try {
			content = Files.readAllBytes(path);
		}
		catch (IOException ex) {
			// read again below, which says what is wrong
			content = null;
		}
		Path absolute = path.toAbsolutePath().normalize();
		Read last = LAST.get();
		if (content != null && last != null && last.path().equals(absolute) && Arrays.equals(last.content(), content)) {
			return last.programme();
		}
		Programme programme = new ProgrammeLoader().read(path, content);
		if (content != null) {
			LAST.set(new Read(absolute, content, programme));
		}
		return programme;
	}

	private record Read(Path path, byte[] content, Programme programme) {
	}

	/** The largest programme.yaml read: far more than any work programme needs. */
	static final long MAX_BYTES = 5L * 1024 * 1024;

	/** The longest line of programme.yaml: a title is a few hundred characters. */
	static final int MAX_LINE = 100_000;

	/**
	 * Reads nothing that is not a regular file of a bounded size: a folder, a device, a
	 * pipe or a file of gigabytes fails at once with a message, never with a hang or an
	 * exhausted memory.
	 */
	private static void checkFile(Path path) {
		if (Files.exists(path) && !Files.isRegularFile(path)) {
			throw new ProgrammeException(FILE, 0, "is not a regular file (a folder, a device or a pipe)");
		}
		try {
			if (Files.isRegularFile(path) && Files.size(path) > MAX_BYTES) {
				throw new ProgrammeException(FILE, 0, "is " + (Files.size(path) / (1024 * 1024))
						+ " MB: a programme.yaml may be at most " + (MAX_BYTES / (1024 * 1024)) + " MB");
			}
		}
		catch (IOException ex) {
			throw new ProgrammeException(FILE, 0, "cannot be read: " + ex.getMessage());
		}
	}

	/**
	 * A line too long for any programme fails before the YAML parser spends time on it.
	 */
	private void checkLines(byte[] content) {
		int line = 1;
		int length = 0;
		for (byte b : content) {
			if (b == '\n') {
				line++;
				length = 0;
			}
			else if (++length > MAX_LINE) {
				throw new ProgrammeException(this.file, line,
						"the line is longer than " + MAX_LINE + " characters: no programme needs one so long");
			}
		}
	}

	private Programme read(Path path, byte[] content) {
		this.file = path.getFileName().toString();
		if (content != null) {
			checkLines(content);
		}
		Node root = compose(path, content);
		YamlMapping top = YamlMapping.of(this.file, root, "the programme", ordered("session", "title", "source",
				"currency", "opens", "place", "dates", "agenda", "reports", "workItems", "budget"));
		String session = code(top, "session", "the programme");
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
		Text title = top.has("title") ? text(top, "title") : Text.of(session);
		String source = (top.text("source") != null) ? top.text("source") : "";
		return new Programme(session, title, source, currency, List.copyOf(reports), List.copyOf(workItems),
				List.copyOf(lines), List.copyOf(funding), facts(top));
	}

	/** The session's facts for the covers: all optional. */
	private SessionFacts facts(YamlMapping top) {
		LocalDate opens = (top.text("opens") != null) ? date(top, "opens", "the programme") : null;
		Text place = top.has("place") ? text(top, "place") : null;
		Text dates = top.has("dates") ? text(top, "dates") : null;
		return new SessionFacts(opens, place, dates, agenda(top, "the programme"));
	}

	private SessionFacts.Agenda agenda(YamlMapping owner, String what) {
		if (!owner.has("agenda")) {
			return null;
		}
		YamlMapping map = YamlMapping.of(this.file, owner.node("agenda"), "the agenda of " + what,
				ordered("item", "heading"));
		String item = map.requiredText("item", "the agenda of " + what);
		return new SessionFacts.Agenda(item, map.has("heading") ? text(map, "heading") : null);
	}

	private LocalDate date(YamlMapping map, String key, String what) {
		String value = map.text(key);
		try {
			return LocalDate.parse(value);
		}
		catch (DateTimeParseException ex) {
			throw map.error(map.lineOf(key), what + ": " + key + " \"" + value + "\" is not a date YYYY-MM-DD");
		}
	}

	private Node compose(Path path, byte[] content) {
		LoaderOptions options = new LoaderOptions();
		options.setAllowDuplicateKeys(false);
		options.setMaxAliasesForCollections(20);
		options.setCodePointLimit(5 * 1024 * 1024);
		options.setNestingDepthLimit(40);
		var decoder = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		try (Reader reader = new java.io.InputStreamReader(
				(content != null) ? new ByteArrayInputStream(content) : Files.newInputStream(path), decoder)) {
			Node root = new Yaml(options).compose(reader);
			if (root == null) {
				throw new ProgrammeException(this.file, 0, "the file is empty");
			}
			return root;
		}
		catch (NoSuchFileException ex) {
			throw new ProgrammeException(this.file, 0, "not found in the input folder " + path.getParent());
		}
		catch (MarkedYAMLException ex) {
			int line = (ex.getProblemMark() != null) ? ex.getProblemMark().getLine() + 1 : 0;
			String problem = (ex.getProblem() != null) ? ex.getProblem() : ex.getMessage();
			String context = (ex.getContext() != null) ? ex.getContext() + ": " : "";
			throw new ProgrammeException(this.file, line, "not valid YAML: " + context + problem);
		}
		catch (YAMLException ex) {
			Throwable cause = (ex.getCause() != null) ? ex.getCause() : ex;
			String problem = (cause instanceof CharacterCodingException) ? "the file is not valid UTF-8"
					: "not valid YAML: " + ex.getMessage();
			throw new ProgrammeException(this.file, 0, problem);
		}
		catch (CharacterCodingException ex) {
			throw new ProgrammeException(this.file, 0, "the file is not valid UTF-8");
		}
		catch (IOException ex) {
			throw new ProgrammeException(this.file, 0, "cannot be read: " + ex.getMessage());
		}
	}

	private WorkItem workItem(Node node, String parent, String inheritedKind) {
		YamlMapping map = YamlMapping.of(this.file, node, "a work item",
				ordered("code", "kind", "title", "children", "outcomes"));
		String code = code(map, "code", "a work item");
		String kind = (map.text("kind") != null) ? map.text("kind").toLowerCase(Locale.ROOT) : inheritedKind;
		if (!KINDS.contains(kind)) {
			throw map.error(map.lineOf("kind"),
					"work item " + code + ": kind \"" + kind + "\" is not one of objective, coordination");
		}
		Text title = text(map, "title");
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
		String code = code(map, "code", "an outcome");
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
			weight = number(map, "weight", "outcome " + code);
		}
		return new Outcome(code, text(map, "title"), due, weight, workItem);
	}

	/** Report ids in lower case, with where each was given: ids name files. */
	private final Map<String, Node> reportIds = new HashMap<>();

	private Report report(Node node, Map<String, WorkItem> items) {
		YamlMapping map = YamlMapping.of(this.file, node, "a report",
				ordered("id", "symbol", "title", "covers", "agenda", "jobNumbers"));
		String id = code(map, "id", "a report");
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
		Map<String, String> jobNumbers = map.has("jobNumbers") ? text(map, "jobNumbers").variants() : Map.of();
		return new Report(id, map.text("symbol"), text(map, "title"), List.copyOf(covers), agenda(map, "report " + id),
				jobNumbers);
	}

	private BudgetLine budgetLine(Node node) {
		YamlMapping map = YamlMapping.of(this.file, node, "a budget line",
				ordered("code", "title", "source", "amount"));
		String code = code(map, "code", "a budget line");
		return new BudgetLine(code, text(map, "title"), source(map, "budget line " + code),
				amount(map, "budget line " + code));
	}

	private Funding funding(Node node) {
		YamlMapping map = YamlMapping.of(this.file, node, "a funding entry", ordered("title", "source", "amount"));
		String what = "funding at line " + map.line();
		return new Funding(text(map, "title"), source(map, what), amount(map, what));
	}

	private String source(YamlMapping map, String what) {
		String source = map.requiredText("source", what).toLowerCase(Locale.ROOT);
		if (!SOURCES.contains(source)) {
			throw map.error(map.lineOf("source"),
					what + ": source \"" + source + "\" is not one of core, extrabudgetary");
		}
		return source;
	}

	private BigDecimal amount(YamlMapping map, String what) {
		if (map.text("amount") == null) {
			throw map.error(map.lineOf("amount"), what + " has no \"amount\"");
		}
		return number(map, "amount", what);
	}

	private BigDecimal number(YamlMapping map, String key, String what) {
		String value = map.text(key).replace("_", "");
		BigDecimal number;
		try {
			number = new BigDecimal(value);
		}
		catch (NumberFormatException ex) {
			throw map.error(map.lineOf(key), what + ": " + key + " \"" + value + "\" is not a number");
		}
		if (number.signum() < 0) {
			throw map.error(map.lineOf(key), what + ": " + key + " " + value + " is negative");
		}
		return number;
	}

	private String code(YamlMapping map, String key, String what) {
		String code = map.requiredText(key, what);
		if (!CODE.matcher(code).matches()) {
			throw map.error(map.lineOf(key), key + " \"" + code
					+ "\" may hold only letters, digits, '.', '-' and '_' (at most 64) and must start with a letter or digit");
		}
		if (!"session".equals(key)) {
			Node first = this.codes.putIfAbsent(code, map.lineOf(key));
			if (first != null) {
				throw map.error(map.lineOf(key),
						"duplicate code \"" + code + "\" (first at line " + (first.getStartMark().getLine() + 1) + ")");
			}
		}
		return code;
	}

	private Text text(YamlMapping map, String key) {
		Node node = map.node(key);
		if (node == null || YamlMapping.isNull(node)) {
			throw map.error(map.lineOf(key), "\"" + key + "\" is missing");
		}
		if (node instanceof ScalarNode scalar) {
			return Text.of(scalar.getValue().strip());
		}
		if (node instanceof MappingNode mapping) {
			Map<String, String> variants = new LinkedHashMap<>();
			for (NodeTuple tuple : mapping.getValue()) {
				String lang = (tuple.getKeyNode() instanceof ScalarNode k) ? k.getValue() : "";
				if (!LANGUAGE.matcher(lang).matches()) {
					throw map.error(tuple.getKeyNode(), "\"" + lang + "\" is not a language code such as en or zh");
				}
				if (!(tuple.getValueNode() instanceof ScalarNode value)) {
					throw map.error(tuple.getValueNode(), "the " + lang + " text of \"" + key + "\" must be text");
				}
				if (variants.put(lang, value.getValue().strip()) != null) {
					throw map.error(tuple.getKeyNode(), "language \"" + lang + "\" appears twice in \"" + key + "\"");
				}
			}
			if (variants.isEmpty()) {
				throw map.error(node, "\"" + key + "\" has no text");
			}
			return new Text(variants);
		}
		throw map.error(node, "\"" + key + "\" must be text or a map of language to text");
	}

	private static Set<String> ordered(String... keys) {
		return new LinkedHashSet<>(List.of(keys));
	}

}
