package org.unccd.cst.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.unccd.cst.run.OutputFolder;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The ledger: the accepted expenditure rows, kept in files beside the job database rather
 * than in a table of it. The ledger is the one list that holds every row of a large input
 * (a million rows in the 2,000,000-row benchmark), and inserting it into H2 and reading
 * it back took longer than writing the workbook's sheets it fills (docs/benchmarks.md).
 * <p>
 * Each partition of the ingest step (a data file) appends its rows, in seq order, to a
 * file of its own, in its chunk's transaction: the file's length and row count are
 * recorded in the table {@code ledger_file} in that transaction, and a chunk is written
 * at the length last committed, over whatever a failed chunk or a killed process left
 * after it. A resumed step therefore goes on from the same rows as an uninterrupted one.
 * <p>
 * The check of duplicate references needs the rows of a few references in SQL:
 * {@link #stageCandidates} copies them into the staging table {@code expenditure}, where
 * {@link CrossRowChecks} settles them as it does funding's. The ledger read back
 * ({@link #read}) leaves out the rows it rejected.
 */
public final class LedgerFiles {

	/** The committed length and rows of each partition's file. */
	public static final String TABLE = "ledger_file";

	private static final DataTable TABLE_OF_ROWS = DataTable.EXPENDITURES;

	/** The rows rejected as duplicates, as {@link CrossRowChecks} marks them. */
	private static final String DUPLICATES = "SELECT seq FROM " + StagingSchema.DUPLICATE_CANDIDATE
			+ " WHERE tbl = 'expenditure' AND first_seq < seq";

	private final JdbcTemplate jdbc;

	private final Path dir;

	private final int[] types = StagingSchema.insertTypes(TABLE_OF_ROWS);

	private final int[] scales = StagingSchema.insertScales(TABLE_OF_ROWS);

	/**
	 * The ledger of a job database whose files are in {@code dir}.
	 * @param dir the folder of the files, {@link #dir(Path)} for a run's
	 */
	public LedgerFiles(JdbcTemplate jdbc, Path dir) {
		this.jdbc = jdbc;
		this.dir = dir;
	}

	/** The folder of the ledger's files of the runs on an output folder. */
	public static Path dir(Path output) {
		return OutputFolder.workDir(output).resolve("ledger");
	}

	/** The statements that drop and create {@link #TABLE}, empty. */
	static List<String> statements() {
		return List.of("DROP TABLE IF EXISTS " + TABLE,
				"CREATE TABLE " + TABLE + " (part INT PRIMARY KEY, bytes BIGINT NOT NULL, row_count BIGINT NOT NULL)");
	}

	private Path file(int part) {
		return this.dir.resolve("part-" + part + ".rows");
	}

	/**
	 * Appends rows of a partition to its file, in the transaction of the caller, which
	 * records the file's new length.
	 * @param rows each as staged: seq, source_id, line, then the values of
	 * {@link StagingSchema#insert}, in seq order, after the rows already in the file
	 */
	void append(int part, List<Object[]> rows) {
		long[] committed = committed(part);
		LedgerCodec.Encoder bytes = new LedgerCodec.Encoder(this.types, this.scales);
		for (Object[] values : rows) {
			bytes.row(values);
		}
		try {
			Files.createDirectories(this.dir);
			try (FileChannel channel = FileChannel.open(file(part), StandardOpenOption.CREATE,
					StandardOpenOption.WRITE)) {
				if (channel.size() > committed[0]) {
					// what a chunk that was not committed left
					channel.truncate(committed[0]);
				}
				ByteBuffer buffer = ByteBuffer.wrap(bytes.bytes(), 0, bytes.size());
				long position = committed[0];
				while (buffer.hasRemaining()) {
					position += channel.write(buffer, position);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not write the ledger's staged rows " + file(part).getFileName(), ex);
		}
		long length = committed[0] + bytes.size();
		long count = committed[1] + rows.size();
		if (this.jdbc.update("UPDATE " + TABLE + " SET bytes = ?, row_count = ? WHERE part = ?", length, count,
				part) == 0) {
			this.jdbc.update("INSERT INTO " + TABLE + " (part, bytes, row_count) VALUES (?, ?, ?)", part, length,
					count);
		}
	}

	/**
	 * Forces a partition's file to disk, as its step ends: what the step recorded as
	 * committed is then on disk whatever happens to the machine.
	 */
	void force(int part) {
		Path file = file(part);
		if (!Files.exists(file)) {
			return;
		}
		try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
			channel.force(true);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not force the ledger's rows to disk", ex);
		}
	}

	/**
	 * What is wrong with the files for a resumed run: the first that is missing or
	 * shorter than its committed rows, {@code null} when all hold them (or no rows were
	 * committed, or the staging tables were never made).
	 */
	public String damage() {
		List<long[]> parts;
		try {
			parts = this.jdbc.query("SELECT part, bytes FROM " + TABLE + " ORDER BY part",
					(rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) });
		}
		catch (DataAccessException ex) {
			return null;
		}
		for (long[] part : parts) {
			Path file = file((int) part[0]);
			try {
				if (!Files.isRegularFile(file)) {
					return "the ledger's staged rows " + file.getFileName() + " are missing";
				}
				if (Files.size(file) < part[1]) {
					return "the ledger's staged rows " + file.getFileName() + " are shorter than committed";
				}
			}
			catch (IOException ex) {
				return "the ledger's staged rows " + file.getFileName() + " cannot be read";
			}
		}
		return null;
	}

	/** The committed length and row count of a partition's file, zeros if none. */
	private long[] committed(int part) {
		List<long[]> found = this.jdbc.query("SELECT bytes, row_count FROM " + TABLE + " WHERE part = ?",
				(rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) }, part);
		return found.isEmpty() ? new long[2] : found.get(0);
	}

	/** The rows of the ledger, those rejected as duplicates left out. */
	public long count() {
		Long rows = this.jdbc.queryForObject("SELECT COALESCE(SUM(row_count), 0) FROM " + TABLE, Long.class);
		Long duplicates = this.jdbc.queryForObject("SELECT COUNT(*) FROM (" + DUPLICATES + ") d", Long.class);
		return rows - duplicates;
	}

	/** Handles one row of the ledger. */
	@FunctionalInterface
	public interface RowHandler {

		/**
		 * @param row seq, source_id, line, then the values of
		 * {@link StagingSchema#insert}: a column's value is at {@link #column}
		 */
		void row(Object[] row) throws IOException;

	}

	/**
	 * Hands over, in seq order, the rows of the ledger after a seq, up to a number of
	 * them, leaving out those rejected as duplicates.
	 * @return the seq of the last row handed over, {@code afterSeq} if none
	 */
	public long read(long afterSeq, long limit, RowHandler handler) {
		List<long[]> parts = this.jdbc.query("SELECT part, bytes, row_count FROM " + TABLE + " ORDER BY part",
				(rs, n) -> new long[] { rs.getLong(1), rs.getLong(2), rs.getLong(3) });
		Long last = this.jdbc.execute((ConnectionCallback<Long>) (connection) -> {
			try (PreparedStatement duplicates = connection.prepareStatement(DUPLICATES + " AND seq > ? ORDER BY seq")) {
				duplicates.setFetchSize(1000);
				duplicates.setLong(1, afterSeq);
				try (ResultSet skip = duplicates.executeQuery()) {
					long nextSkip = skip.next() ? skip.getLong(1) : Long.MAX_VALUE;
					long lastSeq = afterSeq;
					long handed = 0;
					for (long[] part : parts) {
						if (handed >= limit) {
							break;
						}
						try (LedgerCodec.Decoder in = open((int) part[0], part[1])) {
							for (long i = 0; i < part[2] && handed < limit; i++) {
								long seq = in.next();
								if (seq <= afterSeq) {
									in.skip();
									continue;
								}
								while (nextSkip < seq) {
									nextSkip = skip.next() ? skip.getLong(1) : Long.MAX_VALUE;
								}
								if (seq == nextSkip) {
									in.skip();
									continue;
								}
								handler.row(in.row(seq));
								lastSeq = seq;
								handed++;
							}
						}
					}
					return lastSeq;
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Could not read the ledger's staged rows", ex);
			}
		});
		return (last != null) ? last : afterSeq;
	}

	/**
	 * Every reference of the ledger's committed rows: after a restart, those of the
	 * chunks committed before.
	 */
	void forEachReference(Consumer<String> action) {
		read(Long.MIN_VALUE, Long.MAX_VALUE, (row) -> action.accept((String) row[REFERENCE]));
	}

	/**
	 * Copies into the staging table {@code expenditure} the ledger's rows whose reference
	 * may be one of those of the duplicate candidates: all the rows of those references,
	 * and a few others, which the checks' joins on the reference leave alone.
	 * @return the rows copied
	 */
	int stageCandidates() {
		String table = TABLE_OF_ROWS.stagingTable();
		this.jdbc.update("DELETE FROM " + table);
		Long candidates = this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM " + StagingSchema.DUPLICATE_CANDIDATE + " WHERE tbl = ?", Long.class, table);
		ReferenceFilter wanted = ReferenceFilter.forInput(Math.max(1, candidates) * 64);
		this.jdbc.query("SELECT reference FROM " + StagingSchema.DUPLICATE_CANDIDATE + " WHERE tbl = ?", (rs) -> {
			wanted.add(TABLE_OF_ROWS, rs.getString(1));
		}, table);
		String insert = StagingSchema.insert(TABLE_OF_ROWS);
		List<Object[]> batch = new ArrayList<>();
		int[] staged = { 0 };
		// every row, the duplicates not yet marked
		read(Long.MIN_VALUE, Long.MAX_VALUE, (row) -> {
			if (wanted.contains(TABLE_OF_ROWS, (String) row[REFERENCE])) {
				batch.add(row);
				if (batch.size() == 1000) {
					StagingSchema.insertRows(this.jdbc, insert, batch, this.types);
					staged[0] += batch.size();
					batch.clear();
				}
			}
		});
		StagingSchema.insertRows(this.jdbc, insert, batch, this.types);
		return staged[0] + batch.size();
	}

	private LedgerCodec.Decoder open(int part, long bytes) throws IOException {
		Path file = file(part);
		long size = Files.exists(file) ? Files.size(file) : -1;
		if (size < bytes) {
			// a resumed run checks this first (damage) and starts afresh
			throw new IllegalStateException("the ledger's staged rows " + file.getFileName() + " hold "
					+ Math.max(0, size) + " bytes where " + bytes
					+ " were committed; run again: a run whose staged files are missing or damaged starts afresh");
		}
		return new LedgerCodec.Decoder(FileChannel.open(file, StandardOpenOption.READ), this.types);
	}

	/** Where a column's value is in a row handed over by {@link #read}. */
	public static int column(String name) {
		Integer index = COLUMNS.get(name);
		if (index == null) {
			throw new IllegalArgumentException("no column " + name + " in the ledger");
		}
		return index;
	}

	private static final Map<String, Integer> COLUMNS = columnIndex();

	private static final int REFERENCE = column("reference");

	private static Map<String, Integer> columnIndex() {
		Map<String, Integer> index = new HashMap<>();
		index.put("seq", 0);
		index.put("source_id", 1);
		index.put("line", 2);
		List<String> columns = TABLE_OF_ROWS.columns();
		for (int i = 0; i < columns.size(); i++) {
			index.put(columns.get(i), 3 + i);
		}
		index.put("conversion_rate", 3 + columns.size());
		index.put("amount_pc", 4 + columns.size());
		return Map.copyOf(index);
	}

}
