package org.unccd.cst.ingest;

import java.math.BigDecimal;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The ledger's files: every value comes back as it went in, at its column's scale; a
 * chunk whose transaction rolled back is written over by the next; a reader goes on after
 * a seq, up to a number of rows, leaving out the rows rejected as duplicates; and a file
 * shorter than its committed rows is found before a resume trusts it.
 */
class LedgerFilesTests {

	@TempDir
	Path dir;

	private JdbcTemplate jdbc;

	private LedgerFiles ledger;

	private JdbcDataSource dataSource;

	@BeforeEach
	void setUp() {
		this.dataSource = new JdbcDataSource();
		this.dataSource.setURL("jdbc:h2:mem:" + getClass().getSimpleName() + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
		this.jdbc = new JdbcTemplate(this.dataSource);
		StagingSchema.statements().forEach(this.jdbc::execute);
		this.ledger = new LedgerFiles(this.jdbc, this.dir.resolve("ledger"));
	}

	@Test
	void everyValueComesBackAsItWentInAtItsColumnsScale() {
		Random random = new Random(20191231L);
		List<Object[]> written = new ArrayList<>();
		String[] texts = { "Atelier de synthèse", "ورشة عمل", "综合报告讲习班", "Семинар", "", "a\tb\"c\u00a0d",
				"x".repeat(CsvRecordParser.MAX_FIELD_LENGTH), "😀 emoji" };
		int count = 2000;
		for (int i = 0; i < count; i++) {
			Object[] row = row(i + 1, i % 3, random);
			row[LedgerFiles.column("description")] = texts[i % texts.length];
			row[LedgerFiles.column("description_ar")] = (i % 2 == 0) ? null : texts[(i + 1) % texts.length];
			if (i % 97 == 0) {
				// a row of about 150 KB: every variant at its longest
				for (String lang : DataTable.VARIANT_LANGUAGES) {
					row[LedgerFiles.column("description_" + lang)] = "综".repeat(CsvRecordParser.MAX_FIELD_LENGTH);
				}
			}
			if (i % 10 == 7) {
				// an unscaled value past 63 bits
				row[LedgerFiles.column("amount")] = new BigDecimal("123456789012345678901234.5").negate();
			}
			written.add(row);
		}
		this.ledger.append(0, written.subList(0, 700));
		this.ledger.append(0, written.subList(700, count));

		List<Object[]> read = readAll();
		assertThat(read).hasSize(count);
		for (int i = 0; i < count; i++) {
			assertThat(read.get(i)).as("row " + (i + 1)).containsExactly(atColumnScale(written.get(i)));
		}
		assertThat(this.ledger.count()).isEqualTo(count);
		// after a seq: the rows before are passed over, across the reader's blocks
		List<Object[]> after = new ArrayList<>();
		assertThat(this.ledger.read(1500, 10, (row) -> after.add(Arrays.copyOf(row, row.length)))).isEqualTo(1510);
		assertThat(after).hasSize(10);
		assertThat(after.get(0)).containsExactly(atColumnScale(written.get(1500)));
	}

	/** A row as the database would keep it: amounts at the scale of their columns. */
	private static Object[] atColumnScale(Object[] row) {
		Object[] expected = row.clone();
		for (String column : List.of("amount", "conversion_rate")) {
			int at = LedgerFiles.column(column);
			expected[at] = ((BigDecimal) expected[at]).setScale(12, java.math.RoundingMode.HALF_UP);
		}
		int converted = LedgerFiles.column("amount_pc");
		expected[converted] = ((BigDecimal) expected[converted]).setScale(2, java.math.RoundingMode.HALF_UP);
		return expected;
	}

	@Test
	void aChunkWhoseTransactionRolledBackIsWrittenOver() {
		TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(this.dataSource));
		Random random = new Random(7);
		this.ledger.append(1, List.of(row(1, 0, random), row(2, 0, random)));
		// a chunk that fails after its rows reached the file: its transaction rolls back
		transaction.executeWithoutResult((status) -> {
			new LedgerFiles(new JdbcTemplate(this.dataSource), this.dir.resolve("ledger")).append(1,
					List.of(row(3, 0, random), row(4, 0, random), row(5, 0, random)));
			status.setRollbackOnly();
		});
		assertThat(readAll()).extracting((row) -> row[0]).containsExactly(1L, 2L);
		// the chunk again, committed: written at the committed length
		transaction.executeWithoutResult(
				(status) -> new LedgerFiles(new JdbcTemplate(this.dataSource), this.dir.resolve("ledger")).append(1,
						List.of(row(3, 0, random), row(4, 0, random))));
		assertThat(readAll()).extracting((row) -> row[0]).containsExactly(1L, 2L, 3L, 4L);
		assertThat(this.ledger.count()).isEqualTo(4);
		assertThat(this.ledger.damage()).isNull();
	}

	@Test
	void aReaderGoesOnAfterASeqAndLeavesOutTheDuplicates() {
		Random random = new Random(3);
		List<Object[]> first = new ArrayList<>();
		List<Object[]> second = new ArrayList<>();
		for (int i = 1; i <= 5; i++) {
			first.add(row(i, 0, random));
			second.add(row((1L << 32) + i, 1 << 16, random));
		}
		// the partitions in any order
		this.ledger.append(1, second);
		this.ledger.append(0, first);
		// two rejected as duplicates, one a candidate that was not
		this.jdbc.update("INSERT INTO " + StagingSchema.DUPLICATE_CANDIDATE
				+ " (seq, tbl, reference, first_seq) VALUES (3, 'expenditure', 'R', 1), (?, 'expenditure', 'S', 2), "
				+ "(?, 'expenditure', 'T', ?)", (1L << 32) + 2, (1L << 32) + 4, (1L << 32) + 4);
		assertThat(this.ledger.count()).isEqualTo(8);

		List<Long> seqs = new ArrayList<>();
		long last = this.ledger.read(Long.MIN_VALUE, 3, (row) -> seqs.add((Long) row[0]));
		assertThat(seqs).containsExactly(1L, 2L, 4L);
		assertThat(last).isEqualTo(4L);
		last = this.ledger.read(last, 3, (row) -> seqs.add((Long) row[0]));
		assertThat(last).isEqualTo((1L << 32) + 3);
		last = this.ledger.read(last, 3, (row) -> seqs.add((Long) row[0]));
		assertThat(seqs).containsExactly(1L, 2L, 4L, 5L, (1L << 32) + 1, (1L << 32) + 3, (1L << 32) + 4,
				(1L << 32) + 5);
		assertThat(this.ledger.read(last, 3, (row) -> seqs.add((Long) row[0]))).isEqualTo(last);
	}

	@Test
	void theRowsOfTheCandidatesReferencesAreStagedForTheChecks() {
		Random random = new Random(11);
		List<Object[]> rows = new ArrayList<>();
		for (int i = 1; i <= 1000; i++) {
			Object[] row = row(i, 0, random);
			row[LedgerFiles.column("reference")] = "R-" + (i % 400);
			rows.add(row);
		}
		this.ledger.append(0, rows);
		this.jdbc.update("INSERT INTO " + StagingSchema.DUPLICATE_CANDIDATE
				+ " (seq, tbl, reference) VALUES (401, 'expenditure', 'R-1'), (417, 'expenditure', 'R-17')");

		int staged = this.ledger.stageCandidates();

		// every row of R-1 and R-17 (three each), and at most a few others
		assertThat(this.jdbc.queryForList("SELECT seq FROM expenditure WHERE reference IN ('R-1', 'R-17') ORDER BY seq",
				Long.class))
			.containsExactly(1L, 17L, 401L, 417L, 801L, 817L);
		assertThat(staged).isBetween(6, 12);
		assertThat(this.jdbc.queryForObject("SELECT amount_pc FROM expenditure WHERE seq = 401", BigDecimal.class))
			.isEqualTo(((BigDecimal) rows.get(400)[LedgerFiles.column("amount_pc")]).setScale(2,
					java.math.RoundingMode.HALF_UP));
	}

	@Test
	void aFileShorterThanItsCommittedRowsIsFoundBeforeItIsRead() throws Exception {
		Random random = new Random(5);
		assertThat(this.ledger.damage()).isNull();
		this.ledger.append(0, List.<Object[]>of(row(1, 0, random)));
		this.ledger.append(1, List.of(row((1L << 32) + 1, 1 << 16, random), row((1L << 32) + 2, 1 << 16, random)));
		this.ledger.force(1);
		assertThat(this.ledger.damage()).isNull();
		Path part = this.dir.resolve("ledger/part-1.rows");
		try (FileChannel channel = FileChannel.open(part, StandardOpenOption.WRITE)) {
			channel.truncate(Files.size(part) - 1);
		}
		assertThat(this.ledger.damage()).isEqualTo("the ledger's staged rows part-1.rows are shorter than committed");
		assertThatThrownBy(() -> readAll()).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("part-1.rows")
			.hasMessageContaining("starts afresh")
			.hasMessageNotContaining(this.dir.toString());
		Files.delete(this.dir.resolve("ledger/part-0.rows"));
		assertThat(this.ledger.damage()).isEqualTo("the ledger's staged rows part-0.rows are missing");
		// staging tables never made: nothing to check
		JdbcDataSource empty = new JdbcDataSource();
		empty.setURL("jdbc:h2:mem:empty" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
		assertThat(new LedgerFiles(new JdbcTemplate(empty), this.dir.resolve("ledger")).damage()).isNull();
	}

	private List<Object[]> readAll() {
		List<Object[]> read = new ArrayList<>();
		this.ledger.read(Long.MIN_VALUE, Long.MAX_VALUE, (row) -> read.add(Arrays.copyOf(row, row.length)));
		return read;
	}

	/** A ledger row as the ingest step stages it, with random figures. */
	private static Object[] row(long seq, int sourceId, Random random) {
		Object[] row = new Object[3 + DataTable.EXPENDITURES.columns().size() + 2];
		row[0] = seq;
		row[1] = sourceId;
		row[2] = seq % 100_000 + 1;
		row[LedgerFiles.column("date")] = LocalDate.of(2018, 1, 1).plusDays(random.nextInt(730));
		row[LedgerFiles.column("budget_line")] = "L" + random.nextInt(9);
		row[LedgerFiles.column("work_item")] = random.nextBoolean() ? null : "A." + random.nextInt(4);
		row[LedgerFiles.column("amount")] = BigDecimal.valueOf(random.nextLong(-1_000_000_000L, 1_000_000_000_000L), 2);
		row[LedgerFiles.column("currency")] = random.nextBoolean() ? "EUR" : "USD";
		row[LedgerFiles.column("reference")] = "R-" + seq;
		row[LedgerFiles.column("conversion_rate")] = new BigDecimal("0.9" + random.nextInt(1000));
		row[LedgerFiles.column("amount_pc")] = BigDecimal.valueOf(random.nextLong(1_000_000_000_000L), 3);
		return row;
	}

}
