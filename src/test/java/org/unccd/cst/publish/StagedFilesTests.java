package org.unccd.cst.publish;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.test.MetaDataInstanceFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The last check before a set goes out: the files in the staging folder are the files the
 * staging steps recorded as they ended, byte for byte, none missing and none added.
 */
class StagedFilesTests {

	private static final String A = "a".repeat(64);

	private static final String B = "b".repeat(64);

	@Test
	void aSetAsStagedPasses() {
		List<StepExecution> steps = steps(
				A + " 10 1 7/obj.en.pdf\n" + B + " 20 1 7/summary.json\n" + A + " 5 1 7.inputs.json");
		assertThat(StagedFiles.unlike(steps, "7",
				List.of(new Manifest.FileEntry("obj.en.pdf", A, 10), new Manifest.FileEntry("summary.json", B, 20))))
			.isNull();
	}

	@Test
	void aFileChangedMissingOrAddedSinceItWasStagedIsNamed() {
		List<StepExecution> steps = steps(A + " 10 1 7/obj.en.pdf\n" + B + " 20 1 7/summary.json");
		assertThat(StagedFiles.unlike(steps, "7",
				List.of(new Manifest.FileEntry("obj.en.pdf", A, 0), new Manifest.FileEntry("summary.json", B, 20))))
			.isEqualTo("the staged file obj.en.pdf changed after it was written");
		assertThat(StagedFiles.unlike(steps, "7",
				List.of(new Manifest.FileEntry("obj.en.pdf", B, 10), new Manifest.FileEntry("summary.json", B, 20))))
			.isEqualTo("the staged file obj.en.pdf changed after it was written");
		assertThat(StagedFiles.unlike(steps, "7", List.of(new Manifest.FileEntry("obj.en.pdf", A, 10))))
			.isEqualTo("the staged file summary.json is missing");
		assertThat(StagedFiles.unlike(steps, "7",
				List.of(new Manifest.FileEntry("obj.en.pdf", A, 10), new Manifest.FileEntry("summary.json", B, 20),
						new Manifest.FileEntry("extra.pdf", A, 10))))
			.isEqualTo("the file extra.pdf was not staged by this run");
	}

	@Test
	void theLastStagingStepsRecordCountsAndAResumedPublicationIsLeftToTheResumeCheck() {
		StepExecution first = MetaDataInstanceFactory.createStepExecution("aggregate", 1L);
		first.setStatus(BatchStatus.COMPLETED);
		first.getExecutionContext().putString(StagedFiles.KEY, B + " 20 1 7/summary.json");
		List<StepExecution> steps = new java.util.ArrayList<>(List.of(first));
		steps.addAll(steps(A + " 10 1 7/obj.en.pdf\n" + B + " 20 1 7/summary.json"));
		assertThat(StagedFiles.unlike(steps, "7", List.of(new Manifest.FileEntry("summary.json", B, 20))))
			.isEqualTo("the staged file obj.en.pdf is missing");
		assertThat(StagedFiles.unlike(List.of(), "7", List.of(new Manifest.FileEntry("summary.json", B, 20)))).isNull();
	}

	private static List<StepExecution> steps(String record) {
		StepExecution step = MetaDataInstanceFactory.createStepExecution("writeReports", 2L);
		step.setStatus(BatchStatus.COMPLETED);
		step.getExecutionContext().putString(StagedFiles.KEY, record);
		return List.of(step);
	}

}
