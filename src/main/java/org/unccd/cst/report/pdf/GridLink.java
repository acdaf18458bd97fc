package org.unccd.cst.report.pdf;

/** A link to a named destination, and what it says to a reader. */
record GridLink(String destination, String description) {
}
