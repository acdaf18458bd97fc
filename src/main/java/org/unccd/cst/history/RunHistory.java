package org.unccd.cst.history;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.unccd.cst.run.RunParameters;
import org.unccd.cst.run.RunRecord;
import org.unccd.cst.publish.OutputLock;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.repository.support.JdbcJobRepositoryFactoryBean;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.jdbc.support.JdbcTransactionManager;

/**
 * The past runs of an output folder, read from its job repository (the H2 file
 * {@code OUTPUT/.cst-reports/db/jobs}): one line per job execution, newest first.
 * <p>
 * H2 lets one process at a time open the file, and a run keeps it open from start to end.
 * So the history takes the output folder's lock for the moment it reads (a run that
 * starts then waits for nothing: it finds the folder busy), opens the file read only, and
 * when a run holds the folder says so rather than wait.
 */
public final class RunHistory {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

	private RunHistory() {
	}

	/**
	 * What became of a run, with the words of {@code --history} and the exit code it gave
	 * ({@code null} when it gave none: killed, abandoned).
	 */
	public enum Outcome {

		PUBLISHED("published (exit 0)", 0), PUBLISHED_WITH_REJECTS("published with rejects (exit 3)", 3),
		FAILED("failed (exit 1)", 1), STOPPED("stopped (exit 1)", 1), INTERRUPTED("interrupted (killed)", null),
		INTERRUPTED_ABANDONED("interrupted (killed), abandoned", null), ABANDONED("abandoned", null),
		UNKNOWN("unknown", null);

		private final String text;

		private final Integer exitCode;

		Outcome(String text, Integer exitCode) {
			this.text = text;
			this.exitCode = exitCode;
		}

		public String text() {
			return this.text;
		}

		public Integer exitCode() {
			return this.exitCode;
		}

		public boolean published() {
			return this == PUBLISHED || this == PUBLISHED_WITH_REJECTS;
		}

	}

	/**
	 * One job execution.
	 *
	 * @param id the execution's id: the run number
	 * @param started when it started
	 * @param ended when it ended, {@code null} if it did not
	 * @param asOf its as-of date
	 * @param outcome what became of it
	 * @param rowsRead the data rows read, {@code null} when not recorded
	 * @param rowsRejected the rows rejected, {@code null} when not recorded
	 * @param session the session whose folder it published, {@code null} if it published
	 * none (or did not record it)
	 * @param files how many files it published, {@code null} when not recorded
	 * @param replaced whether a later run of the same session has replaced its set
	 * @param reason why it failed, or why it was not resumed, as recorded; {@code null}
	 * if nothing
	 * @param resumed the number of the run it resumed, {@code null} if none
	 */
	public record Run(long id, LocalDateTime started, LocalDateTime ended, String asOf, Outcome outcome, Long rowsRead,
			Long rowsRejected, String session, Long files, boolean replaced, String reason, Long resumed) {

		/**
		 * What became of it, with the exit code it gave, as {@code --history} says it.
		 */
		@JsonProperty
		public String result() {
			return this.outcome.text();
		}

		/**
		 * The published folder and its file count, or {@code none}, as {@code --history}
		 * says it.
		 */
		@JsonProperty
		public String outputs() {
			if (!this.outcome.published()) {
				return "none";
			}
			if (this.session == null) {
				return "published";
			}
			String outputs = this.session + "/";
			if (this.files != null) {
				outputs += " (" + this.files + " files)";
			}
			return this.replaced ? outputs + ", since replaced" : outputs;
		}

		/** Why it failed, or that it resumed another run; {@code null} if nothing. */
		@JsonProperty
		public String note() {
			if (this.resumed == null) {
				return this.reason;
			}
			return ((this.reason != null) ? this.reason + "; " : "") + "resumed run " + this.resumed;
		}

	}

	/** The output folder is held by a run, whose holder is named. */
	public static final class BusyException extends Exception {

		BusyException(String holder) {
			super(holder);
		}

	}

	/** Where the job repository of an output folder lives. */
	static Path databaseFile(Path output) {
		return output.resolve(".cst-reports").resolve("db").resolve("jobs.mv.db");
	}

	/**
	 * The runs recorded for {@code output}, newest first; empty when it has no job
	 * database yet.
	 */
	public static Optional<List<Run>> read(Path output) throws BusyException, Exception {
		Path file = databaseFile(output);
		if (!Files.isRegularFile(file)) {
			return Optional.empty();
		}
		Optional<OutputLock> lock = OutputLock.tryAcquire(output);
		if (lock.isEmpty()) {
			throw new BusyException(OutputLock.holder(output));
		}
		try (OutputLock held = lock.get()) {
			return Optional.of(readLocked(file));
		}
	}

	/**
	 * The runs recorded in a PostgreSQL job repository (the {@code postgres} profile), in
	 * the output folder's schema, newest first; empty when that schema does not exist.
	 */
	public static Optional<List<Run>> readPostgres(String url, String username, String password, String schema)
			throws Exception {
		try (java.sql.Connection connection = java.sql.DriverManager.getConnection(url, username, password);
				java.sql.PreparedStatement exists = connection
					.prepareStatement("SELECT 1 FROM information_schema.schemata WHERE schema_name = ?")) {
			exists.setString(1, schema);
			try (java.sql.ResultSet rs = exists.executeQuery()) {
				if (!rs.next()) {
					return Optional.empty();
				}
			}
		}
		java.util.Properties properties = new java.util.Properties();
		properties.setProperty("user", username);
		properties.setProperty("password", password);
		properties.setProperty("currentSchema", schema);
		properties.setProperty("readOnly", "true");
		SingleConnectionDataSource dataSource = new SingleConnectionDataSource(url, true);
		dataSource.setConnectionProperties(properties);
		return Optional.of(read(dataSource, "the schema " + schema));
	}

	private static List<Run> readLocked(Path file) throws Exception {
		String path = file.toAbsolutePath().toString();
		String url = "jdbc:h2:file:" + path.substring(0, path.length() - ".mv.db".length())
				+ ";IFEXISTS=TRUE;ACCESS_MODE_DATA=r";
		return read(new SingleConnectionDataSource(url, "sa", "", true), "the job database " + file);
	}

	private static List<Run> read(SingleConnectionDataSource dataSource, String where) throws Exception {
		try {
			JdbcJobRepositoryFactoryBean factory = new JdbcJobRepositoryFactoryBean();
			factory.setDataSource(dataSource);
			factory.setTransactionManager(new JdbcTransactionManager(dataSource));
			factory.afterPropertiesSet();
			JobRepository repository = factory.getObject();
			List<JobExecution> executions = new ArrayList<>();
			for (String job : repository.getJobNames()) {
				for (JobInstance instance : repository.getJobInstances(job, 0, Integer.MAX_VALUE)) {
					executions.addAll(repository.getJobExecutions(instance));
				}
			}
			return runs(executions);
		}
		catch (BadSqlGrammarException ex) {
			// a database without the job tables: no run got as far as recording itself
			return List.of();
		}
		catch (RuntimeException ex) {
			for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
				if (cause instanceof SQLException sql && sql.getErrorCode() == 90020) {
					// open in another process (an H2 console, a run of another program)
					throw new BusyException(where + " is open in another process");
				}
			}
			throw ex;
		}
		finally {
			dataSource.destroy();
		}
	}

	static List<Run> runs(List<JobExecution> executions) {
		executions.sort(Comparator.comparingLong(JobExecution::getId).reversed());
		// the newest publication of each session is the one in place
		Map<String, Long> current = new HashMap<>();
		for (JobExecution execution : executions) {
			String session = execution.getExecutionContext().getString(RunRecord.SESSION, null);
			if (execution.getStatus() == BatchStatus.COMPLETED && session != null) {
				current.putIfAbsent(session, execution.getId());
			}
		}
		// runs are numbered one after the other, whatever ids the job repository gave
		Map<Long, Long> numbers = new HashMap<>();
		for (int i = executions.size() - 1, n = 1; i >= 0; i--, n++) {
			numbers.put(executions.get(i).getId(), (long) n);
		}
		List<Run> runs = new ArrayList<>();
		for (JobExecution execution : executions) {
			runs.add(run(execution, executions, current, numbers));
		}
		return runs;
	}

	private static Run run(JobExecution execution, List<JobExecution> all, Map<String, Long> current,
			Map<Long, Long> numbers) {
		ExecutionContext context = execution.getExecutionContext();
		Long read = context.containsKey(RunRecord.ROWS_READ) ? context.getLong(RunRecord.ROWS_READ) : null;
		Long rejected = context.containsKey(RunRecord.ROWS_REJECTED) ? context.getLong(RunRecord.ROWS_REJECTED) : null;
		if (read == null) {
			// not aggregated: the records the ingest step read, if it ran
			for (StepExecution step : execution.getStepExecutions()) {
				if (step.getStepName().equals("ingest")) {
					read = RunRecord.counts(step)[0];
				}
			}
		}
		String session = context.getString(RunRecord.SESSION, null);
		Long files = context.containsKey(RunRecord.PUBLISHED_FILES) ? context.getLong(RunRecord.PUBLISHED_FILES) : null;
		boolean replaced = false;
		String reason = null;
		Outcome outcome;
		switch (execution.getStatus()) {
			case COMPLETED -> {
				outcome = (rejected != null && rejected > 0) ? Outcome.PUBLISHED_WITH_REJECTS : Outcome.PUBLISHED;
				replaced = session != null && current.get(session) != execution.getId();
			}
			case FAILED -> {
				if (context.containsKey(RunRecord.INTERRUPTED)) {
					outcome = Outcome.INTERRUPTED;
				}
				else {
					outcome = Outcome.FAILED;
					reason = context.getString(RunRecord.FAILURE, null);
				}
			}
			case STOPPED -> outcome = Outcome.STOPPED;
			case ABANDONED -> {
				outcome = context.containsKey(RunRecord.INTERRUPTED) ? Outcome.INTERRUPTED_ABANDONED
						: Outcome.ABANDONED;
				reason = context.getString(RunRecord.NOT_RESUMED,
						"not resumed: another run had rebuilt its staging tables");
			}
			case STARTING, STARTED, STOPPING -> outcome = Outcome.INTERRUPTED;
			default -> outcome = Outcome.UNKNOWN;
		}
		Long resumed = null;
		for (JobExecution other : all) {
			if (other.getId() < execution.getId()
					&& other.getJobInstance().getInstanceId() == execution.getJobInstance().getInstanceId()) {
				resumed = numbers.get(other.getId());
				break;
			}
		}
		String asOf = execution.getJobParameters().getString(RunParameters.AS_OF);
		return new Run(numbers.get(execution.getId()), execution.getStartTime(), execution.getEndTime(), asOf, outcome,
				read, rejected, outcome.published() ? session : null, outcome.published() ? files : null, replaced,
				reason, resumed);
	}

	/** The runs as a plain table, newest first, a failure's reason under its line. */
	public static String table(List<Run> runs) {
		String[] header = { "run", "started", "ended", "as-of", "result", "rows read", "rejected", "outputs" };
		List<String[]> rows = new ArrayList<>();
		for (Run run : runs) {
			rows.add(new String[] { String.valueOf(run.id()), time(run.started()), time(run.ended()),
					(run.asOf() != null) ? run.asOf() : "-", run.result(), count(run.rowsRead()),
					count(run.rowsRejected()), run.outputs() });
		}
		int[] widths = new int[header.length];
		for (int i = 0; i < header.length; i++) {
			widths[i] = header[i].length();
			for (String[] row : rows) {
				widths[i] = Math.max(widths[i], row[i].length());
			}
		}
		boolean[] right = { true, false, false, false, false, true, true, false };
		StringBuilder table = new StringBuilder();
		line(table, header, widths, right);
		for (int r = 0; r < rows.size(); r++) {
			line(table, rows.get(r), widths, right);
			if (runs.get(r).note() != null) {
				table.append(" ".repeat(widths[0] + 2)).append(runs.get(r).note()).append('\n');
			}
		}
		return table.toString();
	}

	private static void line(StringBuilder table, String[] cells, int[] widths, boolean[] right) {
		StringBuilder line = new StringBuilder();
		for (int i = 0; i < cells.length; i++) {
			String pad = " ".repeat(widths[i] - cells[i].length());
			line.append(right[i] ? pad + cells[i] : cells[i] + pad);
			if (i < cells.length - 1) {
				line.append("  ");
			}
		}
		table.append(line.toString().stripTrailing()).append('\n');
	}

	private static String time(LocalDateTime time) {
		return (time != null) ? TIME.format(time) : "-";
	}

	private static String count(Long count) {
		return (count != null) ? String.format(Locale.ROOT, "%,d", count) : "-";
	}

}
