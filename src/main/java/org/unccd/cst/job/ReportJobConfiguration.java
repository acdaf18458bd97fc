package org.unccd.cst.job;

import java.time.Duration;

import org.unccd.cst.run.JsonFiles;
import org.unccd.cst.run.RunRecord;
import org.unccd.cst.run.RunContext;
import org.unccd.cst.aggregate.AggregateTasklet;
import org.unccd.cst.ingest.CrossRowChecks;
import org.unccd.cst.ingest.DataFilePartitioner;
import org.unccd.cst.ingest.IngestReferences;
import org.unccd.cst.ingest.LedgerFiles;
import org.unccd.cst.ingest.IngestRowReader;
import org.unccd.cst.ingest.IngestedRow;
import org.unccd.cst.ingest.ProposalsLoader;
import org.unccd.cst.ingest.StagingItemWriter;
import org.unccd.cst.ingest.StagingSchema;
import org.unccd.cst.model.Programme;
import org.unccd.cst.display.IngestProgress;
import org.unccd.cst.display.ProgressMode;
import org.unccd.cst.publish.Manifest;
import org.unccd.cst.publish.PublishTasklet;
import org.unccd.cst.publish.StagedFiles;
import org.unccd.cst.report.pdf.ReportTasklet;
import org.unccd.cst.report.xlsx.WorkbookTasklet;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.util.FileSystemUtils;

/**
 * The job and its steps, in order: load the programme, ingest the data files, check
 * across rows, aggregate, write the workbooks, write the reports, publish.
 */
@Configuration(proxyBeanMethods = false)
class ReportJobConfiguration {

	static final String JOB_NAME = "cstReports";

	static final int CHUNK_SIZE = 2000;

	/** The name of the ingest step's partitions, each followed by ':' and its own. */
	static final String INGEST_FILE = "ingestFile";

	private static final StepLog STEP_LOG = new StepLog();

	private static final StagedFiles STAGED_FILES = new StagedFiles();

	/**
	 * The first step: the staging tables, the proposals, and the record of the inputs,
	 * those the run hashed for its digest when it was started through the run service
	 * ({@code inputs}), else read here.
	 */
	@Bean
	Step loadProgramme(JobRepository jobRepository, PlatformTransactionManager transactionManager, JdbcTemplate jdbc,
			ObjectProvider<Manifest.Inputs> inputs) {
		return new StepBuilder("loadProgramme", jobRepository).listener(STEP_LOG)
			.tasklet((contribution, chunkContext) -> {
				RunContext run = RunContext.of(chunkContext);
				FileSystemUtils.deleteRecursively(run.stagingDir().getParent());
				FileSystemUtils.deleteRecursively(LedgerFiles.dir(run.parameters().output()));
				StagingSchema.statements().forEach(jdbc::execute);
				jdbc.update("INSERT INTO " + StagingSchema.OWNER + " (instance_id) VALUES (?)",
						chunkContext.getStepContext()
							.getStepExecution()
							.getJobExecution()
							.getJobInstance()
							.getInstanceId());
				new ProposalsLoader(jdbc).load(run.parameters().input());
				Manifest.Inputs hashed = inputs.getIfAvailable();
				JsonFiles.write(PublishTasklet.inputsFile(run),
						(hashed != null) ? hashed.files() : Manifest.inputs(run.parameters().input()));
				RunRecord.of(chunkContext).putString(RunRecord.SESSION, run.programme().session());
				return RepeatStatus.FINISHED;
			}, transactionManager)
			.build();
	}

	/** The data files, read and checked a little ahead of the ingest step. */
	@Bean
	IngestRowReader ingestReader() {
		return new IngestRowReader();
	}

	/**
	 * The progress of ingestion: {@code cst.progress} is auto, bar, log or off (the
	 * command line's {@code --progress}); {@code cst.progress.interval} is how often a
	 * log line is written.
	 */
	@Bean
	IngestProgress ingestProgress(IngestRowReader ingestReader, @Value("${cst.progress:auto}") String mode,
			@Value("${cst.progress.interval:10s}") Duration interval) {
		// the counters are those of the running step
		IngestProgress.Counters counters = new IngestProgress.Counters() {

			@Override
			public long rows() {
				return ingestReader.recordsRead();
			}

			@Override
			public long bytesRead() {
				return ingestReader.bytesRead();
			}

			@Override
			public long totalBytes() {
				return ingestReader.totalBytes();
			}

		};
		return new IngestProgress(ProgressMode.of(mode), interval, counters, System.out, System::nanoTime);
	}

	/** The references met in the files, shared by the ingest step's partitions. */
	@Bean
	IngestReferences ingestReferences(JdbcTemplate jdbc) {
		return new IngestReferences(jdbc);
	}

	@Bean
	@StepScope
	StagingItemWriter stagingItemWriter(JdbcTemplate jdbc, IngestReferences ingestReferences,
			@Value("#{stepExecution.stepName}") String partition) {
		RunContext run = RunContext.current();
		return new StagingItemWriter(jdbc, new LedgerFiles(jdbc, LedgerFiles.dir(run.parameters().output())),
				run.parameters().asOf(), ingestReferences, DataFilePartitioner.index(partition));
	}

	/** One partition of the ingest step: one data file, read, checked and staged. */
	@Bean
	Step ingestFile(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			IngestRowReader ingestReader, StagingItemWriter stagingItemWriter, IngestProgress ingestProgress) {
		// the run's context first: the reader makes its file's reader from it
		return new StepBuilder(INGEST_FILE, jobRepository).listener(new PartitionThreads())
			.listener(ingestReader)
			.<IngestedRow, IngestedRow>chunk(CHUNK_SIZE)
			.listener(ingestProgress.chunkListener())
			.transactionManager(transactionManager)
			.reader(ingestReader)
			.writer(stagingItemWriter)
			.build();
	}

	/**
	 * The ingest step: the data files, each a partition ({@link DataFilePartitioner}),
	 * {@code cst.ingest.threads} of them at a time: 1 with H2, where a second writer only
	 * waits for the first and the run took longer, 2 with PostgreSQL, where ingest took
	 * 15 to 20 % less time (docs/benchmarks.md).
	 */
	@Bean
	Step ingest(JobRepository jobRepository, Step ingestFile, IngestRowReader ingestReader,
			IngestReferences ingestReferences, IngestProgress ingestProgress,
			@Value("${cst.ingest.threads:1}") int threads) {
		SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor("cst-ingest-");
		executor.setConcurrencyLimit(Math.max(1, threads));
		// after the step log: the progress line is cleared before the step's last line
		return new StepBuilder("ingest", jobRepository).listener(STEP_LOG)
			.listener(new IngestStart(jobRepository, ingestReader))
			.listener(ingestReferences)
			.listener(ingestProgress)
			.partitioner(INGEST_FILE, new DataFilePartitioner())
			.step(ingestFile)
			.taskExecutor(executor)
			.gridSize(Math.max(1, threads))
			.build();
	}

	@Bean
	Step crossCheck(JobRepository jobRepository, PlatformTransactionManager transactionManager, JdbcTemplate jdbc) {
		return new StepBuilder("crossCheck", jobRepository).listener(STEP_LOG).tasklet((contribution, chunkContext) -> {
			RunContext run = RunContext.of(chunkContext);
			new CrossRowChecks(jdbc, run.parameters().asOf(),
					new LedgerFiles(jdbc, LedgerFiles.dir(run.parameters().output())))
				.run();
			return RepeatStatus.FINISHED;
		}, transactionManager).build();
	}

	@Bean
	Step aggregate(JobRepository jobRepository, PlatformTransactionManager transactionManager, JdbcTemplate jdbc) {
		return new StepBuilder("aggregate", jobRepository).listener(STEP_LOG)
			.listener(STAGED_FILES)
			.tasklet(new AggregateTasklet(jdbc), transactionManager)
			.build();
	}

	@Bean
	Step writeWorkbooks(JobRepository jobRepository, PlatformTransactionManager transactionManager, JdbcTemplate jdbc) {
		return new StepBuilder("writeWorkbooks", jobRepository).listener(STEP_LOG)
			.listener(STAGED_FILES)
			.tasklet(new WorkbookTasklet(jdbc), transactionManager)
			.build();
	}

	@Bean
	Step writeReports(JobRepository jobRepository, PlatformTransactionManager transactionManager, JdbcTemplate jdbc) {
		return new StepBuilder("writeReports", jobRepository).listener(STEP_LOG)
			.listener(STAGED_FILES)
			.tasklet(new ReportTasklet(jdbc), transactionManager)
			.build();
	}

	/**
	 * {@code cst.history.keep}: how many earlier summaries of each session are kept for
	 * {@code --diff}.
	 */
	@Bean
	Step publish(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			@Value("${cst.history.keep:30}") int keepHistory) {
		return new StepBuilder("publish", jobRepository).listener(STEP_LOG)
			.tasklet(new PublishTasklet(keepHistory), transactionManager)
			.build();
	}

	@Bean
	Job cstReports(JobRepository jobRepository, ObjectProvider<Programme> programme, Step loadProgramme, Step ingest,
			Step crossCheck, Step aggregate, Step writeWorkbooks, Step writeReports, Step publish) {
		return new JobBuilder(JOB_NAME, jobRepository).listener(new RunContexts(programme))
			.listener(RunRecord.listener())
			.start(loadProgramme)
			.next(ingest)
			.next(crossCheck)
			.next(aggregate)
			.next(writeWorkbooks)
			.next(writeReports)
			.next(publish)
			.build();
	}

}
