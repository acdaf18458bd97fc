package org.unccd.cst.tools;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import org.unccd.cst.model.BudgetLine;
import org.unccd.cst.model.Outcome;
import org.unccd.cst.model.Programme;
import org.unccd.cst.model.WorkItem;
import org.unccd.cst.programme.ProgrammeException;
import org.unccd.cst.programme.ProgrammeLoader;

/**
 * Writes a valid input folder of N progress rows and N expenditure rows over several
 * files and currencies, from a fixed random seed, on the programme of an existing input
 * folder: the load for benchmarks and for resume tests.
 *
 * <pre>
 * bench/generate --rows=N --output=DIR [--programme=input] [--files=4] [--seed=1]
 * </pre>
 */
public final class InputGenerator {

	private static final List<String> CURRENCIES = List.of("USD", "CHF", "GBP");

	private static final LocalDate START = LocalDate.of(2018, 1, 1);

	private static final int DAYS = 600;

	private InputGenerator() {
	}

	private static final String USAGE = "usage: bench/generate --rows=N --output=DIR [--programme=DIR] [--files=N] [--seed=N]"
			+ "\n  --programme: the input folder whose programme.yaml the data follows (default: input)";

	public static void main(String[] args) throws IOException {
		try {
			generate(args);
		}
		catch (NumberFormatException | ProgrammeException ex) {
			System.err.println("bench/generate: " + ex.getMessage());
			System.err.println(USAGE);
			System.exit(2);
		}
	}

	private static void generate(String[] args) throws IOException {
		long rows = 0;
		Path output = null;
		Path programme = Path.of("input");
		int files = 4;
		long seed = 1;
		for (String arg : args) {
			String value = arg.substring(arg.indexOf('=') + 1);
			if (arg.startsWith("--rows=")) {
				rows = Long.parseLong(value);
			}
			else if (arg.startsWith("--output=")) {
				output = Path.of(value);
			}
			else if (arg.startsWith("--programme=")) {
				programme = Path.of(value);
			}
			else if (arg.startsWith("--files=")) {
				files = Integer.parseInt(value);
			}
			else if (arg.startsWith("--seed=")) {
				seed = Long.parseLong(value);
			}
			else {
				System.err.println("bench/generate: unknown option " + arg);
				System.err.println(USAGE);
				System.exit(2);
			}
		}
		if (rows <= 0 || output == null) {
			System.err.println(USAGE);
			System.exit(2);
		}
		generate(programme, output, rows, files, seed);
	}

	/** Writes the folder; {@code rows} progress rows and as many expenditure rows. */
	public static void generate(Path programmeDir, Path output, long rows, int files, long seed) throws IOException {
		Programme programme = ProgrammeLoader.load(programmeDir);
		Files.createDirectories(output.resolve("progress"));
		Files.copy(programmeDir.resolve(ProgrammeLoader.FILE), output.resolve(ProgrammeLoader.FILE),
				StandardCopyOption.REPLACE_EXISTING);
		Path proposals = programmeDir.resolve("proposals.csv");
		if (Files.exists(proposals)) {
			Files.copy(proposals, output.resolve("proposals.csv"), StandardCopyOption.REPLACE_EXISTING);
		}
		SplittableRandom random = new SplittableRandom(seed);
		List<Outcome> outcomes = programme.allOutcomes();
		List<WorkItem> items = programme.allWorkItems();
		List<BudgetLine> lines = programme.budgetLines();
		try (BufferedWriter out = Files.newBufferedWriter(output.resolve("progress/rates.csv"))) {
			out.write("currency,date,rate\n");
			for (String currency : CURRENCIES) {
				for (int day = 0; day <= DAYS; day += 30) {
					out.write(currency + "," + START.plusDays(day) + ","
							+ String.format(Locale.ROOT, "%.4f", 0.7 + random.nextDouble() * 0.4) + "\n");
				}
			}
		}
		long written = 0;
		for (int file = 1; file <= files; file++) {
			long count = rows / files + ((file <= rows % files) ? 1 : 0);
			try (BufferedWriter out = Files
				.newBufferedWriter(output.resolve("progress/progress-" + String.format("%03d", file) + ".csv"))) {
				out.write("date,outcome,status,percent,summary\n");
				for (long i = 0; i < count; i++) {
					Outcome outcome = outcomes.get(random.nextInt(outcomes.size()));
					int percent = random.nextInt(100);
					out.write(START.plusDays(random.nextInt(DAYS)) + "," + outcome.code() + ","
							+ ((percent < 10) ? "planned" : (percent < 90) ? "in_progress" : "delayed") + "," + percent
							+ ",Progress report " + (written + i) + "\n");
				}
			}
			try (BufferedWriter out = Files
				.newBufferedWriter(output.resolve("progress/expenditures-" + String.format("%03d", file) + ".csv"))) {
				out.write("date,budget_line,work_item,amount,currency,reference,description\n");
				for (long i = 0; i < count; i++) {
					BudgetLine line = lines.get(random.nextInt(lines.size()));
					String workItem = (random.nextInt(4) == 0) ? "" : items.get(random.nextInt(items.size())).code();
					String currency = (random.nextInt(3) == 0) ? CURRENCIES.get(random.nextInt(CURRENCIES.size()))
							: programme.currency();
					out.write(START.plusDays(random.nextInt(DAYS)) + "," + line.code() + "," + workItem + ","
							+ String.format(Locale.ROOT, "%.3f", 1 + random.nextDouble() * 500) + "," + currency
							+ ",GEN-" + (written + i) + ",Generated expenditure\n");
				}
			}
			written += count;
		}
	}

}
