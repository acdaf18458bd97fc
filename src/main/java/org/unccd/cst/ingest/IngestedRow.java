package org.unccd.cst.ingest;

/**
 * A record after validation: typed values for its staging table, or the problem that
 * rejects it.
 *
 * @param raw the record as read
 * @param values typed values of {@link DataTable#columns()} when accepted
 * @param problem the reason for rejection, or {@code null} when accepted
 */
public record IngestedRow(RawRecord raw, Object[] values, RawRecord.Problem problem) {

	public boolean accepted() {
		return this.problem == null && !this.raw.isEmptySource();
	}

}
