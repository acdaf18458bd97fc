package org.unccd.cst.report.xlsx;

import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.unccd.cst.ingest.LedgerFiles;
import org.unccd.cst.run.Summary;
import org.unccd.cst.run.RunContext;
import org.unccd.cst.model.Messages;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes {@code <session>.<lang>.xlsx} for every requested language into the staging
 * folder.
 */
public class WorkbookTasklet implements Tasklet {

	private static final Logger log = LoggerFactory.getLogger(WorkbookTasklet.class);

	private final JdbcTemplate jdbc;

	public WorkbookTasklet(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
		RunContext run = RunContext.of(chunkContext);
		Summary summary = run.summary();
		LedgerFiles ledger = new LedgerFiles(this.jdbc, LedgerFiles.dir(run.parameters().output()));
		for (String lang : run.parameters().languages()) {
			Path file = run.stagingDir().resolve(run.programme().session() + "." + lang + ".xlsx");
			new WorkbookWriter(this.jdbc, ledger, run.programme(), summary, Messages.of(lang)).write(file);
			log.info("Wrote {}", file.getFileName());
		}
		return RepeatStatus.FINISHED;
	}

}
