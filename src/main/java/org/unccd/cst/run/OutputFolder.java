package org.unccd.cst.run;

import java.nio.file.Path;

/**
 * The layout of an output folder, named once: the published sets, one folder per session,
 * and beside them the run's own folder, {@code .cst-reports/}, with the job database, the
 * delivery log, the locks, the staging folders, the schedule's state and the history.
 */
public final class OutputFolder {

	/** The run's own folder, beside the published sets. */
	public static final String WORK_DIR = ".cst-reports";

	/** Every aggregate figure of a published set. */
	public static final String SUMMARY = "summary.json";

	/** The rejected rows of a published set. */
	public static final String REJECTS = "rejects.csv";

	private OutputFolder() {
	}

	/** Where the runs keep their database, lock and staging folders. */
	public static Path workDir(Path output) {
		return output.resolve(WORK_DIR);
	}

	/** The folder of the H2 job database. */
	public static Path databaseDir(Path output) {
		return workDir(output).resolve("db");
	}

	/** The H2 job database's file. */
	public static Path databaseFile(Path output) {
		return databaseDir(output).resolve("jobs.mv.db");
	}

	/** The JDBC URL of the H2 job database. */
	public static String databaseUrl(Path output) {
		// WRITE_DELAY=0: each commit goes to the file at once, so a process killed right
		// after a chunk commits keeps the chunk and its restart point together
		return "jdbc:h2:file:" + databaseDir(output).resolve("jobs").toAbsolutePath()
				+ ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0";
	}

	/**
	 * The folder of the delivery log's own H2 database, apart from the job database, so
	 * that a distribution can mail while another run uses the job database.
	 */
	public static Path deliveriesDir(Path output) {
		return workDir(output).resolve("deliveries");
	}

	/** The JDBC URL of the delivery log's H2 database. */
	public static String deliveriesUrl(Path output) {
		return "jdbc:h2:file:" + deliveriesDir(output).resolve("log").toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE";
	}

	/** The folder a job instance writes its outputs into before they are published. */
	public static Path stagingDir(Path output, long jobInstanceId) {
		return workDir(output).resolve("staging").resolve(String.valueOf(jobInstanceId));
	}

	/**
	 * The data-entry template of a session in a language ({@code --template}), kept in
	 * the session's folder beside the published set but not part of it.
	 */
	public static String template(String session, String lang) {
		return session + ".template." + lang + ".xlsx";
	}

	/** Whether a file of a session's folder is a data-entry template. */
	public static boolean isTemplate(String session, String name) {
		return name.startsWith(session + ".template.") && name.endsWith(".xlsx")
				&& name.length() == template(session, "xx").length();
	}

	/** The published set of a session. */
	public static Path published(Path output, String session) {
		return output.resolve(session);
	}

}
