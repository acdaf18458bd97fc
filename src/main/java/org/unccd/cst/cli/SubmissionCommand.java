package org.unccd.cst.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.unccd.cst.service.ExitCode;
import org.unccd.cst.submission.Submissions;

/**
 * The commands of those who submit data: {@code --template} writes the data-entry
 * workbooks of the programme, {@code --check} lists the rows of data files that a run
 * would reject, without running it.
 */
final class SubmissionCommand {

	static final String USAGE = """

			Submissions (README, "Templates and checks"):
			       java -jar target/cst-reports.jar --template [--lang=en,fr,...] [--input=DIR] [--output=DIR]
			       java -jar target/cst-reports.jar --check [--input=DIR] FILE...

			  --template          write the data-entry workbook of the programme in each language,
			                      OUTPUT/<session>/<session>.template.<lang>.xlsx
			  --check             check data files against the programme and INPUT/progress/ without
			                      running: prints each rejected row as rejects.csv does, then
			                      "N rows read, N accepted, N rejected"; exit 0 none rejected,
			                      3 some, 1 a file cannot be read, 2 bad command line
			""";

	private final PrintStream out;

	private final PrintStream err;

	SubmissionCommand(PrintStream out, PrintStream err) {
		this.out = out;
		this.err = err;
	}

	/** Whether the command line is {@code --template} or {@code --check}. */
	static boolean handles(String[] args) {
		return List.of(args).stream().anyMatch((arg) -> arg.equals("--template") || arg.equals("--check"));
	}

	ExitCode run(String[] args) {
		Map<String, String> options = new HashMap<>();
		List<Path> files = new ArrayList<>();
		for (String arg : args) {
			if (!arg.startsWith("--")) {
				files.add(Path.of(arg));
				continue;
			}
			String name = arg.contains("=") ? arg.substring(2, arg.indexOf('=')) : arg.substring(2);
			if (options.containsKey(name)) {
				return bad("option --" + name + " is given twice");
			}
			String value = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : null;
			if (value != null && value.isBlank()) {
				return bad("option --" + name + " needs a value: --" + name + "=...");
			}
			options.put(name, value);
		}
		if (options.containsKey("template") && options.containsKey("check")) {
			return bad("--template and --check are two commands: give one");
		}
		String command = options.containsKey("template") ? "template" : "check";
		if (options.get(command) != null) {
			return bad("--" + command + " takes no value");
		}
		Set<String> allowed = command.equals("template") ? Set.of("template", "lang", "input", "output")
				: Set.of("check", "input");
		for (String name : options.keySet()) {
			if (!allowed.contains(name)) {
				return bad(command.equals("template") ? "--template takes --lang, --input and --output, not --" + name
						: "--check takes --input and the files to check, not --" + name);
			}
			if (!name.equals(command) && options.get(name) == null) {
				return bad("option --" + name + " needs a value: --" + name + "=...");
			}
		}
		Path input = Path.of(options.getOrDefault("input", "input"));
		if (!Files.isDirectory(input)) {
			return bad("--input: no folder " + input);
		}
		if (command.equals("template")) {
			if (!files.isEmpty()) {
				return bad("unexpected argument \"" + files.get(0) + "\": --template takes no files");
			}
			return template(input, Path.of(options.getOrDefault("output", "output")), options.get("lang"));
		}
		if (files.isEmpty()) {
			return bad("--check needs the files to check: --check [--input=DIR] FILE...");
		}
		return check(input, files);
	}

	private ExitCode template(Path input, Path output, String lang) {
		List<String> languages;
		try {
			languages = (lang != null) ? CommandLineOptions.languages(lang) : List.of("en");
		}
		catch (CommandLineOptions.BadCommandLine ex) {
			return bad(ex.getMessage());
		}
		try {
			Optional<List<Path>> written = Submissions.writeTemplates(input, output, languages);
			if (written.isEmpty()) {
				this.err.println("cst-reports: the output folder " + output + " is busy: another run holds it ("
						+ Submissions.holder(output) + "). Wait for it to finish.");
				return ExitCode.BUSY;
			}
			written.get().forEach((file) -> this.out.println("Wrote " + file));
			return ExitCode.SUCCESS;
		}
		catch (Submissions.ProgrammeUnreadable ex) {
			this.err.println("cst-reports: " + ex.getMessage() + "; no template was written");
			return ExitCode.FAILED;
		}
		catch (IOException | RuntimeException ex) {
			this.err.println("cst-reports: the template cannot be written: " + ex.getMessage());
			return ExitCode.FAILED;
		}
	}

	private ExitCode check(Path input, List<Path> files) {
		try {
			boolean[] header = { false };
			Submissions.CheckResult result = Submissions.check(input, files, (line) -> {
				if (!header[0]) {
					this.out.println(Submissions.REJECTS_HEADER);
					header[0] = true;
				}
				this.out.println(line);
			});
			this.out.println(result.line());
			if (result.unreadable()) {
				return ExitCode.FAILED;
			}
			return (result.rejected() > 0) ? ExitCode.SUCCESS_WITH_REJECTS : ExitCode.SUCCESS;
		}
		catch (Submissions.ProgrammeUnreadable ex) {
			this.err.println("cst-reports: " + ex.getMessage() + "; nothing was checked");
			return ExitCode.FAILED;
		}
		catch (RuntimeException ex) {
			this.err.println("cst-reports: the files cannot be checked: " + ex.getMessage());
			return ExitCode.FAILED;
		}
	}

	private ExitCode bad(String message) {
		this.err.println("cst-reports: " + message + " (see --help)");
		return ExitCode.BAD_COMMAND_LINE;
	}

}
