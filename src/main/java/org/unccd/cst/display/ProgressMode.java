package org.unccd.cst.display;

import java.io.Console;
import java.lang.reflect.Method;
import java.util.Locale;

/**
 * How a run shows its progress: {@code --progress} or the property {@code cst.progress}.
 */
public enum ProgressMode {

	/** One line redrawn in place with a carriage return: for a person at a terminal. */
	BAR,

	/** A plain log line every so often: for cron, CI and redirected output. */
	LOG,

	/** Nothing beyond the step log lines. */
	OFF;

	/**
	 * The mode for a setting: {@code bar}, {@code log}, {@code off}, or {@code auto}: a
	 * bar when the standard output is a terminal, else log lines.
	 */
	public static ProgressMode of(String setting) {
		String value = (setting != null) ? setting.strip().toLowerCase(Locale.ROOT) : "auto";
		return switch (value) {
			case "bar" -> BAR;
			case "log" -> LOG;
			case "off" -> OFF;
			case "auto", "" -> onTerminal() ? BAR : LOG;
			default ->
				throw new IllegalArgumentException("cst.progress=" + setting + " is not one of auto, bar, log, off");
		};
	}

	/**
	 * Whether a person is watching: a console that is a terminal (standard input and
	 * output not redirected) and not a dumb one.
	 */
	static boolean onTerminal() {
		Console console = System.console();
		if (console == null || "dumb".equals(System.getenv("TERM"))) {
			return false;
		}
		try {
			// Java 22 and later return a console even when redirected, and say whether
			// it is a terminal
			Method isTerminal = Console.class.getMethod("isTerminal");
			return (Boolean) isTerminal.invoke(console);
		}
		catch (ReflectiveOperationException ex) {
			// Java 21: a console is only given to a terminal
			return true;
		}
	}

}
