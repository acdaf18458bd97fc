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

	static Node compose(String file, Path path, byte[] content) {
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
			String problem = (cause instanceof CharacterCodingException) ? "the file is not valid UTF-8"
					: "not valid YAML: " + ex.getMessage();
			throw new ProgrammeException(file, 0, problem);
		}
		catch (CharacterCodingException ex) {
			throw new ProgrammeException(file, 0, "the file is not valid UTF-8");
		}
		catch (IOException ex) {
			throw new ProgrammeException(file, 0, "cannot be read: " + ex.getMessage());
		}
	}

}
