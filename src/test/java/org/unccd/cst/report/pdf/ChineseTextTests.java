package org.unccd.cst.report.pdf;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Tests for {@link ChineseText}: the spaces and punctuation of Chinese typesetting. */
class ChineseTextTests {

	@Test
	void noSpaceBetweenChineseAndLatinLettersOrDigits() {
		assertThat(ChineseText.typeset("本文件报告截至 2019年12月31日 的进展情况")).isEqualTo("本文件报告截至2019年12月31日的进展情况");
		assertThat(ChineseText.typeset("科学与政策联系平台对 IPBES 全球评估")).isEqualTo("科学与政策联系平台对IPBES全球评估");
		assertThat(ChineseText.typeset("表 1 列出")).isEqualTo("表1列出");
	}

	@Test
	void fullWidthPunctuationAfterChinese() {
		assertThat(ChineseText.typeset("相关概述; C2 在政府间")).isEqualTo("相关概述；C2在政府间");
		assertThat(ChineseText.typeset("已完成, 总体完成 100.0%")).isEqualTo("已完成，总体完成100.0%");
		assertThat(ChineseText.typeset("编号: C1")).isEqualTo("编号：C1");
		assertThat(ChineseText.typeset("“零增长”, 以及")).isEqualTo("“零增长”，以及");
	}

	@Test
	void fullWidthBracketsAroundOrAfterChinese() {
		assertThat(ChineseText.typeset("政府间科学与政策平台(IPBES)开展")).isEqualTo("政府间科学与政策平台（IPBES）开展");
		assertThat(ChineseText.typeset("已定稿。 (2019年2月12日)")).isEqualTo("已定稿。（2019年2月12日）");
		assertThat(ChineseText.typeset("金额 (EUR)")).isEqualTo("金额（EUR）");
		assertThat(ChineseText.typeset("第 19 段(b)")).isEqualTo("第19段（b）");
	}

	@Test
	void leavesCodesAmountsAndEnglishAsTheyAre() {
		assertThat(ChineseText.typeset("根据 ICCD/COP(13)/CST/7 号文件")).isEqualTo("根据ICCD/COP(13)/CST/7号文件");
		assertThat(ChineseText.typeset("支出 1,250.00 欧元")).isEqualTo("支出1,250.00欧元");
		String english = "Invite Parties to use the “guidance” note (with the GM), first; then report.";
		assertThat(ChineseText.typeset(english)).isEqualTo(english);
		assertThat(ChineseText.typeset("见 " + english)).isEqualTo("见" + english);
	}

	@Test
	void seesThroughTheMarksOfAQuotation() {
		String quoted = Quoted.in("en", "Land degradation (LDN), a note");
		// the spaces around the quotation go; its own brackets, and a semicolon after
		// its English, stay half-width
		assertThat(ChineseText.typeset("报告 " + quoted + " 以及")).isEqualTo("报告" + quoted + "以及");
		assertThat(ChineseText.typeset("报告 " + quoted + "; 以及")).isEqualTo("报告" + quoted + ";以及");
	}

}
