package org.unccd.cst.report;

/**
 * The colours of the charts, as RGB values: the PDF reports draw their figures in them
 * and the workbook's charts fill their series with them, so that a figure looks the same
 * printed from either.
 */
public final class ChartColours {

	/** Funding secured; work in progress. */
	public static final int SECURED = 0x0072B2;

	/** The budget gap; work delayed. */
	public static final int GAP = 0xD55E00;

	/** Spent. */
	public static final int SPENT = 0x004978;

	/** A budget line's amount not yet spent. */
	public static final int UNSPENT = 0xA6CEE3;

	/** Work completed. */
	public static final int COMPLETED = 0x009E73;

	/** Work cancelled. */
	public static final int CANCELLED = 0x787878;

	/** Work not started, or of no known status. */
	public static final int NOT_STARTED = 0xAAAAAA;

	private ChartColours() {
	}

	/** The colour of an outcome's or work item's status ({@code completed} and so on). */
	public static int status(String status) {
		return switch (status) {
			case "completed" -> COMPLETED;
			case "in_progress" -> SECURED;
			case "delayed" -> GAP;
			case "cancelled" -> CANCELLED;
			default -> NOT_STARTED;
		};
	}

}
