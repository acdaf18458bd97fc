package org.unccd.cst.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.Locale;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * Reads every record of every data file in {@code progress/}, in file name order, then
 * row order, or those of one data file (a partition of the ingest step, {@link #ofFile}).
 * Its state is the number of records handed out, so a restarted step goes on from the
 * last committed chunk.
 * <p>
 * A record's {@code seq} gives its place in read order over all files. Reading all files,
 * the records are numbered 1, 2, 3...; reading one file, the k-th record of the file of
 * index i is {@code i * 2^32 + k}, and the sources it names are numbered from
 * {@code i * 2^16}: the order is the same, so that files read at the same time, each by
 * its own reader, are staged, listed and checked as if read one after the other.
 */
public class DataFileItemReader implements ItemStreamReader<RawRecord> {

	private static final Logger log = LoggerFactory.getLogger(DataFileItemReader.class);

	static final String READ_COUNT = "records.read";

	private final Path inputDir;

	private final Set<DataTable> tables;

	private final List<Path> given;

	private final long seqBase;

	private List<Path> files;

	private int fileIndex;

	private int nextSourceId;

	private long count;

	private RecordSource current;

	private long totalBytes;

	private long bytesDone;

	public DataFileItemReader(Path inputDir) {
		this(inputDir, EnumSet.allOf(DataTable.class));
	}

	/**
	 * A reader of the files and sheets of some tables only; the others are passed over
	 * unread.
	 */
	public DataFileItemReader(Path inputDir, Set<DataTable> tables) {
		this(inputDir, null, tables);
	}

	/**
	 * A reader of the given files, in the given order, instead of those of the input
	 * folder ({@code --check}); a file inside the input folder is named relative to it,
	 * as in a run, any other as given.
	 * @param files the files to read, or {@code null} for the input folder's data files
	 */
	public DataFileItemReader(Path inputDir, List<Path> files, Set<DataTable> tables) {
		this(inputDir, files, tables, 0, 0);
	}

	private DataFileItemReader(Path inputDir, List<Path> files, Set<DataTable> tables, long seqBase,
			int firstSourceId) {
		this.inputDir = inputDir;
		this.given = (files != null) ? List.copyOf(files) : null;
		this.tables = tables;
		this.seqBase = seqBase;
		this.nextSourceId = firstSourceId;
	}

	/**
	 * A reader of one data file of the input folder: the file of that index in
	 * {@link #entries} order, its records numbered after those of the files before it.
	 */
	public static DataFileItemReader ofFile(Path inputDir, Path file, int index) {
		if (index < 0 || index >= MAX_FILES) {
			throw new IllegalArgumentException("more than " + MAX_FILES + " data files in " + inputDir);
		}
		return new DataFileItemReader(inputDir, List.of(file), EnumSet.allOf(DataTable.class), (long) index << 32,
				index << 16);
	}

	/**
	 * The most data files a partitioned ingest reads: their sources are numbered apart.
	 */
	public static final int MAX_FILES = 1 << 14;

	/** The size in bytes of all the data files of an input folder. */
	public static long dataBytes(Path inputDir) {
		long bytes = 0;
		for (Path file : dataFiles(inputDir)) {
			bytes += size(file);
		}
		return bytes;
	}

	/** The data files of an input folder in read order: CSV and XLSX, by name. */
	public static List<Path> dataFiles(Path inputDir) {
		return entries(inputDir).stream().filter(Files::isRegularFile).toList();
	}

	/**
	 * What {@code progress/} holds under the name of a data file, by name: the data
	 * files, and whatever is not a regular file (a folder, a pipe, a device), which is
	 * reported, never read.
	 */
	public static List<Path> entries(Path inputDir) {
		Path folder = inputDir.resolve("progress");
		if (!Files.isDirectory(folder)) {
			return List.of();
		}
		try (Stream<Path> listing = Files.list(folder)) {
			return listing.filter(DataFileItemReader::isDataFile).sorted().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static boolean isDataFile(Path path) {
		String name = path.getFileName().toString();
		String lower = name.toLowerCase(Locale.ROOT);
		boolean hidden = name.startsWith(".") || name.startsWith("~$");
		return !hidden && (lower.endsWith(".csv") || lower.endsWith(".xlsx"));
	}

	@Override
	public void open(ExecutionContext context) {
		// what is not a regular file under a data file's name is reported, never read
		this.files = (this.given != null) ? this.given : entries(this.inputDir);
		this.totalBytes = 0;
		for (Path file : this.files) {
			this.totalBytes += size(file);
		}
		if (this.given == null && this.tables.size() == DataTable.values().length) {
			logLeftAside(this.inputDir, this.files);
		}
		long resumeAt = context.getLong(READ_COUNT, 0L);
		if (resumeAt > 0) {
			if (this.given != null && this.files.size() == 1) {
				log.info("Resuming ingestion of {} after record {}", label(this.inputDir, this.files.get(0)), resumeAt);
			}
			else {
				log.info("Resuming ingestion after record {}", resumeAt);
			}
			while (this.count < resumeAt && read() != null) {
				// skip what the committed chunks already hold
			}
		}
	}

	/**
	 * Logs what {@code progress/} holds besides the data files, which no step reads.
	 * @param files the data files, as {@link #entries} gives them
	 */
	public static void logLeftAside(Path inputDir, List<Path> files) {
		try (Stream<Path> listing = Files.list(inputDir.resolve("progress"))) {
			listing.filter((path) -> !files.contains(path))
				.map((path) -> path.getFileName().toString())
				.sorted()
				.forEach((name) -> log.info("Not a data file, left aside: progress/{}", name));
		}
		catch (IOException ex) {
			// no progress folder: nothing was left aside
		}
	}

	@Override
	public RawRecord read() {
		try {
			while (true) {
				if (this.current == null) {
					if (this.fileIndex >= this.files.size()) {
						return null;
					}
					this.current = openSource(this.files.get(this.fileIndex++));
				}
				RawRecord record = this.current.next(this.seqBase + this.count + 1);
				if (record != null) {
					this.count++;
					return record;
				}
				this.current.close();
				this.current = null;
				this.bytesDone += size(this.files.get(this.fileIndex - 1));
			}
		}
		catch (IOException ex) {
			throw new ItemStreamException("Cannot read " + this.files.get(this.fileIndex - 1), ex);
		}
	}

	/** How many records have been handed out, those a resumed run skipped included. */
	public long recordsRead() {
		return this.count;
	}

	/**
	 * How many bytes of the data files have been read: the files done, and as far as the
	 * current one can tell (a CSV file as it goes, a workbook once it is done).
	 */
	public long bytesRead() {
		RecordSource source = this.current;
		return this.bytesDone + ((source != null) ? source.bytesRead() : 0);
	}

	/** The size of all the data files, known when the reader is opened. */
	public long totalBytes() {
		return this.totalBytes;
	}

	private static long size(Path file) {
		if (!Files.isRegularFile(file)) {
			return 0;
		}
		try {
			return Files.size(file);
		}
		catch (IOException ex) {
			return 0;
		}
	}

	private RecordSource openSource(Path file) throws IOException {
		String label = label(this.inputDir, file);
		String name = file.getFileName().toString();
		String kind = FileKind.notRegular(file);
		if (kind != null) {
			if (this.tables.size() == DataTable.values().length) {
				log.warn("{} is not a regular file ({}): not read, listed in rejects.csv", label, kind);
			}
			return new SingleProblemSource(new RawRecord(0, this.nextSourceId++, label, null, 0, null,
					new RawRecord.Problem("", "", FileKind.reason(kind,
							"save the data as a regular CSV or XLSX file in progress/, or move it out of progress/"))));
		}
		if (name.toLowerCase(Locale.ROOT).endsWith(".xlsx")) {
			return new XlsxRecordSource(file, label, () -> this.nextSourceId++, this.tables);
		}
		int sourceId = this.nextSourceId++;
		DataTable table = DataTable.forName(name).orElse(null);
		if (table != null && !this.tables.contains(table)) {
			return (seq) -> null;
		}
		if (table == null) {
			return new SingleProblemSource(new RawRecord(0, sourceId, label, null, 0, null,
					new RawRecord.Problem("", "", "the file name does not start with a table name (progress, "
							+ "expenditures, funding, findings, recommendations, rates)")));
		}
		return new CsvRecordSource(file, table, sourceId, label);
	}

	/**
	 * How a file is named in rejects: relative to the input folder when it is inside it,
	 * else as given.
	 */
	public static String label(Path inputDir, Path file) {
		Path base = inputDir.toAbsolutePath().normalize();
		Path absolute = file.toAbsolutePath().normalize();
		Path named = absolute.startsWith(base) ? base.relativize(absolute) : file;
		return named.toString().replace('\\', '/');
	}

	@Override
	public void update(ExecutionContext context) {
		context.putLong(READ_COUNT, this.count);
	}

	@Override
	public void close() {
		if (this.current != null) {
			try {
				this.current.close();
			}
			catch (IOException ex) {
				log.warn("Cannot close an input file", ex);
			}
			this.current = null;
		}
	}

	/** A file reported as a whole: one rejected record. */
	private static final class SingleProblemSource implements RecordSource {

		private RawRecord record;

		SingleProblemSource(RawRecord record) {
			this.record = record;
		}

		@Override
		public RawRecord next(long seq) {
			RawRecord next = this.record;
			this.record = null;
			return (next != null) ? new RawRecord(seq, next.sourceId(), next.source(), null, 0, null, next.problem())
					: null;
		}

		@Override
		public void close() {
		}

	}

}
