package org.unccd.cst.console;

import java.util.List;
import java.util.Locale;

import org.unccd.cst.history.RunHistory;

import org.springframework.context.MessageSource;

/**
 * The runs of the job database worded in the page's language: what became of each, what
 * it published, which run it resumed. Why a run failed stays as the job database recorded
 * it, in English, and the page marks it so.
 */
final class HistoryWording {

	private HistoryWording() {
	}

	/**
	 * A recorded run as a row of the pages.
	 *
	 * @param run the run
	 * @param result what became of it, with its exit code
	 * @param outputs what it published
	 * @param resumed which run it resumed, {@code null} if none
	 */
	record Row(RunHistory.Run run, String result, String outputs, String resumed) {
	}

	static List<Row> rows(List<RunHistory.Run> runs, MessageSource messages, Locale locale) {
		return runs.stream().map((run) -> row(run, messages, locale)).toList();
	}

	static Row row(RunHistory.Run run, MessageSource messages, Locale locale) {
		String result = messages.getMessage("history.outcome." + run.outcome().name(), null, locale);
		String outputs;
		if (!run.outcome().published()) {
			outputs = messages.getMessage("history.outputs.none", null, locale);
		}
		else if (run.session() == null) {
			outputs = messages.getMessage("history.outputs.published", null, locale);
		}
		else {
			outputs = (run.files() != null)
					? messages.getMessage("history.outputs.files",
							new Object[] { run.session(), String.valueOf(run.files()) }, locale)
					: messages.getMessage("history.outputs.session", new Object[] { run.session() }, locale);
			if (run.replaced()) {
				outputs = messages.getMessage("history.outputs.replaced", new Object[] { outputs }, locale);
			}
		}
		String resumed = (run.resumed() != null)
				? messages.getMessage("history.resumed", new Object[] { String.valueOf(run.resumed()) }, locale) : null;
		return new Row(run, result, outputs, resumed);
	}

}
