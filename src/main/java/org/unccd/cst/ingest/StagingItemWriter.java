package org.unccd.cst.ingest;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes a chunk of validated rows into the staging tables: accepted rows into their
 * table, rejected ones into {@code reject}, in the chunk's transaction.
 */
public class StagingItemWriter implements ItemWriter<IngestedRow> {

	/** A value is kept in full up to this length in the reject table. */
	static final int MAX_REJECTED_VALUE = 1000;

	private final JdbcTemplate jdbc;

	private final Set<Integer> knownSources = new HashSet<>();

	public StagingItemWriter(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void write(Chunk<? extends IngestedRow> chunk) {
		Map<DataTable, List<Object[]>> accepted = new EnumMap<>(DataTable.class);
		List<Object[]> rejected = new ArrayList<>();
		List<Object[]> sources = new ArrayList<>();
		for (IngestedRow row : chunk) {
			RawRecord raw = row.raw();
			if (this.knownSources.add(raw.sourceId())) {
				sources.add(new Object[] { raw.sourceId(), raw.source(),
						(raw.table() != null) ? raw.table().prefix() : null });
			}
			if (row.accepted()) {
				Object[] values = new Object[row.values().length + 3];
				values[0] = raw.seq();
				values[1] = raw.sourceId();
				values[2] = raw.line();
				System.arraycopy(row.values(), 0, values, 3, row.values().length);
				accepted.computeIfAbsent(raw.table(), (table) -> new ArrayList<>()).add(values);
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
		accepted.forEach((table, rows) -> this.jdbc.batchUpdate(StagingSchema.insert(table), rows,
				StagingSchema.insertTypes(table)));
		if (!rejected.isEmpty()) {
			this.jdbc.batchUpdate(StagingSchema.INSERT_REJECT, rejected, StagingSchema.REJECT_TYPES);
		}
	}

	static String shorten(String value) {
		if (value == null) {
			return "";
		}
		String storable = StagingSchema.storable(value);
		return (storable.length() > MAX_REJECTED_VALUE) ? storable.substring(0, MAX_REJECTED_VALUE) + "…" : storable;
	}

}
