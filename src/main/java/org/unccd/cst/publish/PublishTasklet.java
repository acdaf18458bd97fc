package org.unccd.cst.publish;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.unccd.cst.run.JsonFiles;
import org.unccd.cst.run.RunContext;
import org.unccd.cst.run.RunParameters;
import org.unccd.cst.run.RunRecord;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Writes the manifest into the staging folder and publishes the whole set at once.
 */
public class PublishTasklet implements Tasklet {

	private static final Logger log = LoggerFactory.getLogger(PublishTasklet.class);

	private final int keepHistory;

	/**
	 * A publication that keeps {@code keepHistory} earlier summaries of the session for
	 * {@code --diff}.
	 */
	public PublishTasklet(int keepHistory) {
		this.keepHistory = keepHistory;
	}

	/**
	 * Where the first step records the input files it found, beside the staging folder.
	 */
	public static Path inputsFile(RunContext run) {
		return run.stagingDir().resolveSibling(run.stagingDir().getFileName() + ".inputs.json");
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
		RunParameters parameters = RunParameters
			.from(chunkContext.getStepContext().getStepExecution().getJobExecution().getJobParameters());
		Path recorded = parameters.stagingDir(
				chunkContext.getStepContext().getStepExecution().getJobExecution().getJobInstance().getInstanceId());
		Path inputsFile = recorded.resolveSibling(recorded.getFileName() + ".inputs.json");
		if (Files.exists(recorded) && Files.exists(inputsFile)) {
			// one programme per run: what the steps read must be what the run began with
			InputsCheck.assertUnchanged(List.of(JsonFiles.read(inputsFile, Manifest.FileEntry[].class)),
					parameters.input());
		}
		RunContext run = RunContext.of(chunkContext);
		Path staging = run.stagingDir();
		String session = run.programme().session();
		if (Files.exists(staging)) {
			RunParameters p = run.parameters();
			// the inputs as they were when the run began, so that a file changed since
			// makes the next run work
			List<Manifest.FileEntry> inputs = List.of(JsonFiles.read(inputsFile(run), Manifest.FileEntry[].class));
			Manifest manifest = new Manifest(session, Manifest.currentGenerator(),
					new Manifest.Parameters(p.input().toString(), p.asOf(), p.languages(), p.maxRejects()),
					run.inputDigest(), inputs, Manifest.outputs(staging));
			// what goes out is what the steps wrote, byte for byte
			String unlike = StagedFiles.unlike(
					List.copyOf(chunkContext.getStepContext().getStepExecution().getJobExecution().getStepExecutions()),
					staging.getFileName().toString(), manifest.outputs());
			if (unlike != null) {
				throw new IllegalStateException(
						"Nothing was published: " + unlike + "; the next run writes the set again");
			}
			JsonFiles.write(staging.resolve(Manifest.FILE), manifest);
			Publisher.publish(staging, p.output(), session, this.keepHistory);
		}
		// else: a restart after the move; the set is already in place
		try (var files = Files.list(run.publishedDir())) {
			// the set's own files: the templates kept beside it are not part of it
			RunRecord.of(chunkContext)
				.putLong(RunRecord.PUBLISHED_FILES,
						files.filter(Files::isRegularFile)
							.filter((file) -> !Manifest.isTemplate(file.getFileName().toString()))
							.count());
		}
		log.info("Published {}", run.publishedDir());
		return RepeatStatus.FINISHED;
	}

}
