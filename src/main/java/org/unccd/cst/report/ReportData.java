package org.unccd.cst.report;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.unccd.cst.ingest.DataTable;
import org.unccd.cst.ingest.LatestProgress;
import org.unccd.cst.ingest.StagingTotals;
import org.unccd.cst.model.Outcome;
import org.unccd.cst.model.Programme;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The text a report shows beside the figures, read from the staging tables in the
 * report's language: the latest progress summary of each outcome, findings and
 * recommendations.
 */
public class ReportData {

	private final JdbcTemplate jdbc;

	private final LocalDate asOf;

	private final String lang;

	private final List<String> outcomes;

	private Map<String, String> latest;

	private final java.util.Set<String> latestInEnglish = new java.util.HashSet<>();

	public ReportData(JdbcTemplate jdbc, Programme programme, LocalDate asOf, String lang) {
		this.jdbc = jdbc;
		this.outcomes = programme.allOutcomes().stream().map(Outcome::code).toList();
		this.asOf = asOf;
		this.lang = lang;
	}

	/** A finding on an outcome. */
	/** A finding; {@code inEnglish} when it is not given in the report's language. */
	public record Finding(String outcome, String text, LocalDate date, String sourceRef, boolean inEnglish) {
	}

	/**
	 * A recommendation drafted in the input; {@code inEnglish} when it is not given in
	 * the report's language.
	 */
	public record Drafted(String text, String addressee, int priority, boolean inEnglish) {
	}

	/**
	 * An SQL expression for a text column in the report's language when given, else the
	 * base text.
	 */
	public String localized(String column) {
		String variant = variant(column);
		return variant.equals(column) ? column : "COALESCE(NULLIF(" + variant + ", ''), " + column + ")";
	}

	/**
	 * The column of a text's variant in the report's language, the column itself if none.
	 */
	public String variant(String column) {
		return DataTable.VARIANT_LANGUAGES.contains(this.lang) ? column + "_" + this.lang : column;
	}

	/**
	 * Whether a text of the report's data comes in English because it was not given in
	 * the report's language: a finding or its source, a recommendation or a latest
	 * progress summary.
	 */
	public boolean fallsBackToEnglish(List<String> outcomes, String report) {
		if ("en".equals(this.lang)) {
			return false;
		}
		String missing = missing("summary");
		for (String outcome : this.outcomes) {
			if (!outcomes.contains(outcome)) {
				continue;
			}
			Long seq = LatestProgress.seq(this.jdbc, outcome, LatestProgress.Kind.SUMMARY, this.asOf,
					StagingTotals.covered(this.jdbc, this.asOf));
			if (seq != null && count("SELECT COUNT(*) FROM progress WHERE seq = ? AND " + missing, seq) > 0) {
				return true;
			}
		}
		for (String outcome : outcomes) {
			// a finding, or the title of its source in its footnote
			if (count(
					"SELECT COUNT(*) FROM finding WHERE outcome = ? AND (row_date IS NULL OR row_date <= ?) AND (("
							+ missing("text") + ") OR (" + missing("source_ref") + "))",
					outcome, Date.valueOf(this.asOf)) > 0) {
				return true;
			}
		}
		return count("SELECT COUNT(*) FROM recommendation WHERE report = ? AND (row_date IS NULL OR row_date <= ?) AND "
				+ missing("text"), report, Date.valueOf(this.asOf)) > 0;
	}

	/**
	 * An SQL condition: the column has text and its variant in the report's language
	 * none.
	 */
	private String missing(String column) {
		if (!DataTable.VARIANT_LANGUAGES.contains(this.lang)) {
			return "COALESCE(" + column + ", '') <> ''";
		}
		String variant = column + "_" + this.lang;
		return "COALESCE(" + column + ", '') <> '' AND COALESCE(" + variant + ", '') = ''";
	}

	private long count(String sql, Object... args) {
		Long count = this.jdbc.queryForObject(sql, Long.class, args);
		return (count != null) ? count : 0;
	}

	/** The latest progress summary of each outcome on or before the as-of date. */
	public Map<String, String> latestSummaries() {
		if (this.latest != null) {
			return this.latest;
		}
		Map<String, String> summaries = new HashMap<>();
		long covered = StagingTotals.covered(this.jdbc, this.asOf);
		for (String outcome : this.outcomes) {
			Long seq = LatestProgress.seq(this.jdbc, outcome, LatestProgress.Kind.SUMMARY, this.asOf, covered);
			if (seq != null) {
				this.jdbc.query(
						"SELECT " + localized("summary") + ", " + fallsBack("summary") + " FROM progress WHERE seq = ?",
						(rs) -> {
							summaries.put(outcome, rs.getString(1));
							if (rs.getBoolean(2)) {
								this.latestInEnglish.add(outcome);
							}
						}, seq);
			}
		}
		this.latest = summaries;
		return summaries;
	}

	/**
	 * The outcomes whose latest progress summary is in English, not given in the report's
	 * language; call after {@link #latestSummaries()}.
	 */
	public java.util.Set<String> latestInEnglish() {
		return java.util.Collections.unmodifiableSet(this.latestInEnglish);
	}

	/** An SQL expression: whether the column's text comes in English in this report. */
	private String fallsBack(String column) {
		return "en".equals(this.lang) ? "FALSE" : "(" + missing(column) + ")";
	}

	public List<Finding> findings(List<String> outcomes) {
		List<Finding> findings = new ArrayList<>();
		if (outcomes.isEmpty()) {
			return findings;
		}
		String in = String.join(",", outcomes.stream().map((o) -> "?").toList());
		List<Object> args = new ArrayList<>(outcomes);
		args.add(Date.valueOf(this.asOf));
		this.jdbc.query("SELECT outcome, " + localized("text") + ", row_date, " + localized("source_ref") + ", "
				+ fallsBack("text") + " FROM finding WHERE outcome IN (" + in
				+ ") AND (row_date IS NULL OR row_date <= ?) ORDER BY seq", (rs) -> {
					findings.add(new Finding(rs.getString(1), rs.getString(2), date(rs, 3), rs.getString(4),
							rs.getBoolean(5)));
				}, args.toArray());
		return findings;
	}

	public List<Drafted> recommendations(String report) {
		List<Drafted> drafted = new ArrayList<>();
		this.jdbc.query("SELECT " + localized("text") + ", " + localized("addressee") + ", priority, "
				+ fallsBack("text") + " FROM recommendation WHERE report = ? AND (row_date IS NULL OR row_date <= ?) "
				+ "ORDER BY priority, seq", (rs) -> {
					drafted.add(new Drafted(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getBoolean(4)));
				}, report, Date.valueOf(this.asOf));
		return drafted;
	}

	private static LocalDate date(ResultSet rs, int column) throws SQLException {
		Date date = rs.getDate(column);
		return (date != null) ? date.toLocalDate() : null;
	}

}
