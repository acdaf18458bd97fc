package org.unccd.cst.report.pdf;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Tests for {@link ReportLayout}'s handling of the data's sentences. */
class ReportLayoutTests {

	@Test
	void aSentenceOfTheDataWithoutAFullStopGetsOne() {
		assertThat(ReportLayout.sentence("Invite parties to use the guidance note"))
			.isEqualTo("Invite parties to use the guidance note.");
		assertThat(ReportLayout.sentence("邀请缔约方使用技术指导说明")).isEqualTo("邀请缔约方使用技术指导说明。");
		assertThat(ReportLayout.sentence("يدعو الأطراف إلى استخدام المذكرة"))
			.isEqualTo("يدعو الأطراف إلى استخدام المذكرة.");
	}

	@Test
	void aSentenceThatEndsAlreadyKeepsItsEnd() {
		assertThat(ReportLayout.sentence("Is it feasible?")).isEqualTo("Is it feasible?");
		assertThat(ReportLayout.sentence("It said “all done.”")).isEqualTo("It said “all done.”");
		assertThat(ReportLayout.sentence("已完成。 ")).isEqualTo("已完成。");
		assertThat(ReportLayout.sentence("(see the note.)")).isEqualTo("(see the note.)");
		assertThat(ReportLayout.sentence("")).isEmpty();
	}

}
