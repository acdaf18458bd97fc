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
	void neverLeavesOneChineseCharacterAndItsPunctuationAloneOnTheLastLine() {
		String summary = "已计划：0；已取消：0。";
		assertThat(mayBreakAfter(summary, summary.lastIndexOf('：'))).isFalse();
		assertThat(mayBreakAfter("实施的项目。", 3)).isFalse();
		// one character earlier, or with two characters left, a line may end
		assertThat(mayBreakAfter(summary, summary.lastIndexOf('：') - 2)).isTrue();
		assertThat(mayBreakAfter("实施的项目。", 2)).isTrue();
		// a word of a language that spaces its words may stand alone
		assertThat(mayBreakAfter("the last word a.", 13)).isTrue();
	}

	@Test
	void neverStartsALineWithADash() {
		String text = "уровень выполнения — 60,0 процента";
		assertThat(mayBreakAfter(text, text.indexOf('—') - 1)).isFalse();
		assertThat(mayBreakAfter(text, text.indexOf('—') + 1)).isTrue();
		assertThat(mayBreakAfter("la mise en œuvre – qui", 16)).isFalse();
	}

	@Test
	void neverBreaksAtAnApostropheInsideAWord() {
		assertThat(mayBreakAfter("don’t", 3)).isFalse();
	}

	@Test
	void keepsACurrencyWithItsAmount() {
		assertThat(mayBreakAfter("缺口为EUR 119,600.00。", 6)).isFalse();
		assertThat(mayBreakAfter("de 119 600,00 EUR, soit", 13)).isFalse();
		assertThat(mayBreakAfter("قدرها \u200F119,600.00\u200F \u200FEUR\u200F،", 18)).isFalse();
		// other spaces before a number or after capitals still break
		assertThat(mayBreakAfter("about 40 people", 5)).isTrue();
		assertThat(mayBreakAfter("the LDN indicators", 7)).isTrue();
		assertThat(mayBreakAfter("IPBES 2019", 5)).isTrue();
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
