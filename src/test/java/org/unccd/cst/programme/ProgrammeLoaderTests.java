package org.unccd.cst.programme;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unccd.cst.model.Outcome;
import org.unccd.cst.model.Programme;
import org.unccd.cst.model.WorkItem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Tests for {@link ProgrammeLoader}: a valid programme, and each problem with its line.
 */
class ProgrammeLoaderTests {

	/**
	 * A valid programme; the tests that break it replace one line in place, so line
	 * numbers hold (1 = session).
	 */
	private static final String VALID = """
			session: CST14
			title:
			  en: Committee on Science and Technology
			  zh: 科学和技术委员会
			source: ICCD/COP(13)/CST/7
			currency: eur
			reports:
			  - id: obj-1.1
			    symbol: ICCD/COP(14)/CST/2
			    title: Synthesis report on objective 1.1
			    covers: [O1.1]
			workItems:
			  - code: O1
			    kind: objective
			    title: Provide guidance
			    children:
			      - code: O1.1
			        title: Advice on LDN
			        outcomes:
			          - code: O1.1-a
			            title: Technical guidance note
			            due: 2019-06-30
			            weight: 2
			          - code: O1.1-b
			            title: Scientific support
			  - code: C1
			    kind: coordination
			    title: Coordination
			budget:
			  lines:
			    - code: B1
			      title: Objectives
			      source: extrabudgetary
			      amount: 400000
			    - code: B2
			      title: SPI meetings
			      source: Core
			      amount: 115_000
			  funding:
			    - title: Proposed core budget
			      source: core
			      amount: 115000
			""";

	@TempDir
	Path dir;

	@Test
	void readsSessionSourceAndUpperCaseCurrency() throws IOException {
		Programme programme = load(VALID);

		assertThat(programme.session()).isEqualTo("CST14");
		assertThat(programme.source()).isEqualTo("ICCD/COP(13)/CST/7");
		assertThat(programme.currency()).isEqualTo("EUR");
	}

	@Test
	void readsTitleGivenAsLanguageMap() throws IOException {
		Programme programme = load(VALID);

		assertThat(programme.title().in("zh")).isEqualTo("科学和技术委员会");
		assertThat(programme.title().in("en")).isEqualTo("Committee on Science and Technology");
	}

	@Test
	void fallsBackToEnglishForMissingLanguage() throws IOException {
		Programme programme = load(VALID);

		assertThat(programme.title().in("fr")).isEqualTo("Committee on Science and Technology");
	}

	@Test
	void readsTitleGivenAsPlainString() throws IOException {
		Programme programme = load(VALID);

		assertThat(programme.reports().get(0).title().in("zh")).isEqualTo("Synthesis report on objective 1.1");
	}

	@Test
	void fallsBackToFirstLanguageWithoutEnglish() throws IOException {
		Programme programme = load(VALID.replace("  en: Committee on Science and Technology",
				"  fr: Comité de la science et de la technologie"));

		assertThat(programme.title().in("ru")).isEqualTo("Comité de la science et de la technologie");
	}

	@Test
	void readsReports() throws IOException {
		Programme programme = load(VALID);

		assertThat(programme.reports()).extracting((r) -> r.id(), (r) -> r.symbol(), (r) -> r.covers())
			.isEqualTo(List.of(tuple("obj-1.1", "ICCD/COP(14)/CST/2", List.of("O1.1"))));
	}

	@Test
	void readsWorkItemTreeWithInheritedKind() throws IOException {
		Programme programme = load(VALID);

		assertThat(programme.allWorkItems()).extracting(WorkItem::code, WorkItem::kind, WorkItem::parent)
			.isEqualTo(List.of(tuple("O1", "objective", null), tuple("O1.1", "objective", "O1"),
					tuple("C1", "coordination", null)));
	}

	@Test
	void readsOutcomesWithDueDateAndDefaultWeight() throws IOException {
		Programme programme = load(VALID);

		assertThat(programme.allOutcomes()).extracting(Outcome::code, Outcome::due, Outcome::weight, Outcome::workItem)
			.isEqualTo(List.of(tuple("O1.1-a", LocalDate.of(2019, 6, 30), new BigDecimal("2"), "O1.1"),
					tuple("O1.1-b", null, BigDecimal.ONE, "O1.1")));
	}

	@Test
	void readsBudgetLinesWithNormalizedSourceAndUnderscoredAmount() throws IOException {
		Programme programme = load(VALID);

		assertThat(programme.budgetLines()).extracting((l) -> l.code(), (l) -> l.source(), (l) -> l.amount())
			.isEqualTo(List.of(tuple("B1", "extrabudgetary", new BigDecimal("400000")),
					tuple("B2", "core", new BigDecimal("115000"))));
		assertThat(programme.budgetTotal()).isEqualTo(new BigDecimal("515000"));
	}

	@Test
	void readsFunding() throws IOException {
		Programme programme = load(VALID);

		assertThat(programme.funding()).extracting((f) -> f.title().english(), (f) -> f.source(), (f) -> f.amount())
			.isEqualTo(List.of(tuple("Proposed core budget", "core", new BigDecimal("115000"))));
	}

	@Test
	void readsTheSessionsFactsForTheCovers() throws IOException {
		Programme programme = load(VALID.replace("currency: eur\n", """
				currency: eur
				opens: 2019-09-03
				place: {en: "New Delhi, India", fr: "New Delhi (Inde)"}
				dates: {en: "3-6 September 2019"}
				agenda: {item: "3 (a)", heading: {en: "Follow-up of the work programme"}}
				"""));

		assertThat(programme.facts().opens()).isEqualTo(LocalDate.of(2019, 9, 3));
		assertThat(programme.facts().place().in("fr")).isEqualTo("New Delhi (Inde)");
		assertThat(programme.facts().dates().in("ru")).isEqualTo("3-6 September 2019");
		assertThat(programme.facts().agenda().item()).isEqualTo("3 (a)");
		assertThat(programme.facts().agenda().heading().in("en")).isEqualTo("Follow-up of the work programme");
		assertThat(programme.reports().get(0).agendaIn(programme).item()).isEqualTo("3 (a)");
	}

	@Test
	void leavesOutTheFactsAProgrammeDoesNotGive() throws IOException {
		Programme programme = load(VALID);

		assertThat(programme.facts().opens()).isNull();
		assertThat(programme.facts().place()).isNull();
		assertThat(programme.facts().agenda()).isNull();
		assertThat(programme.reports().get(0).jobNumbers()).isEmpty();
	}

	@Test
	void readsAReportsOwnAgendaItemAndJobNumbers() throws IOException {
		Programme programme = load(VALID.replace("    covers: [O1.1]\n", """
				    covers: [O1.1]
				    agenda: {item: "4"}
				    jobNumbers: {en: "GE.19-11111", fr: "GE.19-11112"}
				"""));

		assertThat(programme.reports().get(0).agendaIn(programme).item()).isEqualTo("4");
		assertThat(programme.reports().get(0).jobNumbers()).containsEntry("en", "GE.19-11111")
			.containsEntry("fr", "GE.19-11112");
	}

	@Test
	void reportsAnOpeningDateThatIsNoDateWithItsLine() throws IOException {
		ProgrammeException ex = failure(VALID.replace("currency: eur\n", "currency: eur\nopens: 3 September\n"));

		assertThat(ex.line()).isEqualTo(7);
		assertThat(ex.problem()).isEqualTo("the programme: opens \"3 September\" is not a date YYYY-MM-DD");
	}

	@Test
	void reportsAnAgendaWithoutItsItem() throws IOException {
		ProgrammeException ex = failure(VALID.replace("currency: eur\n", "currency: eur\nagenda: {heading: Item}\n"));

		assertThat(ex.line()).isEqualTo(7);
		assertThat(ex.problem()).contains("item");
	}

	@Test
	void rejectsReportIdsThatDifferOnlyInCase() throws IOException {
		ProgrammeException ex = failure(VALID.replace("    covers: [O1.1]\n", """
				    covers: [O1.1]
				  - id: OBJ-1.1
				    title: Another
				    covers: [O1.1]
				"""));

		assertThat(ex.line()).isEqualTo(12);
		assertThat(ex.problem()).startsWith("report id \"OBJ-1.1\" differs only in case from the one at line 8");
	}

	@Test
	void refusesAFileLargerThanFiveMegabytesBeforeReadingIt() throws IOException {
		Path file = this.dir.resolve("programme.yaml");
		try (var channel = java.nio.channels.FileChannel.open(file, java.nio.file.StandardOpenOption.CREATE,
				java.nio.file.StandardOpenOption.WRITE, java.nio.file.StandardOpenOption.SPARSE)) {
			channel.write(java.nio.ByteBuffer.wrap(new byte[] { 'x' }), 3L * 1024 * 1024 * 1024);
		}
		ProgrammeException ex = catchThrowableOfType(ProgrammeException.class, () -> ProgrammeLoader.load(this.dir));

		assertThat(ex.problem()).isEqualTo("is 3072 MB: a programme.yaml may be at most 5 MB");
	}

	@Test
	void refusesAFolderOrAPipeInsteadOfAFile() throws Exception {
		Files.createDirectory(this.dir.resolve("programme.yaml"));
		ProgrammeException ex = catchThrowableOfType(ProgrammeException.class, () -> ProgrammeLoader.load(this.dir));

		assertThat(ex.problem()).isEqualTo("is not a regular file (a folder, a device or a pipe)");
	}

	@Test
	void refusesALineTooLongForAnyProgrammeWithItsLineAtOnce() throws IOException {
		ProgrammeException ex = failure(VALID.replace("title: Advice on LDN", "title: " + "x".repeat(200_000)));

		assertThat(ex.line()).isEqualTo(18);
		assertThat(ex.problem()).contains("longer than 100000 characters");
	}

	@Test
	void reportsBadYamlWithTheLineOfTheError() throws IOException {
		ProgrammeException ex = failure(VALID.replace("title: Technical guidance note", "title: Technical: guidance"));

		assertThat(ex.line()).isEqualTo(21);
		assertThat(ex.problem()).isEqualTo("not valid YAML: mapping values are not allowed here");
	}

	@Test
	void refusesNestingPastTheLimitWithTheLineWhereItIsPassed() throws IOException {
		int lines = (int) VALID.lines().count();
		ProgrammeException ex = failure(VALID + "\nextra:\n  " + "[".repeat(60) + "]".repeat(60) + "\n");

		assertThat(ex.line()).isEqualTo(lines + 3);
		assertThat(ex.problem())
			.isEqualTo("not valid YAML: lists and maps nested more than 40 deep; no programme needs so many");
	}

	@Test
	void refusesABillionLaughsWithTheLineOfTheReferenceTooMany() throws IOException {
		int lines = (int) VALID.lines().count();
		String laughs = "\na: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]"
				+ "\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c]\n";
		ProgrammeException ex = failure(VALID + laughs);

		assertThat(ex.line()).isEqualTo(lines + 5);
		assertThat(ex.problem()).startsWith("not valid YAML: more than 20 references (*alias) to lists or maps");
	}

	@Test
	void reportsUnknownKeyWithItsLine() throws IOException {
		ProgrammeException ex = failure(VALID.replace("title: Advice on LDN", "titel: Advice on LDN"));

		assertThat(ex.line()).isEqualTo(18);
		assertThat(ex.problem())
			.isEqualTo("unknown key \"titel\" in a work item (expected one of code, kind, title, children, outcomes)");
	}

	@Test
	void namesFileLineAndProblemInMessage() throws IOException {
		ProgrammeException ex = failure(VALID.replace("title: Advice on LDN", "titel: Advice on LDN"));

		assertThat(ex.file()).isEqualTo("programme.yaml");
		assertThat(ex.getMessage()).isEqualTo("programme.yaml:18: unknown key \"titel\" in a work item "
				+ "(expected one of code, kind, title, children, outcomes)");
	}

	@Test
	void reportsOutcomeCodeDuplicatingWorkItem() throws IOException {
		ProgrammeException ex = failure(VALID.replace("- code: O1.1-b", "- code: O1.1"));

		assertThat(ex.line()).isEqualTo(24);
		assertThat(ex.problem()).isEqualTo("duplicate code \"O1.1\" (first at line 17)");
	}

	@Test
	void reportsBudgetLineCodeDuplicatingOutcome() throws IOException {
		ProgrammeException ex = failure(VALID.replace("- code: B2", "- code: O1.1-a"));

		assertThat(ex.line()).isEqualTo(35);
		assertThat(ex.problem()).isEqualTo("duplicate code \"O1.1-a\" (first at line 20)");
	}

	@Test
	void reportsReportIdDuplicatingWorkItem() throws IOException {
		ProgrammeException ex = failure(VALID.replace("- id: obj-1.1", "- id: C1"));

		assertThat(ex.line()).isEqualTo(8);
		assertThat(ex.problem()).isEqualTo("duplicate code \"C1\" (first at line 26)");
	}

	@Test
	void reportsReportCoveringUnknownWorkItem() throws IOException {
		ProgrammeException ex = failure(VALID.replace("covers: [O1.1]", "covers: [O1.1, O9]"));

		assertThat(ex.line()).isEqualTo(11);
		assertThat(ex.problem()).isEqualTo("report obj-1.1 covers unknown work item \"O9\"");
	}

	@Test
	void reportsNegativeBudgetAmount() throws IOException {
		ProgrammeException ex = failure(VALID.replace("amount: 400000", "amount: -400000"));

		assertThat(ex.line()).isEqualTo(34);
		assertThat(ex.problem()).isEqualTo("budget line B1: amount -400000 is negative");
	}

	@Test
	void reportsNegativeFundingAmount() throws IOException {
		ProgrammeException ex = failure(VALID.replace("      amount: 115000", "      amount: -1"));

		assertThat(ex.line()).isEqualTo(42);
		assertThat(ex.problem()).isEqualTo("funding at line 40: amount -1 is negative");
	}

	@Test
	void reportsMissingFile() {
		ProgrammeException ex = catchThrowableOfType(ProgrammeException.class, () -> ProgrammeLoader.load(this.dir));

		assertThat(ex.file()).isEqualTo("programme.yaml");
		assertThat(ex.line()).isEqualTo(0);
		assertThat(ex.problem()).isEqualTo("not found in the input folder " + this.dir);
	}

	@Test
	void rejectsSessionThatWouldLeaveTheOutputFolder() throws IOException {
		ProgrammeException ex = failure(VALID.replace("session: CST14", "session: ../CST14"));

		assertThat(ex.line()).isEqualTo(1);
		assertThat(ex.problem()).isEqualTo("session \"../CST14\" may hold only letters, digits, '.', '-' and '_' "
				+ "(at most 64) and must start with a letter or digit");
	}

	@Test
	void rejectsReportIdWithSlash() throws IOException {
		ProgrammeException ex = failure(VALID.replace("- id: obj-1.1", "- id: obj/../../x"));

		assertThat(ex.line()).isEqualTo(8);
		assertThat(ex.problem()).isEqualTo("id \"obj/../../x\" may hold only letters, digits, '.', '-' and '_' "
				+ "(at most 64) and must start with a letter or digit");
	}

	@Test
	void reportsDuplicateKeyWithItsLine() throws IOException {
		ProgrammeException ex = failure(VALID.replace("source: ICCD/COP(13)/CST/7", "currency: USD"));

		assertThat(ex.line()).isEqualTo(6);
		assertThat(ex.problem()).isEqualTo("key \"currency\" appears twice in the programme");
	}

	@Test
	void reportsEmptyFile() throws IOException {
		ProgrammeException ex = failure("# nothing here\n");

		assertThat(ex.line()).isEqualTo(0);
		assertThat(ex.problem()).isEqualTo("the file is empty");
	}

	@Test
	void reportsFileThatIsNotUtf8() throws IOException {
		byte[] latin1 = VALID.replace("Coordination", "Coordinaci\u00f3n").getBytes(StandardCharsets.ISO_8859_1);
		Files.write(this.dir.resolve("programme.yaml"), latin1);

		ProgrammeException ex = catchThrowableOfType(ProgrammeException.class, () -> ProgrammeLoader.load(this.dir));

		assertThat(ex.problem()).isEqualTo("the file is not valid UTF-8");
	}

	@Test
	void reportsProgrammeWithoutWorkItems() throws IOException {
		String yaml = VALID.substring(0, VALID.indexOf("workItems:")) + "workItems: []\n";

		ProgrammeException ex = failure(yaml);

		assertThat(ex.line()).isEqualTo(12);
		assertThat(ex.problem()).isEqualTo("the programme has no work items");
	}

	private Programme load(String yaml) throws IOException {
		Files.writeString(this.dir.resolve("programme.yaml"), yaml);
		return ProgrammeLoader.load(this.dir);
	}

	private ProgrammeException failure(String yaml) throws IOException {
		Files.writeString(this.dir.resolve("programme.yaml"), yaml);
		ProgrammeException ex = catchThrowableOfType(ProgrammeException.class, () -> ProgrammeLoader.load(this.dir));
		assertThat(ex).as("a ProgrammeException").isNotNull();
		return ex;
	}

}
