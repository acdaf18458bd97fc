package org.unccd.cst.report.pdf;

import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.unccd.cst.run.Summary;
import org.unccd.cst.run.RunContext;
import org.unccd.cst.model.Messages;
import org.unccd.cst.model.Report;
import org.unccd.cst.report.ReportData;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes {@code <report>.<lang>.pdf} for every report and requested language into the
 * staging folder.
 */
public class ReportTasklet implements Tasklet {

	private static final Logger log = LoggerFactory.getLogger(ReportTasklet.class);

	private final JdbcTemplate jdbc;

	public ReportTasklet(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
		RunContext run = RunContext.of(chunkContext);
		Summary summary = run.summary();
		String digest = run.inputDigest();
		for (String lang : run.parameters().languages()) {
			ReportData data = new ReportData(this.jdbc, run.programme(), summary.asOf(), lang);
			for (Report report : run.programme().reports()) {
				Path file = run.stagingDir().resolve(report.id() + "." + lang + ".pdf");
				String key = String.join("|", digest, summary.asOf().toString(), report.id(), lang);
				int missing = new SynthesisReportWriter(run.programme(), report, summary, Messages.of(lang), data, key)
					.write(file);
				if (missing > 0) {
					log.warn("{}: {} character(s) have no glyph in the embedded fonts and show as a replacement mark",
							file.getFileName(), missing);
				}
				log.info("Wrote {}", file.getFileName());
			}
		}
		return RepeatStatus.FINISHED;
	}

}
