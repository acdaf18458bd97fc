package org.unccd.cst.programme;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * A YAML mapping read with the line of every key, so that each problem names its line.
 */
final class YamlMapping {

	private final String file;

	private final Node node;

	private final Map<String, Node> values = new LinkedHashMap<>();

	private YamlMapping(String file, Node node, String what, Set<String> allowed) {
		this.file = file;
		this.node = node;
		if (!(node instanceof MappingNode mapping)) {
			throw error(node, what + " must be a mapping of keys to values");
		}
		for (NodeTuple tuple : mapping.getValue()) {
			if (!(tuple.getKeyNode() instanceof ScalarNode keyNode)) {
				throw error(tuple.getKeyNode(), "a key in " + what + " must be a plain word");
			}
			String key = keyNode.getValue();
			if (!allowed.contains(key)) {
				throw error(keyNode, "unknown key \"" + key + "\" in " + what + " (expected one of "
						+ String.join(", ", allowed) + ")");
			}
			if (this.values.containsKey(key)) {
				throw error(keyNode, "key \"" + key + "\" appears twice in " + what);
			}
			this.values.put(key, tuple.getValueNode());
		}
	}

	static YamlMapping of(String file, Node node, String what, Set<String> allowed) {
		return new YamlMapping(file, node, what, allowed);
	}

	ProgrammeException error(Node at, String problem) {
		return new ProgrammeException(this.file, (at != null) ? at.getStartMark().getLine() + 1 : 0, problem);
	}

	int line() {
		return this.node.getStartMark().getLine() + 1;
	}

	boolean has(String key) {
		Node value = this.values.get(key);
		return value != null && !isNull(value);
	}

	Node node(String key) {
		return this.values.get(key);
	}

	/** The key's scalar text, or {@code null} when absent. */
	String text(String key) {
		Node value = this.values.get(key);
		if (value == null || isNull(value)) {
			return null;
		}
		if (!(value instanceof ScalarNode scalar)) {
			throw error(value, "\"" + key + "\" must be a single value");
		}
		return scalar.getValue().strip();
	}

	String requiredText(String key, String what) {
		String value = text(key);
		if (value == null || value.isEmpty()) {
			throw error(this.node, what + " has no \"" + key + "\"");
		}
		return value;
	}

	List<Node> list(String key) {
		Node value = this.values.get(key);
		if (value == null || isNull(value)) {
			return List.of();
		}
		if (!(value instanceof SequenceNode sequence)) {
			throw error(value, "\"" + key + "\" must be a list");
		}
		return sequence.getValue();
	}

	Node lineOf(String key) {
		Node value = this.values.get(key);
		return (value != null) ? value : this.node;
	}

	static boolean isNull(Node node) {
		return node instanceof ScalarNode scalar && (Tag.NULL.equals(scalar.getTag()) || scalar.getValue().isEmpty());
	}

}
