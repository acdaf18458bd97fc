package org.unccd.cst.model;

import java.util.List;

/**
 * An objective or coordination activity of the work programme.
 *
 * @param code the unique code
 * @param kind {@code objective} or {@code coordination}
 * @param title the title
 * @param parent the parent's code, or {@code null} at the top
 * @param children the sub-items
 * @param outcomes the expected outcomes of this item itself
 */
public record WorkItem(String code, String kind, Text title, String parent, List<WorkItem> children,
		List<Outcome> outcomes) {

	void collect(List<WorkItem> into) {
		into.add(this);
		this.children.forEach((child) -> child.collect(into));
	}

	/** The outcomes of this item and of its whole subtree, in programme order. */
	public List<Outcome> subtreeOutcomes() {
		return subtree().stream().flatMap((item) -> item.outcomes().stream()).toList();
	}

	/** This item and all its descendants, in programme order. */
	public List<WorkItem> subtree() {
		List<WorkItem> all = new java.util.ArrayList<>();
		collect(all);
		return all;
	}

}
