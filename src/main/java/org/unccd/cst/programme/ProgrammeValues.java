package org.unccd.cst.programme;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.unccd.cst.model.Text;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * The values of {@code programme.yaml} as one programme is read: codes (unique across the
 * programme), texts in one or more languages, dates, amounts and funding sources, each
 * failing with its line when it is not what it should be.
 */
final class ProgrammeValues {

	/** Codes name files and folders: letters, digits, dot, dash and underscore only. */
	private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

	private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}");

	private static final Set<String> SOURCES = Set.of("core", "extrabudgetary");

	private final Map<String, Node> codes = new HashMap<>();

	LocalDate date(YamlMapping map, String key, String what) {
		String value = map.text(key);
		try {
			return LocalDate.parse(value);
		}
		catch (DateTimeParseException ex) {
			throw map.error(map.lineOf(key), what + ": " + key + " \"" + value + "\" is not a date YYYY-MM-DD");
		}
	}

	String source(YamlMapping map, String what) {
		String source = map.requiredText("source", what).toLowerCase(Locale.ROOT);
		if (!SOURCES.contains(source)) {
			throw map.error(map.lineOf("source"),
					what + ": source \"" + source + "\" is not one of core, extrabudgetary");
		}
		return source;
	}

	BigDecimal amount(YamlMapping map, String what) {
		if (map.text("amount") == null) {
			throw map.error(map.lineOf("amount"), what + " has no \"amount\"");
		}
		return number(map, "amount", what);
	}

	BigDecimal number(YamlMapping map, String key, String what) {
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

	String code(YamlMapping map, String key, String what) {
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

	Text text(YamlMapping map, String key) {
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

}
