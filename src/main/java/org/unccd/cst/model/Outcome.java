package org.unccd.cst.model;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * An expected outcome of a work item.
 *
 * @param code the unique code
 * @param title what was promised
 * @param due the due date, or {@code null}
 * @param weight the weight in its work items' percent (default 1)
 * @param workItem the code of the work item it belongs to
 */
public record Outcome(String code, Text title, LocalDate due, BigDecimal weight, String workItem) {
}
