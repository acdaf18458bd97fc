package org.unccd.cst.distribute;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The delivery log, a table {@code delivery_log} of the {@link DeliveryDatabase}: one row
 * per recipient and set of files, with its status ({@code sent}, {@code failed}, or
 * {@code superseded} when a later set reached the recipient), the attempts made, the time
 * of the last one and its error. A recipient is never sent a set that the log records as
 * sent to it. The deliveries going on at once write through one connection, one after the
 * other; each row is on disk before {@link #record} returns, so a message counts as sent
 * only once the row that says so would survive a kill.
 */
final class DeliveryLog implements AutoCloseable {

	static final String TABLE = "delivery_log";

	static final String SENT = "sent";

	static final String FAILED = "failed";

	static final String SUPERSEDED = "superseded";

	private final JdbcTemplate jdbc;

	private final SingleConnectionDataSource dataSource;

	private final boolean h2;

	private DeliveryLog(SingleConnectionDataSource dataSource, boolean h2) {
		this.dataSource = dataSource;
		this.h2 = h2;
		this.jdbc = new JdbcTemplate(dataSource);
		this.jdbc.execute("CREATE TABLE IF NOT EXISTS " + TABLE + " (party VARCHAR(1000) NOT NULL, "
				+ "email VARCHAR(320) NOT NULL, set_digest VARCHAR(64) NOT NULL, session VARCHAR(1000) NOT NULL, "
				+ "as_of VARCHAR(10) NOT NULL, languages VARCHAR(100) NOT NULL, formats VARCHAR(20) NOT NULL, "
				+ "files VARCHAR(20000) NOT NULL, status VARCHAR(20) NOT NULL, attempts INT NOT NULL, "
				+ "updated TIMESTAMP WITH TIME ZONE NOT NULL, error VARCHAR(2000), "
				+ "PRIMARY KEY (party, email, set_digest))");
	}

	/** Opens the log, making its table when it is missing. */
	static DeliveryLog open(DeliveryDatabase database) throws SQLException {
		Connection connection = DriverManager.getConnection(database.url(), database.username(), database.password());
		try {
			if (database.schema() != null) {
				connection.setSchema(database.schema());
			}
			return new DeliveryLog(new SingleConnectionDataSource(connection, true), database.ownFile());
		}
		catch (RuntimeException | SQLException ex) {
			connection.close();
			throw ex;
		}
	}

	/** Whether the H2 job database holds a delivery log, as earlier versions kept it. */
	static boolean inJobDatabase(JdbcTemplate jobDatabase) {
		Integer tables = jobDatabase.queryForObject("SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES "
				+ "WHERE UPPER(TABLE_NAME) = 'DELIVERY_LOG' AND UPPER(TABLE_SCHEMA) = 'PUBLIC'", Integer.class);
		return tables != null && tables > 0;
	}

	/**
	 * Moves the rows of a delivery log kept in the job database, as earlier versions did,
	 * into this one, unless it has them already, then drops that table: what was sent
	 * before stays sent.
	 * @return how many rows were moved
	 */
	synchronized int moveFrom(JdbcTemplate jobDatabase) {
		if (!inJobDatabase(jobDatabase)) {
			return 0;
		}
		int moved = 0;
		for (Map<String, Object> row : jobDatabase.queryForList("SELECT party, email, set_digest, session, as_of, "
				+ "languages, formats, files, status, attempts, updated, error FROM " + TABLE)) {
			Integer present = this.jdbc.queryForObject(
					"SELECT COUNT(*) FROM " + TABLE + " WHERE party = ? AND email = ? AND set_digest = ?",
					Integer.class, row.get("PARTY"), row.get("EMAIL"), row.get("SET_DIGEST"));
			if (present != null && present == 0) {
				this.jdbc.update("INSERT INTO " + TABLE + " (party, email, set_digest, session, as_of, languages, "
						+ "formats, files, status, attempts, updated, error) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
						row.get("PARTY"), row.get("EMAIL"), row.get("SET_DIGEST"), row.get("SESSION"), row.get("AS_OF"),
						row.get("LANGUAGES"), row.get("FORMATS"), row.get("FILES"), row.get("STATUS"),
						row.get("ATTEMPTS"), row.get("UPDATED"), row.get("ERROR"));
				moved++;
			}
		}
		durable();
		jobDatabase.execute("DROP TABLE " + TABLE);
		return moved;
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
	synchronized Entry find(String email, String setDigest) {
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
	synchronized void record(Parcel parcel, String status, int attempts, Instant time, String error) {
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
		}
		durable();
	}

	/**
	 * Makes what was recorded survive a kill at once: the embedded database writes its
	 * commits to disk a moment later (CHECKPOINT SYNC forces them), PostgreSQL when they
	 * commit.
	 */
	private void durable() {
		if (this.h2) {
			this.jdbc.execute("CHECKPOINT SYNC");
		}
	}

	@Override
	public synchronized void close() {
		this.dataSource.destroy();
	}

}
