package org.unccd.cst.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A piece of text given in one or more languages, as programme titles and data columns
 * with language variants are.
 *
 * @param variants text by language code, in the order given; never empty
 */
public record Text(Map<String, String> variants) {

	public Text {
		variants = Collections.unmodifiableMap(new LinkedHashMap<>(variants));
	}

	public static Text of(String english) {
		return new Text(Map.of("en", english == null ? "" : english));
	}

	/** The text in {@code lang}, else English, else the first variant given. */
	public String in(String lang) {
		String text = this.variants.get(lang);
		if (text == null || text.isBlank()) {
			text = this.variants.get("en");
		}
		if ((text == null || text.isBlank()) && !this.variants.isEmpty()) {
			text = this.variants.values().iterator().next();
		}
		return (text != null) ? text : "";
	}

	/**
	 * The language that {@link #in(String)} gives the text in: {@code lang}, else
	 * English, else that of the first variant.
	 */
	public String languageIn(String lang) {
		String text = this.variants.get(lang);
		if (text != null && !text.isBlank()) {
			return lang;
		}
		text = this.variants.get("en");
		if ((text != null && !text.isBlank()) || this.variants.isEmpty()) {
			return "en";
		}
		return this.variants.keySet().iterator().next();
	}

	public String english() {
		return in("en");
	}

}
