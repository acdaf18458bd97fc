package org.unccd.cst.report.pdf;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Tests for {@link LineBreaks}: where a line of a report may end. */
class LineBreaksTests {

	@Test
	void neverBreaksBeforeChineseClosingPunctuation() {
		assertThat(mayBreakAfter("土地，退化", 1)).isFalse();
		assertThat(mayBreakAfter("土地。", 1)).isFalse();
	}

	@Test
	void breaksAfterChinesePunctuationAndBetweenIdeographs() {
		assertThat(mayBreakAfter("土地，退化", 2)).isTrue();
		assertThat(mayBreakAfter("土地退化", 1)).isTrue();
	}

	@Test
	void neverBreaksAfterOpeningPunctuation() {
		assertThat(mayBreakAfter("（土地）", 0)).isFalse();
		assertThat(mayBreakAfter("「土地」", 0)).isFalse();
	}

	@Test
	void neverStartsALineWithAClosingQuotationMark() {
		// ” is ambiguous in Unicode (class QU): between two ideographs it must go with
		// the text before it
		String text = "衡量实现“零增长”进展";
		assertThat(mayBreakAfter(text, text.indexOf('长'))).isFalse();
		assertThat(mayBreakAfter("实现‘零’进", 3)).isFalse();
		// and a line may end after it
		assertThat(mayBreakAfter(text, text.indexOf('”'))).isTrue();
	}

	@Test
	void neverEndsALineWithAnOpeningQuotationMark() {
		String text = "衡量实现“零增长”进展";
		assertThat(mayBreakAfter(text, text.indexOf('“'))).isFalse();
		assertThat(mayBreakAfter("实现‘零’", 2)).isFalse();
		assertThat(mayBreakAfter("进展《全球》", 2)).isFalse();
		// before it a line may end
		assertThat(mayBreakAfter(text, text.indexOf('“') - 1)).isTrue();
	}

	@Test
	void everyClosingMarkOfTheChineseRulesStaysOffTheStartOfALine() {
		for (char closing : "。，、；：？！）」』”’》〉】｡｣､.,;:?!)".toCharArray()) {
			assertThat(mayBreakAfter("土地" + closing + "退化", 1)).as(String.valueOf(closing)).isFalse();
		}
		for (char opening : "（「『“‘《〈【｢(".toCharArray()) {
			assertThat(mayBreakAfter("土地" + opening + "退化", 2)).as(String.valueOf(opening)).isFalse();
		}
	}

	@Test
	void neverBreaksAtAnApostropheInsideAWord() {
		assertThat(mayBreakAfter("don’t", 3)).isFalse();
	}

	@Test
	void keepsCodesAndYearSpansWhole() {
		assertThat(mayBreakAfter("O1.1-a", 4)).isFalse();
		assertThat(mayBreakAfter("2018-2019", 4)).isFalse();
	}

	@Test
	void breaksAtTheHyphenOfACompoundWordAndAtSpaces() {
		assertThat(mayBreakAfter("Science-Policy", 7)).isTrue();
		assertThat(mayBreakAfter("land degradation", 4)).isTrue();
	}

	@Test
	void neverBreaksInsideAWord() {
		assertThat(mayBreakAfter("Execution", 7)).isFalse();
		assertThat(mayBreakAfter("завершено", 6)).isFalse();
	}

	private static boolean mayBreakAfter(String text, int index) {
		char[] chars = text.toCharArray();
		return LineBreaks.INSTANCE.isSplitCharacter(0, index, chars.length, chars, null);
	}

}
