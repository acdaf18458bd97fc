package org.unccd.cst.ingest;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.unccd.cst.ingest.CsvRecordParser.CsvRecord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Tests for {@link CsvRecordParser}: RFC 4180 splitting, line numbers and bounded fields.
 */
class CsvRecordParserTests {

	@Test
	void stripsByteOrderMark() throws IOException {
		List<CsvRecord> records = parse("\uFEFFdate,outcome\n2019-03-15,O1.1-a\n");

		assertThat(records.get(0).fields()).isEqualTo(List.of("date", "outcome"));
	}

	@Test
	void keepsByteOrderMarkCharacterLaterInTheFile() throws IOException {
		List<CsvRecord> records = parse("a,b\n\uFEFFc,d\n");

		assertThat(records.get(1).fields()).isEqualTo(List.of("\uFEFFc", "d"));
	}

	@Test
	void splitsCrlfLines() throws IOException {
		List<CsvRecord> records = parse("a,b\r\nc,d\r\n");

		assertThat(records).extracting(CsvRecord::line, CsvRecord::fields)
			.isEqualTo(List.of(tuple(1L, List.of("a", "b")), tuple(2L, List.of("c", "d"))));
	}

	@Test
	void splitsLfLines() throws IOException {
		List<CsvRecord> records = parse("a,b\nc,d\n");

		assertThat(records).extracting(CsvRecord::line, CsvRecord::fields)
			.isEqualTo(List.of(tuple(1L, List.of("a", "b")), tuple(2L, List.of("c", "d"))));
	}

	@Test
	void splitsLoneCarriageReturnLines() throws IOException {
		List<CsvRecord> records = parse("a,b\rc,d\re,f");

		assertThat(records).extracting(CsvRecord::line, CsvRecord::fields)
			.isEqualTo(
					List.of(tuple(1L, List.of("a", "b")), tuple(2L, List.of("c", "d")), tuple(3L, List.of("e", "f"))));
	}

	@Test
	void readsLastRecordWithoutLineEnding() throws IOException {
		List<CsvRecord> records = parse("a,b\nc,d");

		assertThat(records.get(1).fields()).isEqualTo(List.of("c", "d"));
	}

	@Test
	void returnsNullAtEndOfInput() throws IOException {
		try (CsvRecordParser parser = new CsvRecordParser(new StringReader("a\n"))) {
			parser.next();

			assertThat(parser.next()).isNull();
		}
	}

	@Test
	void quotedFieldWithNewlineKeepsItsRecordsStartLine() throws IOException {
		List<CsvRecord> records = parse("h1,h2\na,\"x\ny\nz\"\nb,c\n");

		assertThat(records).extracting(CsvRecord::line, CsvRecord::fields)
			.isEqualTo(List.of(tuple(1L, List.of("h1", "h2")), tuple(2L, List.of("a", "x\ny\nz")),
					tuple(5L, List.of("b", "c"))));
	}

	@Test
	void quotedCrlfBecomesNewlineAndCountsOneLine() throws IOException {
		List<CsvRecord> records = parse("a,\"x\r\ny\"\r\nb,c\r\n");

		assertThat(records).extracting(CsvRecord::line, CsvRecord::fields)
			.isEqualTo(List.of(tuple(1L, List.of("a", "x\ny")), tuple(3L, List.of("b", "c"))));
	}

	@Test
	void doubledQuoteInsideQuotedFieldIsOneQuote() throws IOException {
		List<CsvRecord> records = parse("\"say \"\"hi\"\"\",b\n");

		assertThat(records.get(0).fields()).isEqualTo(List.of("say \"hi\"", "b"));
	}

	@Test
	void commaInsideQuotedFieldStaysInTheField() throws IOException {
		List<CsvRecord> records = parse("\"1,000\",b\n");

		assertThat(records.get(0).fields()).isEqualTo(List.of("1,000", "b"));
	}

	@Test
	void emptyQuotedFieldIsEmpty() throws IOException {
		List<CsvRecord> records = parse("a,\"\",c\n");

		assertThat(records.get(0).fields()).isEqualTo(List.of("a", "", "c"));
	}

	@Test
	void reportsUnterminatedQuoteAtEndOfFileWithStartLine() throws IOException {
		List<CsvRecord> records = parse("h1,h2\na,\"open\nstill open\nto the end");

		CsvRecord record = records.get(1);
		assertThat(records).hasSize(2);
		assertThat(record.line()).isEqualTo(2L);
		assertThat(record.problem()).isEqualTo("unterminated quoted field");
		assertThat(record.badField()).isEqualTo(1);
	}

	@Test
	void reportsCharacterAfterClosingQuote() throws IOException {
		List<CsvRecord> records = parse("\"abc\"x,d\n");

		CsvRecord record = records.get(0);
		assertThat(record.problem())
			.isEqualTo("unexpected character after a closing quote (a quote inside a quoted field is written \"\")");
		assertThat(record.badField()).isEqualTo(0);
		assertThat(record.fields()).isEqualTo(List.of("abcx", "d"));
	}

	@Test
	void capsOverlongUnquotedFieldAndReportsIt() throws IOException {
		List<CsvRecord> records = parse("a," + "x".repeat(100_000) + "\nb,c\n");

		CsvRecord record = records.get(0);
		assertThat(record.fields().get(1).length()).isEqualTo(CsvRecordParser.MAX_FIELD_LENGTH);
		assertThat(record.problem()).isEqualTo("value longer than 10000 characters");
		assertThat(record.badField()).isEqualTo(1);
	}

	@Test
	void readsRecordAfterOverlongFieldIntact() throws IOException {
		List<CsvRecord> records = parse("a," + "x".repeat(100_000) + "\nb,c\n");

		assertThat(records).hasSize(2);
		assertThat(records.get(1).line()).isEqualTo(2L);
		assertThat(records.get(1).fields()).isEqualTo(List.of("b", "c"));
		assertThat(records.get(1).problem()).isNull();
	}

	@Test
	void capsOverlongQuotedFieldAndReportsIt() throws IOException {
		List<CsvRecord> records = parse("\"" + "y\n".repeat(50_000) + "\",b\nc,d\n");

		CsvRecord record = records.get(0);
		assertThat(record.fields().get(0).length()).isEqualTo(CsvRecordParser.MAX_FIELD_LENGTH);
		assertThat(record.problem()).isEqualTo("value longer than 10000 characters");
		assertThat(records.get(1).line()).isEqualTo(50_002L);
	}

	@Test
	void reportsMoreThanMaximumFields() throws IOException {
		List<CsvRecord> records = parse(",".repeat(CsvRecordParser.MAX_FIELDS) + "x\n");

		CsvRecord record = records.get(0);
		assertThat(record.fields()).hasSize(CsvRecordParser.MAX_FIELDS);
		assertThat(record.problem()).isEqualTo("more than 512 fields");
	}

	@Test
	void reportsEmptyLineAsBlankRecord() throws IOException {
		List<CsvRecord> records = parse("a,b\n\nc,d\n");

		assertThat(records).extracting(CsvRecord::line, CsvRecord::isBlank)
			.isEqualTo(List.of(tuple(1L, false), tuple(2L, true), tuple(3L, false)));
	}

	@Test
	void reportsLineOfOnlyCommasAsBlankRecord() throws IOException {
		List<CsvRecord> records = parse(",,\n");

		assertThat(records.get(0).isBlank()).isEqualTo(true);
	}

	@Test
	void reportsLineOfOnlySpacesAsBlankRecord() throws IOException {
		List<CsvRecord> records = parse("  , \r\n");

		assertThat(records.get(0).isBlank()).isEqualTo(true);
	}

	@Test
	void recordWithOneValueIsNotBlank() throws IOException {
		List<CsvRecord> records = parse(",x,\n");

		assertThat(records.get(0).isBlank()).isEqualTo(false);
	}

	private static List<CsvRecord> parse(String text) throws IOException {
		List<CsvRecord> records = new ArrayList<>();
		try (CsvRecordParser parser = new CsvRecordParser(new StringReader(text))) {
			for (CsvRecord record = parser.next(); record != null; record = parser.next()) {
				records.add(record);
			}
		}
		return records;
	}

}
