package org.unccd.cst.model;

import java.math.BigDecimal;

/**
 * A line of the programme budget.
 *
 * @param code the unique code expenditures are booked against
 * @param title the title
 * @param source {@code core} or {@code extrabudgetary}
 * @param amount the budgeted amount in the programme currency
 */
public record BudgetLine(String code, Text title, String source, BigDecimal amount) {
}
