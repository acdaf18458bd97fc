package org.unccd.cst.report.pdf;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Tests for {@link LogicalUnicode}: shaped Arabic glyphs map back to their letters. */
class LogicalUnicodeTests {

	@Test
	void mapsAPresentationFormToItsLetter() {
		// ALEF final form
		assertThat(LogicalUnicode.logical(new int[] { 7, 500, 0xFE8E })).containsExactly(7, 500, 0x0627);
	}

	@Test
	void mapsALigatureToItsTwoLettersInTheOrderOfTheLine() {
		// LAM WITH ALEF: lam then alef in logical order, alef first on a right-to-left
		// line
		assertThat(LogicalUnicode.logical(new int[] { 9, 400, 0xFEFB })).containsExactly(9, 400, 0x0627, 0x0644);
	}

	@Test
	void leavesOtherCharactersAsTheyAre() {
		int[] latin = { 3, 300, 'A' };
		assertThat(LogicalUnicode.logical(latin)).isSameAs(latin);
		int[] base = { 4, 300, 0x0645 };
		assertThat(LogicalUnicode.logical(base)).isSameAs(base);
	}

}
