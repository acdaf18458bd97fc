package org.unccd.cst.ingest;

import java.nio.file.Path;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamWriter;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes a chunk of validated rows into the staging tables: accepted rows into their
 * table, rejected ones into {@code reject}, in the chunk's transaction. With them go the
 * chunk's totals ({@link StagingTotals}), the latest progress rows so far
 * ({@link LatestProgress}) and the rows whose reference may be a duplicate
 * ({@link ReferenceFilter}), so that the later steps need not read every row again.
 * <p>
 * Progress rows are staged only when they become the latest of their outcome (of a kind
 * of {@link LatestProgress}): no output lists the others, which the totals count. The
 * accepted expenditures go to the ledger's files ({@link LedgerFiles}), in the same
 * transaction. The rows of every other table are staged, as the lists and the duplicate
 * checks read them.
 * <p>
 * One writer serves one execution of the ingest step, or of one of its partitions (a data
 * file, {@link DataFileItemReader#ofFile}): when it opens, it reads what the committed
 * chunks of an earlier execution hold. The writers of the partitions share the step's
 * reference filter ({@link IngestReferences}) and each keeps the latest progress rows of
 * its own file ({@link LatestProgress}).
 */
public class StagingItemWriter implements ItemStreamWriter<IngestedRow> {

	/** A value is kept in full up to this length in the reject table. */
	static final int MAX_REJECTED_VALUE = 1000;

	private static final String INSERT_CANDIDATE = "INSERT INTO " + StagingSchema.DUPLICATE_CANDIDATE
			+ " (seq, tbl, reference) VALUES (?, ?, ?)";

	private final JdbcTemplate jdbc;

	private final LedgerFiles ledger;

	private final int part;

	private final Path inputDir;

	private final LocalDate asOf;

	private final Set<Integer> knownSources = new HashSet<>();

	private final IngestReferences shared;

	private final LatestProgress latest;

	private ReferenceFilter references;

	/**
	 * A writer for one ingest step that reads every file.
	 * @param ledger where the accepted expenditures go
	 * @param inputDir the input folder, whose size sets that of the reference filter
	 * @param asOf the as-of date the totals and the latest rows are made for
	 */
	public StagingItemWriter(JdbcTemplate jdbc, LedgerFiles ledger, Path inputDir, LocalDate asOf) {
		this.jdbc = jdbc;
		this.ledger = ledger;
		this.part = 0;
		this.inputDir = inputDir;
		this.asOf = asOf;
		this.shared = null;
		this.latest = new LatestProgress(asOf, 0);
	}

	/**
	 * A writer for one partition of the ingest step: one data file.
	 * @param ledger where the accepted expenditures go, in a file of the partition's
	 * @param references the step's reference filter
	 * @param part the index of the partition's file
	 */
	public StagingItemWriter(JdbcTemplate jdbc, LedgerFiles ledger, LocalDate asOf, IngestReferences references,
			int part) {
		this.jdbc = jdbc;
		this.ledger = ledger;
		this.part = part;
		this.inputDir = null;
		this.asOf = asOf;
		this.shared = references;
		this.latest = new LatestProgress(asOf, part);
	}

	@Override
	public void open(ExecutionContext executionContext) {
		// after a restart: the references and latest rows of the committed chunks
		this.references = (this.shared != null) ? this.shared.filter()
				: IngestReferences.load(this.jdbc, this.ledger, this.inputDir);
		this.latest.load(this.jdbc);
	}

	@Override
	public void close() {
		// the filter is large: it goes with the step
		this.references = null;
		this.ledger.force(this.part);
	}

	@Override
	public void write(Chunk<? extends IngestedRow> chunk) {
		Map<DataTable, List<Object[]>> accepted = new EnumMap<>(DataTable.class);
		List<Object[]> rejected = new ArrayList<>();
		List<Object[]> sources = new ArrayList<>();
		List<Object[]> candidates = new ArrayList<>();
		Map<Long, IngestedRow> progress = new HashMap<>();
		StagingTotals totals = new StagingTotals(this.asOf);
		for (IngestedRow row : chunk) {
			RawRecord raw = row.raw();
			totals.cover(raw.seq());
			if (this.knownSources.add(raw.sourceId())) {
				sources.add(new Object[] { raw.sourceId(), raw.source(),
						(raw.table() != null) ? raw.table().prefix() : null });
			}
			if (row.accepted()) {
				DataTable table = raw.table();
				totals.add(table, raw.sourceId(), row.values());
				if (table == DataTable.PROGRESS) {
					// staged only if still the latest when the chunk is written
					if (this.latest.add(raw.seq(), row.values())) {
						progress.put(raw.seq(), row);
					}
				}
				else {
					accepted.computeIfAbsent(table, (t) -> new ArrayList<>()).add(staged(row));
				}
				if (table == DataTable.EXPENDITURES || table == DataTable.FUNDING) {
					String reference = (String) row.values()[table.column("reference")];
					if (this.references.add(table, reference)) {
						candidates.add(new Object[] { raw.seq(), table.stagingTable(), reference });
					}
				}
			}
			else if (row.problem() != null) {
				RawRecord.Problem problem = row.problem();
				rejected.add(new Object[] { raw.seq(), raw.sourceId(), raw.line(), problem.column(),
						shorten(problem.value()), shorten(problem.reason()) });
			}
		}
		if (!sources.isEmpty()) {
			StagingSchema.saveSources(this.jdbc, sources);
		}
		accepted.forEach((table, rows) -> {
			if (table == DataTable.EXPENDITURES) {
				this.ledger.append(this.part, rows);
			}
			else {
				insert(StagingSchema.insert(table), rows, StagingSchema.insertTypes(table));
			}
		});
		if (!rejected.isEmpty()) {
			insert(StagingSchema.INSERT_REJECT, rejected, StagingSchema.REJECT_TYPES);
		}
		if (!candidates.isEmpty()) {
			insert(INSERT_CANDIDATE, candidates, new int[] { Types.BIGINT, Types.VARCHAR, Types.VARCHAR });
		}
		totals.write(this.jdbc);
		List<Object[]> latestRows = new ArrayList<>();
		for (Long seq : new TreeSet<>(this.latest.write(this.jdbc))) {
			latestRows.add(staged(progress.get(seq)));
		}
		if (!latestRows.isEmpty()) {
			insert(StagingSchema.insert(DataTable.PROGRESS), latestRows, StagingSchema.insertTypes(DataTable.PROGRESS));
		}
	}

	/** An accepted row's values as inserted: seq, source_id, line, then its values. */
	private static Object[] staged(IngestedRow row) {
		RawRecord raw = row.raw();
		Object[] values = new Object[row.values().length + 3];
		values[0] = raw.seq();
		values[1] = raw.sourceId();
		values[2] = raw.line();
		System.arraycopy(row.values(), 0, values, 3, row.values().length);
		return values;
	}

	private void insert(String sql, List<Object[]> rows, int[] types) {
		StagingSchema.insertRows(this.jdbc, sql, rows, types);
	}

	static String shorten(String value) {
		if (value == null) {
			return "";
		}
		String storable = StagingSchema.storable(value);
		return (storable.length() > MAX_REJECTED_VALUE) ? storable.substring(0, MAX_REJECTED_VALUE) + "…" : storable;
	}

}
