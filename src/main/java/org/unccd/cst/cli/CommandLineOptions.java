package org.unccd.cst.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.unccd.cst.run.RunParameters;
import org.unccd.cst.model.Messages;

/**
 * Parses the contract's command line into run parameters; anything it does not know is an
 * error with a one-line message.
 */
final class CommandLineOptions {

	static final List<String> LANGUAGES = Messages.LANGUAGES;

	static final String USAGE = """
			Usage: java -jar target/cst-reports.jar [--input=DIR] [--output=DIR] [--as-of=YYYY-MM-DD]
			                                  [--lang=en,fr,...] [--max-rejects=N] [--force]
			                                  [--distribute] [--schedule]
			                                  [--progress=auto|bar|log|off]
			       java -jar target/cst-reports.jar --history [--output=DIR]
			       java -jar target/cst-reports.jar --diff [--output=DIR]

			Turns the SPI work programme and its progress data into the CST synthesis reports (PDF),
			the workbooks (XLSX), summary.json, rejects.csv and manifest.json, published in
			OUTPUT/<session>/.

			  --input=DIR         input folder: programme.yaml, proposals.csv, progress/ (default input)
			  --output=DIR        output folder (default output)
			  --as-of=YYYY-MM-DD  cut-off date: only rows dated on or before it count (default today)
			  --lang=LIST         report languages, comma-separated: ar, en, es, fr, ru, zh
			                      (default en)
			  --max-rejects=N     fail when more than N rows are rejected (default 1000)
			  --force             regenerate even when the published outputs are current
			  --distribute        after a successful run, email the reports and workbooks to each
			                      recipient of INPUT/distribution.csv, never the same set twice
			  --schedule          keep running; run at the times of cst.schedule.cron (default
			                      02:00 every day), each run as of its day (no --as-of)
			  --progress=MODE     progress of a run: bar (one updating line), log (a line every
			                      10 s), off, or auto: bar on a terminal, else log (default auto)
			  --history           list the past runs recorded for the output folder, newest first
			  --diff              show what changed between the last two published summaries
			  --help              print this help

			Exit codes: 0 success; 3 success with rejected rows; 1 failed, nothing published;
			            2 bad command line; 4 output folder busy;
			            5 published, but some deliveries failed (retried by the next --distribute).
			""";

	private CommandLineOptions() {
	}

	/** A command line that cannot be used. */
	static final class BadCommandLine extends Exception {

		BadCommandLine(String message) {
			super(message);
		}

	}

	/** What the command line asks for: a run, or one of the modes that only read. */
	enum Mode {

		RUN, HISTORY, DIFF

	}

	/** The progress display modes of {@code --progress}. */
	static final List<String> PROGRESS_MODES = List.of("auto", "bar", "log", "off");

	/**
	 * A parsed command line.
	 *
	 * @param mode a run, {@code --history} or {@code --diff}
	 * @param parameters the run parameters (only the output folder counts for the modes)
	 * @param progress the {@code --progress} mode, {@code null} when not given
	 */
	record Command(Mode mode, RunParameters parameters, String progress, boolean asOfGiven) {
	}

	/** {@code null} when help was asked for. */
	static RunParameters parse(String[] args, LocalDate today) throws BadCommandLine {
		Command command = command(args, today);
		return (command != null) ? command.parameters() : null;
	}

	/** {@code null} when help was asked for. */
	static Command command(String[] args, LocalDate today) throws BadCommandLine {
		Path input = Path.of("input");
		Path output = Path.of("output");
		LocalDate asOf = today;
		List<String> languages = List.of("en");
		long maxRejects = 1000;
		boolean force = false;
		Mode mode = Mode.RUN;
		String progress = null;
		Set<String> seen = new java.util.HashSet<>();
		for (String arg : args) {
			if (arg.equals("--help") || arg.equals("-h")) {
				return null;
			}
			if (!arg.startsWith("--")) {
				throw new BadCommandLine("unexpected argument \"" + arg + "\": options are written --name=value");
			}
			int equals = arg.indexOf('=');
			String name = (equals > 0) ? arg.substring(2, equals) : arg.substring(2);
			String value = (equals > 0) ? arg.substring(equals + 1) : null;
			if (!seen.add(name)) {
				throw new BadCommandLine("option --" + name + " is given twice");
			}
			switch (name) {
				case "input" -> input = Path.of(required(name, value));
				case "output" -> output = Path.of(required(name, value));
				case "as-of" -> asOf = date(required(name, value));
				case "lang" -> languages = languages(required(name, value));
				case "max-rejects" -> maxRejects = count(required(name, value));
				case "force" -> {
					if (value != null) {
						throw new BadCommandLine("option --force takes no value");
					}
					force = true;
				}
				case "progress" -> progress = progress(required(name, value));
				case "history", "diff" -> {
					if (value != null) {
						throw new BadCommandLine("option --" + name + " takes no value");
					}
					mode = name.equals("history") ? Mode.HISTORY : Mode.DIFF;
				}
				default -> throw new BadCommandLine("unknown option --" + name);
			}
		}
		if (mode != Mode.RUN) {
			for (String other : seen) {
				if (!other.equals("output") && !other.equals(mode.name().toLowerCase(Locale.ROOT))) {
					throw new BadCommandLine("--" + mode.name().toLowerCase(Locale.ROOT)
							+ " only reads the output folder: it takes --output=DIR and no --" + other);
				}
			}
		}
		return new Command(mode, new RunParameters(input, output, asOf, languages, maxRejects, force), progress,
				seen.contains("as-of"));
	}

	private static String progress(String value) throws BadCommandLine {
		if (!PROGRESS_MODES.contains(value)) {
			throw new BadCommandLine("--progress=" + value + " is not one of " + String.join(", ", PROGRESS_MODES));
		}
		return value;
	}

	/**
	 * The operations options, taken out of the command line before the run's own options
	 * are parsed.
	 *
	 * @param schedule whether to keep running and run at the scheduled times
	 * @param distribute whether to send the published set to the recipients after a run
	 * @param runArgs the rest of the command line: the options of each run
	 */
	record Operations(boolean schedule, boolean distribute, String[] runArgs) {
	}

	static Operations operations(String[] args) throws BadCommandLine {
		boolean schedule = false;
		boolean distribute = false;
		List<String> rest = new ArrayList<>();
		for (String arg : args) {
			String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
			if (!name.equals("--schedule") && !name.equals("--distribute")) {
				rest.add(arg);
				continue;
			}
			if (!name.equals(arg)) {
				throw new BadCommandLine("option " + name + " takes no value");
			}
			if ((name.equals("--schedule") && schedule) || (name.equals("--distribute") && distribute)) {
				throw new BadCommandLine("option " + name + " is given twice");
			}
			schedule |= name.equals("--schedule");
			distribute |= name.equals("--distribute");
		}
		if (schedule && rest.stream().anyMatch((arg) -> arg.equals("--as-of") || arg.startsWith("--as-of="))) {
			throw new BadCommandLine("--as-of cannot be given with --schedule: each scheduled run is as of its day");
		}
		return new Operations(schedule, distribute, rest.toArray(String[]::new));
	}

	private static String required(String name, String value) throws BadCommandLine {
		if (value == null || value.isBlank()) {
			throw new BadCommandLine("option --" + name + " needs a value: --" + name + "=...");
		}
		return value.strip();
	}

	private static LocalDate date(String value) throws BadCommandLine {
		try {
			if (!value.matches("\\d{4}-\\d{2}-\\d{2}")) {
				throw new DateTimeParseException("", value, 0);
			}
			LocalDate date = LocalDate.parse(value);
			if (date.getYear() < 1900 || date.getYear() > 2100) {
				throw new BadCommandLine("--as-of=" + value + " is not between 1900-01-01 and 2100-12-31");
			}
			return date;
		}
		catch (DateTimeParseException ex) {
			throw new BadCommandLine("--as-of=" + value + " is not a date YYYY-MM-DD");
		}
	}

	static List<String> languages(String value) throws BadCommandLine {
		Set<String> languages = new LinkedHashSet<>();
		for (String lang : value.split(",")) {
			String code = lang.strip();
			if (!LANGUAGES.contains(code)) {
				throw new BadCommandLine("--lang: \"" + code + "\" is not a supported language (supported: "
						+ String.join(", ", LANGUAGES) + ")");
			}
			languages.add(code);
		}
		return new ArrayList<>(languages);
	}

	private static long count(String value) throws BadCommandLine {
		try {
			long count = Long.parseLong(value);
			if (count < 0) {
				throw new NumberFormatException();
			}
			return count;
		}
		catch (NumberFormatException ex) {
			throw new BadCommandLine("--max-rejects=" + value + " is not a whole number of 0 or more");
		}
	}

}
