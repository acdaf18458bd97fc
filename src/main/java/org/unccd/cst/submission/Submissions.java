package org.unccd.cst.submission;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Consumer;

import org.unccd.cst.ingest.CsvRecordWriter;
import org.unccd.cst.ingest.DataFileItemReader;
import org.unccd.cst.ingest.DataTable;
import org.unccd.cst.ingest.IngestedRow;
import org.unccd.cst.ingest.RawRecord;
import org.unccd.cst.ingest.RowProcessor;
import org.unccd.cst.ingest.SubmissionCheck;
import org.unccd.cst.model.Programme;
import org.unccd.cst.programme.ProgrammeException;
import org.unccd.cst.programme.ProgrammeLoader;
import org.unccd.cst.publish.OutputLock;
import org.unccd.cst.run.OutputFolder;

import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * What the officers who submit data use without running the job: {@code --template}, the
 * data-entry workbooks of the programme, and {@code --check}, the rows of data files the
 * run would reject.
 */
public final class Submissions {

	/** The header of the rejected rows {@code --check} prints, as in rejects.csv. */
	public static final String REJECTS_HEADER = "file,line,column,value,reason";

	private Submissions() {
	}

	/** The programme cannot be read: nothing was written or checked. */
	public static final class ProgrammeUnreadable extends Exception {

		ProgrammeUnreadable(String message, Throwable cause) {
			super(message, cause);
		}

	}

	/**
	 * What {@code --check} found.
	 *
	 * @param read the rows read
	 * @param accepted the rows accepted
	 * @param rejected the rows rejected
	 * @param unreadable whether a file could not be read as a table at all
	 */
	public record CheckResult(long read, long accepted, long rejected, boolean unreadable) {

		/** The last line {@code --check} prints. */
		public String line() {
			return this.read + " rows read, " + this.accepted + " accepted, " + this.rejected + " rejected";
		}

	}

	/**
	 * Writes the templates of the languages into {@code OUTPUT/<session>/}, each at once
	 * (a temporary file moved into place); the files written, or empty when another run
	 * holds the output folder.
	 */
	public static Optional<List<Path>> writeTemplates(Path input, Path output, List<String> languages)
			throws ProgrammeUnreadable, IOException {
		Programme programme = programme(input);
		Files.createDirectories(output);
		Optional<OutputLock> lock = OutputLock.tryAcquire(output);
		if (lock.isEmpty()) {
			return Optional.empty();
		}
		try (OutputLock held = lock.get()) {
			TemplateWriter writer = new TemplateWriter(programme,
					LatestStatuses.read(input, programme, LocalDate.now()), currencies(input, programme));
			Path folder = OutputFolder.published(output, programme.session());
			Files.createDirectories(folder);
			Path work = OutputFolder.workDir(output);
			Files.createDirectories(work);
			List<Path> written = new ArrayList<>();
			for (String lang : languages) {
				Path target = folder.resolve(OutputFolder.template(programme.session(), lang));
				// a name of this process alone, made with the folder's usual permissions
				Path temporary = work.resolve("template-" + ProcessHandle.current().pid() + "-" + lang + ".xlsx");
				try {
					writer.write(lang, temporary);
					Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
				}
				finally {
					Files.deleteIfExists(temporary);
				}
				written.add(target);
			}
			return Optional.of(written);
		}
	}

	/** Who holds the output folder, for the message of a busy folder. */
	public static String holder(Path output) {
		return OutputLock.holder(output);
	}

	/**
	 * Checks data files against the programme of {@code input} and the data already in
	 * its progress folder, handing each rejected row to {@code rejects} as a line of
	 * rejects.csv.
	 */
	public static CheckResult check(Path input, List<Path> files, Consumer<String> rejects) throws ProgrammeUnreadable {
		Programme programme = programme(input);
		SubmissionCheck.Result result = new SubmissionCheck(input, programme).check(files,
				(reject) -> rejects.accept(CsvRecordWriter
					.record(reject.file(), reject.line(), reject.column(), reject.value(), reject.reason())
					.stripTrailing()));
		return new CheckResult(result.read(), result.accepted(), result.rejected(), result.unreadable());
	}

	/**
	 * A rejected row of an uploaded file.
	 *
	 * @param file the file as the check names it (its path, {@code !sheet} for a sheet)
	 * @param line the line (0: the file or sheet as a whole)
	 * @param column the column
	 * @param value the offending value
	 * @param reason the reason
	 */
	public record Rejected(String file, long line, String column, String value, String reason) {
	}

	/**
	 * Checks uploaded files as {@link #check} does, as if the data files {@code leftOut}
	 * of the input folder were gone (a submission the upload replaces), and, with a scope
	 * (work item codes and report ids; {@code null}: none), rejects the rows outside it
	 * ({@link SubmissionScope}). Each rejected row goes to {@code rejects}, the source
	 * ({@code file} or {@code file!sheet}) of each accepted row to {@code accepted}.
	 */
	public static CheckResult checkUpload(Path input, List<Path> files, java.util.Set<Path> leftOut, List<String> scope,
			Consumer<Rejected> rejects, Consumer<String> accepted) throws ProgrammeUnreadable {
		Programme programme = programme(input);
		java.util.function.Function<RawRecord, RawRecord.Problem> rule = (scope != null)
				? new SubmissionScope(programme, scope).rule() : (record) -> null;
		SubmissionCheck.Result result = new SubmissionCheck(input, programme).check(files, leftOut, rule,
				(reject) -> rejects.accept(
						new Rejected(reject.file(), reject.line(), reject.column(), reject.value(), reject.reason())),
				accepted);
		return new CheckResult(result.read(), result.accepted(), result.rejected(), result.unreadable());
	}

	/**
	 * The table a CSV file holds, by the start of its name as a run reads it
	 * ({@code progress}, {@code expenditures}, …); empty when it names none.
	 */
	public static Optional<String> tableOf(String fileName) {
		return DataTable.forName(fileName).map(DataTable::prefix);
	}

	static Programme programme(Path input) throws ProgrammeUnreadable {
		try {
			return ProgrammeLoader.load(input);
		}
		catch (ProgrammeException ex) {
			throw new ProgrammeUnreadable(ex.getMessage(), ex);
		}
	}

	/**
	 * The currencies an amount may be given in: the programme's, then those the input's
	 * rates convert, in alphabetical order.
	 */
	static List<String> currencies(Path input, Programme programme) {
		TreeSet<String> rated = new TreeSet<>();
		DataTable rates = DataTable.RATES;
		RowProcessor processor = new RowProcessor(input, programme);
		DataFileItemReader reader = new DataFileItemReader(input, java.util.Set.of(rates));
		reader.open(new ExecutionContext());
		try {
			RawRecord record;
			while ((record = reader.read()) != null) {
				IngestedRow row = processor.process(record);
				if (row.accepted() && record.table() == rates) {
					rated.add((String) row.values()[rates.column("currency")]);
				}
			}
		}
		finally {
			reader.close();
		}
		rated.remove(programme.currency());
		List<String> currencies = new ArrayList<>();
		currencies.add(programme.currency());
		currencies.addAll(rated);
		return currencies;
	}

}
