package org.unccd.cst.console;

import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.unccd.cst.history.SummaryDiff;

/**
 * The figures that differ between two sets, worded in the page's language: what each
 * figure is (the budget's labels as the reports give them, an outcome, a work item, the
 * rows read), and how it moved, with the statuses in the language and each number
 * isolated, so that a right-to-left page keeps its digits and signs in order.
 */
final class FigureWording {

	private FigureWording() {
	}

	/** A figure's row: what it is and how it moved. */
	record Row(String label, String change) {
	}

	static List<Row> rows(List<SummaryDiff.Figure> figures, MessageSource messages, Locale locale) {
		return figures.stream().map((figure) -> row(figure, messages, locale)).toList();
	}

	static Row row(SummaryDiff.Figure figure, MessageSource messages, Locale locale) {
		String label = messages.getMessage(labelKey(figure.key()),
				(figure.code() != null) ? new Object[] { isolated(figure.code()) } : null, locale);
		String change;
		if ("gone".equals(figure.note())) {
			change = messages.getMessage("diff.gone", null, locale);
		}
		else if (figure.before() == null) {
			change = messages.getMessage("diff.new", new Object[] { value(figure.after(), messages, locale) }, locale);
		}
		else {
			change = messages.getMessage("diff.arrow",
					new Object[] { value(figure.before(), messages, locale), value(figure.after(), messages, locale) },
					locale);
			if (figure.delta() != null) {
				change = messages.getMessage("diff.delta", new Object[] { change, isolated(figure.delta()) }, locale);
			}
			if (figure.note() != null) {
				change = messages.getMessage("diff." + figure.note(), new Object[] { change }, locale);
			}
		}
		return new Row(label, change);
	}

	/**
	 * The message of a figure's label: the budget's figures are labelled as the reports
	 * label them; the others have the console's own.
	 */
	private static String labelKey(String key) {
		return switch (key) {
			case "budget.spent" -> "budget.spentTotal";
			case "budget.total", "budget.secured", "budget.pledged", "budget.gap", "budget.gapAfterPledges" -> key;
			default -> "diff." + key;
		};
	}

	private static String value(SummaryDiff.Value value, MessageSource messages, Locale locale) {
		if (value.status() == null) {
			return isolated(value.number());
		}
		return messages.getMessage("diff.value",
				new Object[] { messages.getMessage("status." + value.status(), null, value.status(), locale),
						isolated(value.number()) },
				locale);
	}

	private static String isolated(String text) {
		return PageModel.BIDI.isolate(text);
	}

}
