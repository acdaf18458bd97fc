package org.unccd.cst.report.pdf;

import java.util.List;

/** A row: its cells, and the width of the rules above and below (0 for none). */
record GridRow(List<GridCell> cells, float ruleAbove, float ruleBelow, boolean boxed) {

	GridRow(List<GridCell> cells, float ruleAbove, float ruleBelow) {
		this(cells, ruleAbove, ruleBelow, false);
	}

}
