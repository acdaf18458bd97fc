package org.unccd.cst.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.unccd.cst.programme.ProgrammeLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unccd.cst.TestInputs;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link PrefetchingRowReader} hands out the rows that reading and checking one at a time
 * gives, in order, and saves the number of rows the step got, not of those it read ahead.
 */
class PrefetchingRowReaderTests {

	@TempDir
	Path dir;

	@Test
	void givesTheRowsOfTheFilesInOrderAsCheckedOneByOne() throws IOException {
		Path input = inputWith(1200);
		List<IngestedRow> expected = new ArrayList<>();
		DataFileItemReader plain = new DataFileItemReader(input);
		RowProcessor processor = new RowProcessor(input, ProgrammeLoader.load(input));
		plain.open(new ExecutionContext());
		RawRecord record;
		while ((record = plain.read()) != null) {
			expected.add(processor.process(record));
		}
		plain.close();

		List<IngestedRow> rows = readAll(new PrefetchingRowReader(input, ProgrammeLoader.load(input)),
				new ExecutionContext());

		assertThat(rows).hasSize(expected.size());
		for (int i = 0; i < rows.size(); i++) {
			assertThat(rows.get(i).raw().seq()).isEqualTo(expected.get(i).raw().seq());
			assertThat(rows.get(i).problem()).isEqualTo(expected.get(i).problem());
			assertThat(rows.get(i).values()).isEqualTo(expected.get(i).values());
		}
	}

	@Test
	void savesTheRowsHandedOutSoThatARestartGoesOnFromThere() throws IOException {
		Path input = inputWith(3000);
		ExecutionContext context = new ExecutionContext();
		PrefetchingRowReader reader = new PrefetchingRowReader(input, ProgrammeLoader.load(input));
		reader.open(context);
		for (int i = 0; i < 700; i++) {
			reader.read();
		}
		reader.update(context);
		reader.close();
		assertThat(context.getLong(DataFileItemReader.READ_COUNT)).isEqualTo(700);

		List<IngestedRow> rest = readAll(new PrefetchingRowReader(input, ProgrammeLoader.load(input)), context);

		assertThat(rest.get(0).raw().seq()).isEqualTo(701);
		assertThat(rest.get(rest.size() - 1).raw().seq()).isEqualTo(700 + rest.size());
	}

	@Test
	void aFailureToReadReachesTheStepAfterTheRowsBeforeIt() throws IOException {
		Path input = inputWith(10);
		PrefetchingRowReader reader = new PrefetchingRowReader(new DataFileItemReader(input) {

			@Override
			public RawRecord read() {
				RawRecord record = super.read();
				if (record != null && record.seq() == 5) {
					throw new ItemStreamException("Cannot read the fifth record");
				}
				return record;
			}

		}, new RowProcessor(input, ProgrammeLoader.load(input)));
		reader.open(new ExecutionContext());
		for (int i = 1; i <= 4; i++) {
			assertThat(reader.read().raw().seq()).isEqualTo(i);
		}
		assertThatThrownBy(reader::read).isInstanceOf(ItemStreamException.class)
			.hasMessage("Cannot read the fifth record");
		reader.close();
	}

	private Path inputWith(int expenditures) throws IOException {
		Path input = TestInputs.write(this.dir.resolve("in"));
		StringBuilder csv = new StringBuilder("date,budget_line,work_item,amount,currency,reference\n");
		for (int i = 0; i < expenditures; i++) {
			csv.append("2021-01-").append(10 + i % 15).append(",L").append(1 + i % 2).append(",,");
			csv.append((i % 97 == 0) ? "x" : String.valueOf(10 + i)).append(",EUR,G-").append(i).append('\n');
		}
		Files.writeString(input.resolve("progress").resolve("expenditures-generated.csv"), csv);
		return input;
	}

	private static List<IngestedRow> readAll(PrefetchingRowReader reader, ExecutionContext context) {
		List<IngestedRow> rows = new ArrayList<>();
		reader.open(context);
		IngestedRow row;
		while ((row = reader.read()) != null) {
			rows.add(row);
		}
		reader.close();
		return rows;
	}

}
