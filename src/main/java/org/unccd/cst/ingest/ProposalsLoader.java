package org.unccd.cst.ingest;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Loads {@code proposals.csv}, the annex of thematic proposals, into the {@code proposal}
 * table; a row that cannot be used is rejected like a data row, with its line.
 */
public class ProposalsLoader {

	public static final String FILE = "proposals.csv";

	private static final List<String> COLUMNS = List.of("no", "submitter", "submitter_type", "topic", "cluster");

	private static final Map<String, String> CLUSTER_SPELLINGS = Map.of("a.一", "a.i", "a.二", "a.ii", "a.三", "a.iii");

	/** Proposal rejects take read positions below every data row's. */
	private static final long FIRST_SEQ = Long.MIN_VALUE / 2;

	private final JdbcTemplate jdbc;

	public ProposalsLoader(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	public void load(Path inputDir) throws IOException {
		this.jdbc.execute("DROP TABLE IF EXISTS proposal");
		this.jdbc
			.execute("CREATE TABLE proposal (line BIGINT PRIMARY KEY, no VARCHAR(10000), submitter VARCHAR(10000), "
					+ "submitter_type VARCHAR(20), topic VARCHAR(10000), topic_zh VARCHAR(10000), cluster VARCHAR(10))");
		Path file = inputDir.resolve(FILE);
		if (!FileKind.present(file)) {
			return;
		}
		StagingSchema.saveSources(this.jdbc, List.<Object[]>of(new Object[] { Proposals.SOURCE, FILE, "proposals" }));
		String kind = FileKind.notRegular(file);
		if (kind != null) {
			// never opened: a pipe nobody writes to would hold the run
			this.jdbc.batchUpdate(StagingSchema.INSERT_REJECT,
					List.<Object[]>of(new Object[] { FIRST_SEQ, Proposals.SOURCE, 0L, "", "",
							FileKind.reason(kind, "save the annex as a regular CSV file named " + FILE) }),
					StagingSchema.REJECT_TYPES);
			return;
		}
		var decoder = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPLACE)
			.replaceWith(String.valueOf(CsvRecordSource.INVALID));
		List<Object[]> rows = new ArrayList<>();
		List<Object[]> rejects = new ArrayList<>();
		try (CsvRecordParser parser = new CsvRecordParser(new InputStreamReader(Files.newInputStream(file), decoder))) {
			Map<String, Integer> header = null;
			CsvRecordParser.CsvRecord record;
			while ((record = parser.next()) != null) {
				if (record.isBlank()) {
					continue;
				}
				if (header == null) {
					header = new HashMap<>();
					for (int i = 0; i < record.fields().size(); i++) {
						header.put(HeaderMapping.normalize(record.fields().get(i)), i);
					}
					continue;
				}
				RawRecord.Problem problem = (record.problem() != null) ? new RawRecord.Problem("", "", record.problem())
						: check(header, record.fields());
				if (problem != null) {
					// before every data row in read order, and in line order among
					// themselves
					rejects.add(new Object[] { FIRST_SEQ + record.line(), Proposals.SOURCE, record.line(),
							problem.column(), StagingItemWriter.shorten(problem.value()),
							StagingItemWriter.shorten(problem.reason()) });
					continue;
				}
				rows.add(new Object[] { record.line(), field(header, record.fields(), "no"),
						field(header, record.fields(), "submitter"),
						field(header, record.fields(), "submitter_type").toLowerCase(Locale.ROOT),
						field(header, record.fields(), "topic"), field(header, record.fields(), "topic_zh"),
						cluster(field(header, record.fields(), "cluster")) });
			}
		}
		this.jdbc.batchUpdate(
				"INSERT INTO proposal (line, no, submitter, submitter_type, topic, topic_zh, cluster) "
						+ "VALUES (?, ?, ?, ?, ?, ?, ?)",
				rows, new int[] { Types.BIGINT, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR,
						Types.VARCHAR, Types.VARCHAR });
		this.jdbc.batchUpdate(StagingSchema.INSERT_REJECT, rejects, StagingSchema.REJECT_TYPES);
	}

	private static RawRecord.Problem check(Map<String, Integer> header, List<String> fields) {
		for (String column : COLUMNS) {
			if (!header.containsKey(column)) {
				return problem(column, "",
						"the header has no column \"" + column + "\" (required: " + String.join(", ", COLUMNS) + ")");
			}
		}
		if (fields.size() != header.size()) {
			return problem("", "", "expected " + header.size() + " fields, found " + fields.size());
		}
		for (String column : List.of("no", "submitter", "cluster")) {
			if (field(header, fields, column).isEmpty()) {
				return problem(column, "", "required value \"" + column + "\" is empty");
			}
		}
		for (Map.Entry<String, Integer> column : header.entrySet()) {
			String value = fields.get(column.getValue());
			if (value.indexOf(CsvRecordSource.INVALID) >= 0) {
				return problem(column.getKey(), value.replace(CsvRecordSource.INVALID, '?'),
						"invalid UTF-8 in \"" + column.getKey() + "\"");
			}
		}
		String type = field(header, fields, "submitter_type");
		if (!type.equalsIgnoreCase("party") && !type.equalsIgnoreCase("stakeholder")) {
			return problem("submitter_type", type, "submitter_type \"" + type + "\" is not one of party, stakeholder");
		}
		String cluster = field(header, fields, "cluster");
		if (!Proposals.CLUSTERS.contains(cluster(cluster))) {
			return problem("cluster", cluster,
					"cluster \"" + cluster + "\" is not one of " + String.join(" ", Proposals.CLUSTERS));
		}
		return null;
	}

	private static RawRecord.Problem problem(String column, String value, String reason) {
		return new RawRecord.Problem(column, value, reason);
	}

	static String cluster(String value) {
		String lower = value.strip().toLowerCase(Locale.ROOT);
		return CLUSTER_SPELLINGS.getOrDefault(lower, lower);
	}

	private static String field(Map<String, Integer> header, List<String> fields, String column) {
		Integer at = header.get(column);
		return (at != null && at < fields.size()) ? StagingSchema.storable(fields.get(at).strip()) : "";
	}

}
