package org.unccd.cst.ingest;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unccd.cst.TestInputs;
import org.unccd.cst.run.Summary;
import org.unccd.cst.aggregate.SummaryCalculator;
import org.unccd.cst.model.Programme;
import org.unccd.cst.programme.ProgrammeLoader;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the ingest step writes beside the rows (totals, latest progress rows, candidate
 * duplicates) gives the same summary and the same rejects as the rows alone, across
 * chunks and across a restart.
 */
class StagingItemWriterTests {

	private static final LocalDate AS_OF = LocalDate.parse(TestInputs.AS_OF);

	@TempDir
	Path dir;

	private JdbcTemplate jdbc;

	private final IngestedRows rows = new IngestedRows();

	@BeforeEach
	void setUp() {
		JdbcDataSource dataSource = new JdbcDataSource();
		dataSource.setURL("jdbc:h2:mem:" + getClass().getSimpleName() + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
		this.jdbc = new JdbcTemplate(dataSource);
		StagingSchema.statements().forEach(this.jdbc::execute);
	}

	@Test
	void duplicatesAcrossChunksAndARestartAreRejectedAndLeaveTheTotals() throws Exception {
		Path input = TestInputs.write(this.dir.resolve("in"));
		Programme programme = ProgrammeLoader.load(input);
		new ProposalsLoader(this.jdbc).load(input);
		StagingItemWriter writer = open();
		writer.write(new Chunk<>(this.rows.expenditure("R-1", "L1", "A.1", "2021-01-05", "10.00"),
				this.rows.expenditure("R-2", "L2", null, "2021-02-05", "20.00"),
				this.rows.expenditure("R-1", "L1", "A.1", "2021-03-05", "30.00"),
				this.rows.progress("A.1-x", "2021-01-01", "planned", null),
				this.rows.progress("A.1-x", "2021-02-01", "in_progress", "40"),
				this.rows.funding("F-1", "received", "2021-02-01", "100.00")));
		writer.write(new Chunk<>(this.rows.expenditure("R-2", "L2", "B", "2021-05-05", "40.00"),
				this.rows.expenditure("R-3", "L1", "B", "2021-04-05", "50.00"),
				this.rows.funding("R-1", "pledged", "2021-03-01", "70.00"),
				this.rows.funding("F-1", "received", "2021-03-01", "80.00"),
				this.rows.progress("B-x", "2021-04-30", "completed", null)));
		writer.close();
		// a restarted step: a new writer reads what the committed chunks hold
		writer = open();
		writer.write(new Chunk<>(this.rows.expenditure("R-3", "L2", null, "2021-04-06", "60.00"),
				this.rows.progress("A.1-x", "2021-02-01", "delayed", null),
				this.rows.progress("A.1-x", "2021-06-01", "completed", null)));
		writer.close();

		new CrossRowChecks(this.jdbc, AS_OF, ledger(this.jdbc, "ledger")).run();

		assertThat(this.jdbc.queryForList("SELECT seq || ' ' || reason FROM reject ORDER BY seq", String.class))
			.containsExactly("3 duplicate reference \"R-1\" (first at progress/expenditures.csv:2)",
					"7 duplicate reference \"R-2\" (first at progress/expenditures.csv:3)",
					"10 duplicate reference \"F-1\" (first at progress/funding.csv:7)",
					"12 duplicate reference \"R-3\" (first at progress/expenditures.csv:9)");
		Summary kept = new SummaryCalculator(this.jdbc, programme, AS_OF).calculate();
		// of the progress rows only those that were the latest of their outcome when
		// their
		// chunk was written are staged: 4 was followed by 5 in its chunk, 14 is dated
		// after the as-of date
		assertThat(this.jdbc.queryForList("SELECT seq FROM progress ORDER BY seq", Long.class)).containsExactly(5L, 11L,
				13L);
		// without what the writer kept beside the rows, the summary is made from the rows
		// staged: the same figures, but the progress rows not staged are not counted
		for (String table : List.of(StagingTotals.CHUNKS, StagingTotals.TABLE, LatestProgress.TABLE)) {
			this.jdbc.execute("DELETE FROM " + table);
		}
		Summary fromRows = new SummaryCalculator(this.jdbc, programme, AS_OF).calculate();
		assertThat(kept.outcomes()).isEqualTo(fromRows.outcomes());
		assertThat(kept.workItems()).isEqualTo(fromRows.workItems());
		assertThat(kept.budget()).isEqualTo(fromRows.budget());
		assertThat(kept.inputs().accepted()).isEqualTo(10);
		assertThat(fromRows.inputs().accepted()).isEqualTo(10 - 2);
		assertThat(kept.budget().spent()).isEqualByComparingTo("80.00");
		assertThat(kept.outcomes()).extracting(Summary.OutcomeStatus::status)
			.containsExactly("delayed", "planned", "completed");
	}

	/**
	 * The partitions of a partitioned ingest (one data file each) are written in any
	 * order, at the same time: a reference met again in a later file is rejected even
	 * when that file is written first, and the latest progress row of an outcome is found
	 * across files, as if the files had been written one after the other.
	 */
	@Test
	void filesWrittenOutOfOrderGiveTheRejectsAndFiguresOfFilesWrittenInOrder() throws Exception {
		Path input = TestInputs.write(this.dir.resolve("in"));
		Programme programme = ProgrammeLoader.load(input);
		List<IngestedRow> first = fileRows(new IngestedRows(0), true);
		List<IngestedRow> second = fileRows(new IngestedRows(1), false);

		// in order, by one writer
		new ProposalsLoader(this.jdbc).load(input);
		StagingItemWriter writer = open();
		writer.write(new Chunk<>(first));
		writer.write(new Chunk<>(second));
		writer.close();
		new CrossRowChecks(this.jdbc, AS_OF, ledger(this.jdbc, "ledger")).run();

		// out of order: the second file's partition commits first
		JdbcDataSource dataSource = new JdbcDataSource();
		dataSource.setURL("jdbc:h2:mem:partitions" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
		JdbcTemplate partitioned = new JdbcTemplate(dataSource);
		StagingSchema.statements().forEach(partitioned::execute);
		new ProposalsLoader(partitioned).load(input);
		IngestReferences references = new IngestReferences(partitioned);
		references.open(ledger(partitioned, "partitioned"), input);
		StagingItemWriter writer1 = new StagingItemWriter(partitioned, ledger(partitioned, "partitioned"), AS_OF,
				references, 1);
		StagingItemWriter writer0 = new StagingItemWriter(partitioned, ledger(partitioned, "partitioned"), AS_OF,
				references, 0);
		writer1.open(new ExecutionContext());
		writer0.open(new ExecutionContext());
		writer1.write(new Chunk<>(second));
		writer0.write(new Chunk<>(first));
		writer1.close();
		writer0.close();
		new CrossRowChecks(partitioned, AS_OF, ledger(partitioned, "partitioned")).run();

		String rejects = "SELECT seq || ' ' || reason FROM reject ORDER BY seq";
		List<String> inOrder = this.jdbc.queryForList(rejects, String.class);
		assertThat(inOrder).containsExactly(
				(1L << 32) + 1 + " duplicate reference \"R-1\" (first at progress/expenditures.csv:2)",
				(1L << 32) + 3 + " duplicate reference \"R-3\" (first at progress/expenditures-1.csv:3)",
				(1L << 32) + 6 + " duplicate reference \"F-1\" (first at progress/funding.csv:5)");
		assertThat(partitioned.queryForList(rejects, String.class)).isEqualTo(inOrder);
		Summary expected = new SummaryCalculator(this.jdbc, programme, AS_OF).calculate();
		Summary actual = new SummaryCalculator(partitioned, programme, AS_OF).calculate();
		assertThat(actual.outcomes()).isEqualTo(expected.outcomes());
		assertThat(actual.workItems()).isEqualTo(expected.workItems());
		assertThat(actual.budget()).isEqualTo(expected.budget());
		assertThat(actual.inputs()).isEqualTo(expected.inputs());
		// A.1-x: the second file's row of the same day is the later; B-x only in the
		// second file
		assertThat(actual.outcomes()).extracting(Summary.OutcomeStatus::status)
			.containsExactly("planned", "planned", "completed");
		assertThat(actual.budget().spent()).isEqualByComparingTo("80.00");
	}

	/**
	 * Many references met again in a later file whose partition commits first: every row
	 * of the later file is rejected, pointing to the earlier one (a number of candidates
	 * that H2 keeps on disk while it settles them, in a database file as a run's).
	 */
	@Test
	void manyDuplicatesOfALaterFileWrittenFirstAreAllRejected() throws Exception {
		Path input = TestInputs.write(this.dir.resolve("in"));
		JdbcDataSource file = new JdbcDataSource();
		// a run with -Xmx512m keeps 20,000 rows of a result in memory; fewer here, so
		// that
		// the test does not depend on its own heap
		file.setURL("jdbc:h2:file:" + this.dir.resolve("db/jobs").toAbsolutePath() + ";MAX_MEMORY_ROWS=1000");
		this.jdbc = new JdbcTemplate(file);
		StagingSchema.statements().forEach(this.jdbc::execute);
		new ProposalsLoader(this.jdbc).load(input);
		IngestReferences references = new IngestReferences(this.jdbc);
		references.open(ledger(this.jdbc, "ledger"), input);
		int count = 30_000;
		IngestedRows earlier = new IngestedRows(0);
		IngestedRows later = new IngestedRows(1);
		List<IngestedRow> first = new ArrayList<>();
		List<IngestedRow> second = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			first.add(earlier.expenditure("R-" + i, "L1", "A.1", "2021-01-05", "1.00"));
			second.add(later.expenditure("R-" + i, "L1", "A.1", "2021-02-05", "2.00"));
		}
		StagingItemWriter writer1 = new StagingItemWriter(this.jdbc, ledger(this.jdbc, "ledger"), AS_OF, references, 1);
		writer1.open(new ExecutionContext());
		for (int from = 0; from < count; from += 2000) {
			writer1.write(new Chunk<>(second.subList(from, from + 2000)));
		}
		writer1.close();
		StagingItemWriter writer0 = new StagingItemWriter(this.jdbc, ledger(this.jdbc, "ledger"), AS_OF, references, 0);
		writer0.open(new ExecutionContext());
		for (int from = 0; from < count; from += 2000) {
			writer0.write(new Chunk<>(first.subList(from, from + 2000)));
		}
		writer0.close();

		new CrossRowChecks(this.jdbc, AS_OF, ledger(this.jdbc, "ledger")).run();

		assertThat(
				this.jdbc.queryForObject(
						"SELECT COUNT(*) FROM reject WHERE seq > ? AND reason LIKE "
								+ "'duplicate reference \"R-%\" (first at progress/expenditures.csv:%)'",
						Long.class, 1L << 32))
			.isEqualTo(count);
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM reject", Long.class)).isEqualTo(count);
		// the ledger keeps the earlier file's rows
		LedgerFiles ledger = ledger(this.jdbc, "ledger");
		assertThat(ledger.count()).isEqualTo(count);
		java.math.BigDecimal[] sum = { java.math.BigDecimal.ZERO };
		long[] rowsRead = { 0 };
		ledger.read(Long.MIN_VALUE, Long.MAX_VALUE, (row) -> {
			assertThat((Long) row[LedgerFiles.column("seq")]).isLessThan(1L << 32);
			sum[0] = sum[0].add((java.math.BigDecimal) row[LedgerFiles.column("amount_pc")]);
			rowsRead[0]++;
		});
		assertThat(rowsRead[0]).isEqualTo(count);
		assertThat(sum[0]).isEqualByComparingTo(String.valueOf(count));
	}

	private static List<IngestedRow> fileRows(IngestedRows rows, boolean first) {
		if (first) {
			return List.of(rows.expenditure("R-1", "L1", "A.1", "2021-01-05", "10.00"),
					rows.expenditure("R-2", "L2", null, "2021-02-05", "20.00"),
					rows.progress("A.1-x", "2021-02-01", "in_progress", "40"),
					rows.funding("F-1", "received", "2021-02-01", "100.00"));
		}
		return List.of(rows.expenditure("R-1", "L1", "A.1", "2021-03-05", "30.00"),
				rows.expenditure("R-3", "L1", "B", "2021-04-05", "50.00"),
				rows.expenditure("R-3", "L2", null, "2021-04-06", "60.00"),
				rows.progress("A.1-x", "2021-01-15", "delayed", null),
				rows.progress("A.1-x", "2021-02-01", "planned", null),
				rows.funding("F-1", "pledged", "2021-03-01", "70.00"),
				rows.progress("B-x", "2021-04-30", "completed", null));
	}

	@Test
	void aFilterNeverMissesAReferenceItWasGiven() {
		ReferenceFilter filter = ReferenceFilter.forInput(0);
		List<String> references = new ArrayList<>();
		for (int i = 0; i < 50_000; i++) {
			references.add("REF-" + i);
		}
		references.forEach((reference) -> filter.add(DataTable.EXPENDITURES, reference));
		assertThat(references).allMatch((reference) -> filter.add(DataTable.EXPENDITURES, reference));
	}

	private StagingItemWriter open() {
		StagingItemWriter writer = new StagingItemWriter(this.jdbc, ledger(this.jdbc, "ledger"), this.dir, AS_OF);
		writer.open(new ExecutionContext());
		return writer;
	}

	private LedgerFiles ledger(JdbcTemplate jdbc, String name) {
		return new LedgerFiles(jdbc, this.dir.resolve(name));
	}

}
