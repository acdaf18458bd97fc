package org.unccd.cst.report.pdf;

import java.util.Arrays;
import java.util.List;

/** The hyphenation points of a word, for the tests of other packages. */
public final class HyphenationPoints {

	private HyphenationPoints() {
	}

	/** Where {@code word} may break in {@code lang}, as the reports break it. */
	public static List<Integer> of(String lang, String word) {
		return Arrays.stream(Hyphenator.of(lang).points(word)).boxed().toList();
	}

}
