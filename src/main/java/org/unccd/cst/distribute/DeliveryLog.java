package org.unccd.cst.distribute;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The delivery log, a table of the job database: one row per recipient and set of files,
 * with its status ({@code sent}, {@code failed}, or {@code superseded} when a later set
 * reached the recipient), the attempts made, the time of the last one and its error. A
 * recipient is never sent a set that the log records as sent to it.
 */
final class DeliveryLog {

	static final String TABLE = "delivery_log";

	static final String SENT = "sent";

	static final String FAILED = "failed";

	static final String SUPERSEDED = "superseded";

	private final JdbcTemplate jdbc;

	DeliveryLog(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
		jdbc.execute("CREATE TABLE IF NOT EXISTS " + TABLE + " (party VARCHAR(1000) NOT NULL, "
				+ "email VARCHAR(320) NOT NULL, set_digest VARCHAR(64) NOT NULL, session VARCHAR(1000) NOT NULL, "
				+ "as_of VARCHAR(10) NOT NULL, languages VARCHAR(100) NOT NULL, formats VARCHAR(20) NOT NULL, "
				+ "files VARCHAR(20000) NOT NULL, status VARCHAR(20) NOT NULL, attempts INT NOT NULL, "
				+ "updated TIMESTAMP WITH TIME ZONE NOT NULL, error VARCHAR(2000), "
				+ "PRIMARY KEY (party, email, set_digest))");
	}

	/** A row of the log. */
	record Entry(String party, String email, String setDigest, String status, int attempts, OffsetDateTime updated,
			String error) {
	}

	/**
	 * The log's row for this address and set, or {@code null}; a set sent to the address
	 * is found whatever the party's wording and the case and surrounding space of the
	 * address, so that an edit of distribution.csv never sends the same set again. A row
	 * that says the set was sent wins over one that says it failed.
	 */
	Entry find(String email, String setDigest) {
		List<Entry> entries = this.jdbc.query(
				"SELECT party, email, set_digest, status, attempts, updated, error FROM " + TABLE
						+ " WHERE LOWER(TRIM(email)) = ? AND set_digest = ? ORDER BY CASE status WHEN '" + SENT
						+ "' THEN 0 ELSE 1 END, updated DESC",
				(rs, n) -> new Entry(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5),
						rs.getObject(6, OffsetDateTime.class), rs.getString(7)),
				key(email), setDigest);
		return entries.isEmpty() ? null : entries.get(0);
	}

	/** An address as the log compares it: without surrounding space, in lower case. */
	static String key(String email) {
		return email.strip().toLowerCase(java.util.Locale.ROOT);
	}

	/** Records the outcome of {@code attempts} more attempts at a delivery. */
	void record(Parcel parcel, String status, int attempts, Instant time, String error) {
		OffsetDateTime updated = time.atOffset(ZoneOffset.UTC);
		String cut = (error != null && error.length() > 2000) ? error.substring(0, 2000) : error;
		int changed = this.jdbc.update(
				"UPDATE " + TABLE + " SET status = ?, attempts = attempts + ?, updated = ?, error = ? "
						+ "WHERE party = ? AND email = ? AND set_digest = ?",
				status, attempts, updated, cut, parcel.recipient().party(), parcel.recipient().email(),
				parcel.digest());
		if (changed == 0) {
			this.jdbc.update(
					"INSERT INTO " + TABLE + " (party, email, set_digest, session, as_of, languages, formats, "
							+ "files, status, attempts, updated, error) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
					parcel.recipient().party(), parcel.recipient().email(), parcel.digest(), parcel.session(),
					parcel.asOf().toString(), String.join(";", parcel.recipient().languages()),
					String.join(";", parcel.recipient().formats()), String.join(";", parcel.fileNames()), status,
					attempts, updated, cut);
		}
		if (SENT.equals(status)) {
			// an earlier set that could not be delivered is replaced by this one
			this.jdbc.update("UPDATE " + TABLE + " SET status = ? WHERE LOWER(TRIM(email)) = ? AND set_digest <> ? "
					+ "AND status = ?", SUPERSEDED, key(parcel.recipient().email()), parcel.digest(), FAILED);
			durable();
		}
	}

	/**
	 * Makes what was recorded survive a kill at once: the embedded database writes its
	 * commits to disk a moment later, PostgreSQL when they commit.
	 */
	private void durable() {
		Boolean h2 = this.jdbc.execute((java.sql.Connection connection) -> connection.getMetaData()
			.getDatabaseProductName()
			.toLowerCase(java.util.Locale.ROOT)
			.contains("h2"));
		if (Boolean.TRUE.equals(h2)) {
			this.jdbc.execute("CHECKPOINT SYNC");
		}
	}

}
