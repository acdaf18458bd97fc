package org.unccd.cst.console;

import java.time.LocalDateTime;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.unccd.cst.history.RunHistory;

import org.springframework.context.MessageSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The runs of the job database in the page's language, while {@code --history} keeps its
 * English words.
 */
class HistoryWordingTests {

	private final MessageSource messages = new ConsoleApplication().messageSource();

	private static RunHistory.Run run(RunHistory.Outcome outcome, String session, Long files, boolean replaced,
			String reason, Long resumed) {
		LocalDateTime at = LocalDateTime.of(2026, 12, 5, 5, 7, 38);
		return new RunHistory.Run(4, at, at.plusSeconds(2), "2019-06-30", outcome, 157L, 5L, session, files, replaced,
				reason, resumed);
	}

	@Test
	void aPublishedRunThatWasReplacedIsWordedInFrenchAndInEnglishForTheCommandLine() {
		RunHistory.Run run = run(RunHistory.Outcome.PUBLISHED_WITH_REJECTS, "CST14", 13L, true, null, 2L);
		HistoryWording.Row row = HistoryWording.row(run, this.messages, Locale.FRENCH);
		assertThat(row.result()).isEqualTo("publié, avec des lignes rejetées (code de sortie 3)");
		assertThat(row.outputs()).isEqualTo("CST14/ (13 fichiers), remplacé depuis");
		assertThat(row.resumed()).isEqualTo("reprend l’exécution 2");
		assertThat(run.result()).isEqualTo("published with rejects (exit 3)");
		assertThat(run.outputs()).isEqualTo("CST14/ (13 files), since replaced");
		assertThat(run.note()).isEqualTo("resumed run 2");
	}

	@Test
	void aFailedRunKeepsItsRecordedReasonAndPublishedNothing() {
		RunHistory.Run run = run(RunHistory.Outcome.FAILED, null, null, false, "programme.yaml: line 3", null);
		HistoryWording.Row row = HistoryWording.row(run, this.messages, Locale.forLanguageTag("zh"));
		assertThat(row.result()).isEqualTo("失败（退出代码 1）");
		assertThat(row.outputs()).isEqualTo("无");
		assertThat(row.resumed()).isNull();
		assertThat(run.outputs()).isEqualTo("none");
		assertThat(run.note()).isEqualTo("programme.yaml: line 3");
	}

}
