package org.unccd.cst.report.pdf;

import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.openpdf.text.Font;
import org.openpdf.text.Phrase;
import org.openpdf.text.pdf.BaseFont;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Tests for {@link ColumnWidths}: no column narrower than its longest word. */
class ColumnWidthsTests {

	private static final BaseFont FONT = new PdfFonts("test", false, "en").regular();

	@Test
	void widensANarrowColumnToItsLongestWordAndTakesTheRoomFromTheOthers() {
		ColumnWidths widths = new ColumnWidths(new float[] { 1, 8, 1 }, Locale.ENGLISH);
		widths.measure(2, phrase("Execution %"), 9);

		float[] result = widths.widths(400);

		assertThat(result[2]).isGreaterThanOrEqualTo(FONT.getWidthPoint("Execution", 9));
		assertThat(result[0] + result[1] + result[2]).isCloseTo(400, within(0.01f));
		assertThat(result[1] / result[0]).isCloseTo(8, within(0.01f));
	}

	@Test
	void keepsTheRelativeWidthsWhenEveryWordFits() {
		ColumnWidths widths = new ColumnWidths(new float[] { 1, 3 }, Locale.ENGLISH);
		widths.measure(0, phrase("Code"), 9);

		assertThat(widths.widths(400)).containsExactly(100f, 300f);
	}

	@Test
	void measuresChineseByCharacterNotByRun() {
		ColumnWidths widths = new ColumnWidths(new float[] { 1, 9 }, Locale.CHINESE);
		widths.measure(0, new PdfFonts("test", false, "en").phrase("最新进展情况汇报", 9), 9);

		// one ideograph and the padding, not the whole run
		assertThat(widths.widths(400)[0]).isEqualTo(40f);
	}

	@Test
	void aWordWiderThanTheTableTakesTheRoomLeftAndTheOtherColumnsKeepTheirWordsWhole() {
		ColumnWidths widths = new ColumnWidths(new float[] { 1, 3, 1 }, Locale.ENGLISH);
		widths.measure(0, phrase("Execution"), 9);
		widths.measure(1, phrase("Landdegradationneutrality".repeat(6)), 9);
		widths.measure(2, phrase("Implementation"), 9);

		float[] result = widths.widths(400);

		assertThat(result[0]).isGreaterThanOrEqualTo(FONT.getWidthPoint("Execution", 9) + 4);
		assertThat(result[2]).isGreaterThanOrEqualTo(FONT.getWidthPoint("Implementation", 9) + 4);
		assertThat(result[0] + result[1] + result[2]).isCloseTo(400, within(0.01f));
		assertThat(result[1]).isGreaterThan(200);
	}

	private static Phrase phrase(String text) {
		return new Phrase(text, new Font(FONT, 9));
	}

}
