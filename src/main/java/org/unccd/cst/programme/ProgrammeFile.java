package org.unccd.cst.programme;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionEndEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

/**
 * The file {@code programme.yaml} before its content is read: a regular file of bounded
 * size and line length, valid UTF-8 and valid YAML, composed into nodes that keep their
 * lines.
 */
final class ProgrammeFile {

	private ProgrammeFile() {
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
	static void check(Path path) {
		if (Files.exists(path) && !Files.isRegularFile(path)) {
			throw new ProgrammeException(ProgrammeLoader.FILE, 0,
					"is not a regular file (a folder, a device or a pipe)");
		}
		try {
			if (Files.isRegularFile(path) && Files.size(path) > MAX_BYTES) {
				throw new ProgrammeException(ProgrammeLoader.FILE, 0, "is " + (Files.size(path) / (1024 * 1024))
						+ " MB: a programme.yaml may be at most " + (MAX_BYTES / (1024 * 1024)) + " MB");
			}
		}
		catch (IOException ex) {
			throw new ProgrammeException(ProgrammeLoader.FILE, 0, "cannot be read: " + ex.getMessage());
		}
	}

	/**
	 * A line too long for any programme fails before the YAML parser spends time on it.
	 */
	static void checkLines(String file, byte[] content) {
		int line = 1;
		int length = 0;
		for (byte b : content) {
			if (b == '\n') {
				line++;
				length = 0;
			}
			else if (++length > MAX_LINE) {
				throw new ProgrammeException(file, line,
						"the line is longer than " + MAX_LINE + " characters: no programme needs one so long");
			}
		}
	}

	private static final int MAX_DEPTH = 40;

	private static final int MAX_ALIASES = 20;

	/**
	 * The line at which the file's events pass the nesting or the alias limit, and which
	 * (0 for nesting, 1 for aliases); line 0 when they do not.
	 */
	private static int[] beyondLimits(Path path, byte[] content) {
		LoaderOptions options = new LoaderOptions();
		options.setCodePointLimit(5 * 1024 * 1024);
		options.setNestingDepthLimit(Integer.MAX_VALUE);
		int depth = 0;
		int aliases = 0;
		java.util.Set<String> collections = new java.util.HashSet<>();
		try (Reader reader = new java.io.InputStreamReader(
				(content != null) ? new ByteArrayInputStream(content) : Files.newInputStream(path),
				StandardCharsets.UTF_8)) {
			for (Event event : new Yaml(options).parse(reader)) {
				int line = event.getStartMark().getLine() + 1;
				if (event instanceof CollectionStartEvent start) {
					if (start.getAnchor() != null) {
						collections.add(start.getAnchor());
					}
					if (++depth > MAX_DEPTH) {
						return new int[] { line, 0 };
					}
				}
				else if (event instanceof CollectionEndEvent) {
					depth--;
				}
				else if (event instanceof AliasEvent alias && collections.contains(alias.getAnchor())
						&& ++aliases > MAX_ALIASES) {
					return new int[] { line, 1 };
				}
			}
		}
		catch (IOException | YAMLException ex) {
			// the first reading's message stands
		}
		return new int[] { 0, 0 };
	}

	static Node compose(String file, Path path, byte[] content) {
		LoaderOptions options = new LoaderOptions();
		options.setAllowDuplicateKeys(false);
		options.setMaxAliasesForCollections(MAX_ALIASES);
		options.setCodePointLimit(5 * 1024 * 1024);
		options.setNestingDepthLimit(MAX_DEPTH);
		var decoder = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		try (Reader reader = new java.io.InputStreamReader(
				(content != null) ? new ByteArrayInputStream(content) : Files.newInputStream(path), decoder)) {
			Node root = new Yaml(options).compose(reader);
			if (root == null) {
				throw new ProgrammeException(file, 0, "the file is empty");
			}
			return root;
		}
		catch (NoSuchFileException ex) {
			throw new ProgrammeException(file, 0, "not found in the input folder " + path.getParent());
		}
		catch (MarkedYAMLException ex) {
			int line = (ex.getProblemMark() != null) ? ex.getProblemMark().getLine() + 1 : 0;
			String problem = (ex.getProblem() != null) ? ex.getProblem() : ex.getMessage();
			String context = (ex.getContext() != null) ? ex.getContext() + ": " : "";
			throw new ProgrammeException(file, line, "not valid YAML: " + context + problem);
		}
		catch (YAMLException ex) {
			Throwable cause = (ex.getCause() != null) ? ex.getCause() : ex;
			if (cause instanceof CharacterCodingException) {
				throw new ProgrammeException(file, 0, "the file is not valid UTF-8");
			}
			// the limits say no line of their own: find where the file passes them
			int[] where = beyondLimits(path, content);
			if (where[0] > 0) {
				throw new ProgrammeException(file, where[0],
						(where[1] == 0)
								? "not valid YAML: lists and maps nested more than " + MAX_DEPTH
										+ " deep; no programme needs so many"
								: "not valid YAML: more than " + MAX_ALIASES
										+ " references (*alias) to lists or maps; no programme needs so many");
			}
			throw new ProgrammeException(file, 0, "not valid YAML: " + ex.getMessage());
		}
		catch (CharacterCodingException ex) {
			throw new ProgrammeException(file, 0, "the file is not valid UTF-8");
		}
		catch (IOException ex) {
			throw new ProgrammeException(file, 0, "cannot be read: " + ex.getMessage());
		}
	}

}
