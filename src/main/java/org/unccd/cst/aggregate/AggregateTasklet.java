package org.unccd.cst.aggregate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.unccd.cst.run.Summary;
import org.unccd.cst.run.JsonFiles;
import org.unccd.cst.run.RunContext;
import org.unccd.cst.run.RunRecord;

import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Computes the summary and writes {@code summary.json} and {@code rejects.csv} into the
 * staging folder; fails the run when more rows were rejected than allowed.
 */
public class AggregateTasklet implements Tasklet {

	private static final Logger log = LoggerFactory.getLogger(AggregateTasklet.class);

	private final JdbcTemplate jdbc;

	public AggregateTasklet(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
		RunContext run = RunContext.of(chunkContext);
		Path staging = run.stagingDir();
		Files.createDirectories(staging);
		RejectsCsvWriter.write(this.jdbc, staging.resolve("rejects.csv"));
		long rejected = this.jdbc.queryForObject("SELECT COUNT(*) FROM reject", Long.class);
		long maxRejects = run.parameters().maxRejects();
		SummaryCalculator calculator = new SummaryCalculator(this.jdbc, run.programme(), run.parameters().asOf());
		RunRecord.of(chunkContext).putLong(RunRecord.ROWS_REJECTED, rejected);
		if (rejected > maxRejects) {
			RunRecord.of(chunkContext).putLong(RunRecord.ROWS_READ, calculator.inputs().read());
			Path kept = failedRejects(run);
			Files.copy(staging.resolve("rejects.csv"), kept, StandardCopyOption.REPLACE_EXISTING);
			throw new TooManyRejectsException(rejected + " rows were rejected, more than --max-rejects=" + maxRejects
					+ "; nothing was published. The rejected rows and their reasons are in " + kept);
		}
		Summary summary = calculator.calculate();
		JsonFiles.write(staging.resolve("summary.json"), summary);
		RunRecord.of(chunkContext).putLong(RunRecord.ROWS_READ, summary.inputs().read());
		log.info("Aggregated: {} rows read, {} accepted, {} rejected, {} dated after {}", summary.inputs().read(),
				summary.inputs().accepted(), summary.inputs().rejected(), summary.inputs().afterAsOf(), summary.asOf());
		return RepeatStatus.FINISHED;
	}

	/** Where the rejects of a run that failed on --max-rejects are left for the user. */
	public static Path failedRejects(RunContext run) {
		return run.parameters().output().resolve(run.programme().session() + ".rejects.csv");
	}

	/** The run rejected more rows than it may. */
	public static class TooManyRejectsException extends RuntimeException {

		TooManyRejectsException(String message) {
			super(message);
		}

	}

}
