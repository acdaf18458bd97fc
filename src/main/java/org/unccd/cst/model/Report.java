package org.unccd.cst.model;

import java.util.List;

/**
 * One document to publish, in every requested language.
 *
 * @param id the report id, which names its PDF files
 * @param symbol the UN document symbol, or {@code null}
 * @param title the report's title
 * @param covers codes of the work items the report covers, each with its subtree
 */
public record Report(String id, String symbol, Text title, List<String> covers) {
}
