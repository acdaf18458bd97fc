package org.unccd.cst.job;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unccd.cst.run.RunParameters;
import org.unccd.cst.CstReportsApplication;
import org.unccd.cst.PdfArchiveCheck;
import org.unccd.cst.ReportFiles;
import org.unccd.cst.TestInputs;
import org.unccd.cst.publish.Manifest;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.test.JobOperatorTestUtils;
import org.springframework.batch.test.context.SpringBatchTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Spring Batch job on its own, with the job repository in an H2 file: the steps run
 * in order, ingestion counts every row, and the data it publishes are right.
 */
@SpringBatchTest
@SpringBootTest(classes = CstReportsApplication.class)
class ReportJobTests {

	@TempDir
	static Path dir;

	@Autowired
	JobOperatorTestUtils jobs;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url",
				() -> "jdbc:h2:file:" + dir.resolve("db/jobs").toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE");
	}

	@Test
	void runsEveryStepAndPublishesTheFigures() throws Exception {
		Path input = TestInputs.write(dir.resolve("in"));
		Path output = dir.resolve("out");
		RunParameters parameters = new RunParameters(input, output, java.time.LocalDate.parse(TestInputs.AS_OF),
				List.of("en"), 1000, false);
		String digest = Manifest.digest(Manifest.inputs(input));

		JobExecution execution = this.jobs.startJob(ReportRunner.jobParameters(parameters, digest, 0));

		assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(execution.getStepExecutions()
			.stream()
			.map(StepExecution::getStepName)
			.filter((name) -> !name.contains(":"))
			.toList())
			.isEqualTo(List.of("loadProgramme", "ingest", "crossCheck", "aggregate", "writeWorkbooks", "writeReports",
					"publish"));
		// ingest reads each data file in a partition of its own, in read order
		List<StepExecution> partitions = execution.getStepExecutions()
			.stream()
			.filter((step) -> step.getStepName().startsWith("ingestFile:"))
			.sorted(java.util.Comparator.comparing(StepExecution::getStepName))
			.toList();
		List<Path> files = org.unccd.cst.ingest.DataFileItemReader.dataFiles(input);
		assertThat(partitions).hasSize(files.size());
		for (int i = 0; i < files.size(); i++) {
			assertThat(partitions.get(i).getExecutionContext().getString("file")).isEqualTo(files.get(i).toString());
			assertThat(partitions.get(i).getStatus()).isEqualTo(BatchStatus.COMPLETED);
			// a partition's name alone says which file it reads (its context may be lost)
			assertThat(org.unccd.cst.ingest.DataFilePartitioner.index(partitions.get(i).getStepName())).isEqualTo(i);
		}
		assertThat(partitions.stream().mapToLong(StepExecution::getWriteCount).sum()).isEqualTo(18);
		StepExecution ingest = execution.getStepExecutions()
			.stream()
			.filter((step) -> step.getStepName().equals("ingest"))
			.findFirst()
			.orElseThrow();
		assertThat(ingest.getReadCount()).isEqualTo(18);
		assertThat(ingest.getWriteCount()).isEqualTo(18);
		JsonNode summary = ReportFiles.json(output.resolve("T1/summary.json"));
		assertThat(summary.get("budget").get("gap").decimalValue()).isEqualByComparingTo("40000");
		assertThat(summary.get("inputs").get("rejected").asLong()).isEqualTo(4);
		PdfArchiveCheck.assertAllConform(output);
	}

}
