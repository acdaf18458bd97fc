package org.unccd.cst.publish;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.unccd.cst.ingest.DataFileItemReader;
import org.unccd.cst.ingest.ProposalsLoader;
import org.unccd.cst.programme.ProgrammeLoader;
import org.unccd.cst.run.OutputFolder;

/**
 * What a published set was made from and of: {@code manifest.json}. Its input digest and
 * parameters tell whether a rerun would change anything.
 *
 * @param session the session
 * @param generator the application and version that made it
 * @param parameters the run parameters that shape the outputs
 * @param inputDigest one digest over every input file's path and content
 * @param inputs every input file with its SHA-256 and size
 * @param outputs every published file but the manifest, with its SHA-256 and size
 */
public record Manifest(String session, String generator, Parameters parameters, String inputDigest,
		List<FileEntry> inputs, List<FileEntry> outputs) {

	public static final String FILE = "manifest.json";

	/** The parameters that shape the outputs. */
	public record Parameters(String input, LocalDate asOf, List<String> lang, long maxRejects) {
	}

	/** A file, relative to its folder, with its digest and size. */
	public record FileEntry(String file, String sha256, long size) {
	}

	/**
	 * The input files a run was started on, as it hashed them for its input digest: the
	 * job records these very entries rather than reading every file a second time.
	 *
	 * @param files the entries, in read order
	 */
	public record Inputs(List<FileEntry> files) {

		public Inputs {
			files = List.copyOf(files);
		}

	}

	/** Every input file the run reads, relative to the input folder, in read order. */
	public static List<FileEntry> inputs(Path inputDir) throws IOException {
		List<FileEntry> entries = new ArrayList<>();
		for (Path file : inputFiles(inputDir)) {
			entries.add(entry(inputDir, file));
		}
		return entries;
	}

	/** The names of the input files the run reads, relative to the input folder. */
	static List<String> inputNames(Path inputDir) throws IOException {
		return inputFiles(inputDir).stream().map((file) -> name(inputDir, file)).toList();
	}

	private static List<Path> inputFiles(Path inputDir) throws IOException {
		List<Path> files = new ArrayList<>();
		files.add(inputDir.resolve(ProgrammeLoader.FILE));
		if (Files.isRegularFile(inputDir.resolve(ProposalsLoader.FILE))) {
			files.add(inputDir.resolve(ProposalsLoader.FILE));
		}
		files.addAll(DataFileItemReader.dataFiles(inputDir));
		return files;
	}

	private static String name(Path dir, Path file) {
		return dir.relativize(file).toString().replace('\\', '/');
	}

	/** The digest of a set of input files: their names and contents, in order. */
	public static String digest(List<FileEntry> inputs) {
		StringBuilder all = new StringBuilder();
		inputs.forEach((entry) -> all.append(entry.file()).append('\t').append(entry.sha256()).append('\n'));
		return FileDigest.sha256(all.toString());
	}

	/**
	 * Every file of a folder but the manifest and the data-entry templates
	 * ({@code --template} writes them beside the set, which they are not part of), by
	 * name.
	 */
	public static List<FileEntry> outputs(Path dir) throws IOException {
		List<FileEntry> entries = new ArrayList<>();
		try (Stream<Path> files = Files.list(dir)) {
			for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
				String name = file.getFileName().toString();
				if (!name.equals(FILE) && !isTemplate(name)) {
					entries.add(entry(dir, file));
				}
			}
		}
		return entries;
	}

	/** Whether a file of a session's folder is a data-entry template of any session. */
	static boolean isTemplate(String name) {
		int at = name.indexOf(".template.");
		return at > 0 && OutputFolder.isTemplate(name.substring(0, at), name);
	}

	private static FileEntry entry(Path dir, Path file) throws IOException {
		return new FileEntry(name(dir, file), FileDigest.sha256(file), Files.size(file));
	}

	public static String currentGenerator() {
		String version = Manifest.class.getPackage().getImplementationVersion();
		return "cst-reports " + ((version != null) ? version : "dev");
	}

}
