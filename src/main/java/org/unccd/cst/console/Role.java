package org.unccd.cst.console;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The console's roles, each including the one before: a viewer reads the published
 * documents, the history and the diffs; a contributor also uploads; an officer also
 * launches, stops, restarts, approves and distributes runs; an admin also manages users
 * and reads the audit log and the metrics.
 */
public enum Role {

	VIEWER, CONTRIBUTOR, OFFICER, ADMIN;

	/** The role's name as written on the command line and in the users file. */
	public String id() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** The Spring Security authority of the role. */
	public String authority() {
		return "ROLE_" + name();
	}

	public static Optional<Role> of(String id) {
		return Arrays.stream(values()).filter((role) -> role.id().equals(id)).findFirst();
	}

	/** The roles' ids, as a list for messages. */
	public static String ids() {
		return String.join(", ", Arrays.stream(values()).map(Role::id).toList());
	}

}
