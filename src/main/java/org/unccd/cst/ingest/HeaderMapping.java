package org.unccd.cst.ingest;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Maps a header row onto a table's columns, in any order, and turns data rows into
 * records; a header that lacks a required column makes every row a rejected one.
 */
final class HeaderMapping {

	private final DataTable table;

	private final int[] positions;

	private final int width;

	private final RawRecord.Problem headerProblem;

	HeaderMapping(DataTable table, List<String> header) {
		this.table = table;
		this.width = header.size();
		this.positions = new int[table.columns().size()];
		java.util.Arrays.fill(this.positions, -1);
		Map<String, Integer> seen = new HashMap<>();
		RawRecord.Problem problem = null;
		for (int i = 0; i < header.size(); i++) {
			String name = normalize(header.get(i));
			if (name.isEmpty()) {
				continue;
			}
			Integer before = seen.put(name, i);
			int column = table.column(name);
			if (before != null && column >= 0 && problem == null) {
				problem = new RawRecord.Problem(name, "", "column \"" + name + "\" appears twice in the header");
			}
			if (column >= 0) {
				this.positions[column] = i;
			}
		}
		for (String required : table.required()) {
			if (problem == null && this.positions[table.column(required)] < 0) {
				problem = new RawRecord.Problem(required, "", "the header has no column \"" + required
						+ "\" (required in " + table.prefix() + ": " + String.join(", ", table.required()) + ")");
			}
		}
		this.headerProblem = problem;
	}

	static String normalize(String name) {
		String stripped = (name.startsWith("\uFEFF") ? name.substring(1) : name).strip();
		return stripped.toLowerCase(Locale.ROOT).replace(' ', '_');
	}

	/**
	 * A record from a row of fields.
	 * @param strictWidth whether the row must have as many fields as the header (CSV)
	 */
	RawRecord record(long seq, int sourceId, String source, long line, List<String> fields, boolean strictWidth) {
		String[] values = new String[this.positions.length];
		for (int column = 0; column < this.positions.length; column++) {
			int at = this.positions[column];
			values[column] = (at >= 0 && at < fields.size()) ? fields.get(at) : null;
		}
		RawRecord.Problem problem = this.headerProblem;
		if (problem == null && strictWidth && fields.size() != this.width) {
			problem = new RawRecord.Problem("", "", "expected " + this.width + " fields, found " + fields.size());
		}
		return new RawRecord(seq, sourceId, source, this.table, line, values, problem);
	}

	String columnAt(int field) {
		for (int column = 0; column < this.positions.length; column++) {
			if (this.positions[column] == field) {
				return this.table.columns().get(column);
			}
		}
		return "";
	}

}
