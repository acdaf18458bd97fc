package org.unccd.cst.job;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.unccd.cst.run.JsonFiles;
import org.unccd.cst.run.RunRecord;
import org.unccd.cst.run.RunParameters;
import org.unccd.cst.publish.StagedFiles;
import org.unccd.cst.run.Summary;
import org.unccd.cst.ingest.LedgerFiles;
import org.unccd.cst.ingest.StagingSchema;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Starts the job for a run, or resumes the run that died with the same parameters and
 * inputs, and turns its result into the contract's exit code.
 */
@Component
public class ReportRunner {

	private static final Logger log = LoggerFactory.getLogger(ReportRunner.class);

	private final JobOperator jobOperator;

	private final JobRepository jobRepository;

	private final Job job;

	private final JdbcTemplate jdbc;

	ReportRunner(JobOperator jobOperator, JobRepository jobRepository, Job job, JdbcTemplate jdbc) {
		this.jobOperator = jobOperator;
		this.jobRepository = jobRepository;
		this.job = job;
		this.jdbc = jdbc;
	}

	/**
	 * The result of a run.
	 *
	 * @param published whether the job completed and published its set
	 * @param rejected how many rows the published set rejected
	 * @param messages what to tell the user
	 */
	public record Result(boolean published, long rejected, List<String> messages) {
	}

	public Result run(RunParameters parameters, String session, String inputDigest) throws Exception {
		JobExecution execution = null;
		for (long generation = 0; execution == null; generation++) {
			JobParameters jobParameters = jobParameters(parameters, inputDigest, generation);
			JobExecution last = this.jobRepository.getLastJobExecution(this.job.getName(), jobParameters);
			if (last == null && this.jobRepository.getJobInstance(this.job.getName(), jobParameters) != null) {
				// a kill lost the execution the instance was made for (the job database
				// writes its commits to disk a moment later): nothing of it can be
				// resumed, and the next generation is a new run
				log.warn("A run with these parameters was killed before its start was recorded; starting afresh");
				continue;
			}
			if (last == null) {
				execution = this.jobOperator.start(this.job, jobParameters);
			}
			else if (last.getStatus() == BatchStatus.FAILED || last.getStatus() == BatchStatus.STOPPED
					|| last.getStatus().isRunning()) {
				if (stagingBelongsToAnother(last)) {
					// another run rebuilt the staging tables since: this one cannot go on
					// where it stopped
					log.info("Execution {} cannot be resumed: its staging tables were rebuilt by another run; "
							+ "starting afresh", last.getId());
					if (last.getStatus().isRunning()) {
						recoverKilled(last);
					}
					abandon(last, "not resumed: another run had rebuilt its staging tables");
					continue;
				}
				String damage = StagedFiles.damage(last, last.getStepExecutions()
					.stream()
					.map((step) -> this.jobRepository.getLastStepExecution(last.getJobInstance(), step.getStepName()))
					.toList());
				if (damage == null) {
					damage = new LedgerFiles(this.jdbc, LedgerFiles.dir(parameters.output())).damage();
				}
				if (damage != null) {
					// a resume trusts only what it has checked: the run starts again
					log.warn("Execution {} cannot be resumed: {}; running again from the start", last.getId(), damage);
					if (last.getStatus().isRunning()) {
						recoverKilled(last);
					}
					abandon(last, "not resumed: " + damage + "; run again from the start");
					continue;
				}
				execution = resume(last);
			}
			// a completed (or abandoned) instance with these parameters: the next
			// generation is a new run
		}
		if (execution.getStatus() == BatchStatus.STOPPED) {
			long committed = execution.getStepExecutions()
				.stream()
				.filter((step) -> !RunRecord.isPartition(step))
				.mapToLong((step) -> RunRecord.counts(step)[1])
				.sum();
			return new Result(false, 0,
					List.of("The run was stopped at a chunk boundary, " + committed
							+ " rows committed; nothing was published and the previous set, if any, is unchanged. "
							+ "Run it again with the same parameters (or restart it) to resume where it stopped."));
		}
		if (execution.getStatus() != BatchStatus.COMPLETED) {
			List<String> messages = new ArrayList<>();
			for (Throwable failure : execution.getAllFailureExceptions()) {
				// a partition's failure is told once, not again as its step's
				if (!StepLog.PARTITION_FAILED.equals(failure.getMessage())) {
					messages.add(rootMessage(failure));
				}
			}
			messages.add("The run failed; nothing was published and the previous set, if any, is unchanged. "
					+ "Fix the cause and run again.");
			return new Result(false, 0, messages);
		}
		Path summaryFile = parameters.output().resolve(session).resolve("summary.json");
		Summary summary = JsonFiles.read(summaryFile, Summary.class);
		long rejected = summary.inputs().rejected() + summary.proposals().rejected();
		List<String> messages = new ArrayList<>();
		messages.add("Published " + parameters.output().resolve(session) + " (" + summary.inputs().accepted()
				+ " rows accepted, " + rejected + " rejected)");
		if (rejected > 0) {
			messages.add("Rejected rows are listed, with the reason, in "
					+ parameters.output().resolve(session).resolve("rejects.csv"));
		}
		return new Result(true, rejected, messages);
	}

	private boolean stagingBelongsToAnother(JobExecution last) {
		StepExecution load = this.jobRepository.getLastStepExecution(last.getJobInstance(), "loadProgramme");
		if (load == null || load.getStatus() != BatchStatus.COMPLETED) {
			// the step that builds the staging tables will run again: whatever they hold
			// is replaced
			return false;
		}
		List<Long> owner;
		try {
			owner = this.jdbc.queryForList("SELECT instance_id FROM " + StagingSchema.OWNER, Long.class);
		}
		catch (DataAccessException ex) {
			return true;
		}
		return owner.isEmpty() || owner.get(0) != last.getJobInstance().getInstanceId();
	}

	private JobExecution resume(JobExecution last) throws Exception {
		if (last.getStatus().isRunning()) {
			// we hold the output lock, so the process that ran it is gone: it was killed
			log.warn("The previous run (execution {}, started {}) was interrupted; recovering it", last.getId(),
					last.getStartTime());
			recoverKilled(last);
			last = this.jobRepository.getJobExecution(last.getId());
		}
		List<String> done = new ArrayList<>();
		String resumeAt = null;
		for (StepExecution step : last.getStepExecutions()
			.stream()
			.filter((step) -> !RunRecord.isPartition(step))
			.sorted(Comparator.comparing(StepExecution::getId))
			.toList()) {
			if (step.getStatus() == BatchStatus.COMPLETED) {
				done.add(step.getStepName());
			}
			else if (resumeAt == null) {
				resumeAt = step.getStepName() + " (" + RunRecord.counts(step)[1] + " rows already committed)";
			}
		}
		log.info("Resuming the run of execution {}: steps done {}; resuming at {}", last.getId(), done,
				(resumeAt != null) ? resumeAt : "the next step");
		return this.jobOperator.restart(last);
	}

	/** Recovers an execution whose process was killed, and records that it was. */
	private void recoverKilled(JobExecution killed) throws Exception {
		this.jobOperator.recover(killed);
		JobExecution recovered = this.jobRepository.getJobExecution(killed.getId());
		recovered.getExecutionContext().putString(RunRecord.INTERRUPTED, "true");
		this.jobRepository.updateExecutionContext(recovered);
	}

	/** Abandons an execution that cannot be resumed, and records why. */
	private void abandon(JobExecution last, String why) throws Exception {
		JobExecution execution = this.jobRepository.getJobExecution(last.getId());
		this.jobOperator.abandon(execution);
		execution = this.jobRepository.getJobExecution(last.getId());
		execution.getExecutionContext().putString(RunRecord.NOT_RESUMED, why);
		this.jobRepository.updateExecutionContext(execution);
	}

	static JobParameters jobParameters(RunParameters parameters, String inputDigest, long generation) {
		return new JobParametersBuilder().addString(RunParameters.INPUT, parameters.input().toString())
			.addString(RunParameters.OUTPUT, parameters.output().toString())
			.addString(RunParameters.AS_OF, parameters.asOf().toString())
			.addString(RunParameters.LANG, String.join(",", parameters.languages()))
			.addLong(RunParameters.MAX_REJECTS, parameters.maxRejects())
			.addString(RunParameters.INPUT_DIGEST, inputDigest)
			.addLong(RunParameters.GENERATION, generation)
			.toJobParameters();
	}

	public static String rootMessage(Throwable failure) {
		Throwable root = NestedExceptionUtils.getMostSpecificCause(failure);
		if (root instanceof java.nio.file.NoSuchFileException || root instanceof java.io.FileNotFoundException) {
			// a file the run itself staged: never a bare path
			return "a file of the run is missing: " + root.getMessage()
					+ "; run again: a run whose staged files are missing or damaged starts afresh";
		}
		return (root.getMessage() != null) ? root.getMessage() : root.toString();
	}

}
