package org.unccd.cst.distribute;

import java.nio.file.Path;

import org.unccd.cst.run.OutputFolder;

/**
 * Where the delivery log lives: an H2 file of its own in the output folder
 * ({@code OUTPUT/.cst-reports/deliveries}), or the output folder's schema in PostgreSQL
 * under the {@code postgres} profile. Either way the distribution opens it itself, apart
 * from a run's job database, so that a run on the folder can go on while a set is mailed.
 *
 * @param url the JDBC URL
 * @param username the user
 * @param password the password
 * @param schema the PostgreSQL schema, {@code null} for the H2 file
 */
public record DeliveryDatabase(String url, String username, String password, String schema) {

	/** The H2 file of an output folder. */
	public static DeliveryDatabase h2(Path output) {
		return new DeliveryDatabase(OutputFolder.deliveriesUrl(output), "sa", "", null);
	}

	/** The output folder's schema on a PostgreSQL server. */
	public static DeliveryDatabase postgres(String url, String username, String password, String schema) {
		return new DeliveryDatabase(url, username, password, schema);
	}

	/** Whether the log is the H2 file, apart from the job database. */
	public boolean ownFile() {
		return this.schema == null;
	}

	/** Where the log is, for a message: the URL without parameters. */
	public String shown() {
		int parameters = this.url.indexOf((this.schema == null) ? ';' : '?');
		String where = (parameters >= 0) ? this.url.substring(0, parameters) : this.url;
		return (this.schema == null) ? where : where + ", schema " + this.schema;
	}

}
