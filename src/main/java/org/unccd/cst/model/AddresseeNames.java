package org.unccd.cst.model;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Recognizes the bodies a recommendation can be addressed to, by code or by name in any
 * of the six languages, so that each is named one way in a report.
 */
final class AddresseeNames {

	/** The codes of the bodies, as the bundles name them {@code addressee.<code>}. */
	static final List<String> CODES = List.of("cop", "parties", "cst", "secretariat", "gm", "spi",
			"executiveSecretary");

	/** Short forms an input may use besides the codes and the names. */
	private static final Map<String, String> ALIASES = Map.of("conference of parties", "cop", "the parties", "parties",
			"the secretariat", "secretariat", "global mechanism (gm)", "gm", "science-policy interface (spi)", "spi",
			"es", "executiveSecretary", "executive secretary", "executiveSecretary");

	/** Made after the tables above, which it reads. */
	static final AddresseeNames INSTANCE = new AddresseeNames();

	private final Map<String, String> codesByName = new HashMap<>();

	private AddresseeNames() {
		for (String code : CODES) {
			this.codesByName.put(key(code), code);
			for (String lang : Messages.LANGUAGES) {
				this.codesByName.put(key(Messages.of(lang).get("addressee." + code)), code);
			}
		}
		ALIASES.forEach((alias, code) -> this.codesByName.put(key(alias), code));
	}

	/** The code of the body {@code given} names, or {@code null}. */
	String code(String given) {
		return this.codesByName.get(key(given));
	}

	private static String key(String text) {
		return text.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
	}

}
