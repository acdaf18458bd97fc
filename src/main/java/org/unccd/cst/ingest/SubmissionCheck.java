package org.unccd.cst.ingest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

import org.unccd.cst.model.Programme;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;

/**
 * Checks data files against the programme without running the job ({@code --check}): each
 * record goes through the run's own reader, validation and conversion
 * ({@link RowProcessor}), then the duplicate-reference rule against the data files of the
 * input folder and the rows checked before it. Rates come from the input folder and from
 * the checked files.
 */
public final class SubmissionCheck {

	/** The tables whose rows carry a reference unique within the table. */
	private static final Set<DataTable> REFERENCED = EnumSet.of(DataTable.EXPENDITURES, DataTable.FUNDING);

	private static final String NOT_DATA = "not a data file";

	/** How the reader starts the reason of a workbook it cannot open. */
	private static final String WORKBOOK_UNREADABLE = "the workbook cannot be read";

	private final Path inputDir;

	private final Programme programme;

	/**
	 * A rejected row, as {@code rejects.csv} lists it.
	 *
	 * @param file the file, relative to the input folder when inside it
	 * @param line the line (0: the file or sheet as a whole)
	 * @param column the column
	 * @param value the offending value
	 * @param reason the reason
	 */
	public record Reject(String file, long line, String column, String value, String reason) {
	}

	/**
	 * What a check found.
	 *
	 * @param read the rows read (the files rejected as a whole count one each)
	 * @param accepted the rows accepted
	 * @param rejected the rows rejected
	 * @param unreadable whether a file could not be read: missing, not readable, or a
	 * workbook that cannot be opened
	 */
	public record Result(long read, long accepted, long rejected, boolean unreadable) {
	}

	public SubmissionCheck(Path inputDir, Programme programme) {
		this.inputDir = inputDir;
		this.programme = programme;
	}

	/**
	 * Checks the files, handing each rejected row to {@code rejects} as it is found: in
	 * the run's read order, the data files of the input folder by name (those checked and
	 * the others, which only hold references), then the checked files from elsewhere in
	 * the order given.
	 */
	public Result check(List<Path> files, Consumer<Reject> rejects) {
		return check(files, Set.of(), (record) -> null, rejects, (source) -> {
		});
	}

	/**
	 * Checks the files as {@link #check(List, Consumer)} does, as if the files
	 * {@code leftOut} of the input folder were not there (a submission that a corrected
	 * file replaces), with one more rule for the rows the run would accept ({@code rule}:
	 * its problem, or {@code null}), and hands the source of each accepted row to
	 * {@code accepted}.
	 */
	public Result check(List<Path> files, Set<Path> leftOut, Function<RawRecord, RawRecord.Problem> rule,
			Consumer<Reject> rejects, Consumer<String> accepted) {
		Set<Path> gone = new HashSet<>();
		leftOut.forEach((file) -> gone.add(absolute(file)));
		List<Path> present = DataFileItemReader.dataFiles(this.inputDir)
			.stream()
			.filter((file) -> !gone.contains(absolute(file)))
			.toList();
		Set<Path> inInput = new LinkedHashSet<>();
		present.forEach((file) -> inInput.add(absolute(file)));
		List<Path> order = new ArrayList<>(present);
		Set<String> checked = new HashSet<>();
		boolean unreadable = false;
		long read = 0;
		for (Path file : files) {
			String label = DataFileItemReader.label(this.inputDir, file);
			String problem = problem(file);
			if (problem != null) {
				rejects.accept(new Reject(label, 0, "", "", problem));
				unreadable |= !problem.startsWith(NOT_DATA);
				read++;
				continue;
			}
			if (checked.add(label) && !inInput.contains(absolute(file))) {
				order.add(file);
			}
		}
		RateTable rates = RateTable.load(new DataFileItemReader(this.inputDir, order, Set.of(DataTable.RATES)),
				this.programme);
		RowProcessor processor = new RowProcessor(this.programme, rates);
		Map<String, String> firstAt = new HashMap<>();
		long[] counts = new long[2];
		boolean[] wholeFile = { false };
		each(new DataFileItemReader(this.inputDir, order, EnumSet.allOf(DataTable.class)), (record) -> {
			boolean isChecked = isChecked(checked, record.source());
			if (record.isEmptySource() || (!isChecked && !REFERENCED.contains(record.table()))) {
				return;
			}
			IngestedRow row = processor.process(record);
			RawRecord.Problem problem = row.problem();
			if (problem == null && REFERENCED.contains(record.table())) {
				String first = firstAt.putIfAbsent(key(record), record.source() + "\t" + record.line());
				if (first != null) {
					String[] where = first.split("\t");
					String reference = record.value("reference");
					problem = new RawRecord.Problem("reference", reference,
							CrossRowChecks.duplicateReason(reference, where[0], Long.parseLong(where[1])));
				}
			}
			if (!isChecked) {
				return;
			}
			if (problem == null) {
				problem = rule.apply(record);
			}
			counts[0]++;
			if (problem == null) {
				counts[1]++;
				accepted.accept(record.source());
				return;
			}
			wholeFile[0] |= record.line() == 0 && problem.reason().startsWith(WORKBOOK_UNREADABLE);
			rejects.accept(
					new Reject(record.source(), record.line(), problem.column(), problem.value(), problem.reason()));
		});
		read += counts[0];
		return new Result(read, counts[1], read - counts[1], unreadable || wholeFile[0]);
	}

	/**
	 * Whether a record's source, a file or a workbook's sheet, is one of the checked
	 * files.
	 */
	private static boolean isChecked(Set<String> checked, String source) {
		int sheet = source.indexOf('!');
		return checked.contains(source) || (sheet > 0 && checked.contains(source.substring(0, sheet)));
	}

	private static Path absolute(Path file) {
		return file.toAbsolutePath().normalize();
	}

	private static String key(RawRecord record) {
		return record.table().name() + "\t" + record.value("reference");
	}

	/** Why a file given to check cannot be read at all, or {@code null}. */
	private static String problem(Path file) {
		if (!Files.exists(file)) {
			return "no such file";
		}
		if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
			return "not a readable file";
		}
		String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
		if (!name.endsWith(".csv") && !name.endsWith(".xlsx")) {
			return NOT_DATA + ": a data file is .csv or .xlsx";
		}
		return null;
	}

	private static void each(DataFileItemReader reader, Consumer<RawRecord> action) {
		reader.open(new ExecutionContext());
		try {
			RawRecord record;
			while ((record = reader.read()) != null) {
				action.accept(record);
			}
		}
		catch (ItemStreamException ex) {
			throw new IllegalStateException(ex.getMessage(), ex);
		}
		finally {
			reader.close();
		}
	}

}
