package org.unccd.cst.ingest;

import java.util.List;

/** What proposals.csv holds that the summary counts by. */
public final class Proposals {

	/** The clusters a proposal's topic can belong to, in the summary's order. */
	public static final List<String> CLUSTERS = List.of("a.i", "a.ii", "a.iii", "b", "c", "*", "-");

	/**
	 * The source id of proposals.csv, which is reference data and not counted in inputs.
	 */
	public static final int SOURCE = -1;

	private Proposals() {
	}

}
