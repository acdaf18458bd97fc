package org.unccd.cst.model;

import java.math.BigDecimal;

/**
 * Resources secured when the programme was adopted.
 *
 * @param title the title
 * @param source {@code core} or {@code extrabudgetary}
 * @param amount the amount in the programme currency
 */
public record Funding(Text title, String source, BigDecimal amount) {
}
