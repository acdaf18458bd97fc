package org.unccd.cst.model;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.MessageFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The fixed wording of the reports and workbooks in one language, from the message
 * bundles {@code messages/labels_<lang>.properties}.
 */
public final class Messages {

	private final String lang;

	private final Locale locale;

	private final ResourceBundle bundle;

	private Messages(String lang) {
		this.lang = lang;
		this.locale = Locale.forLanguageTag(lang);
		this.bundle = ResourceBundle.getBundle("messages.labels", this.locale,
				ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
	}

	public static Messages of(String lang) {
		return new Messages(lang);
	}

	public String lang() {
		return this.lang;
	}

	/** The label for {@code key}, with its arguments filled in. */
	public String get(String key, Object... args) {
		String pattern = this.bundle.getString(key);
		return (args.length == 0) ? pattern : new MessageFormat(pattern.replace("'", "''"), this.locale).format(args);
	}

	/** An amount with thousands separators and cents: {@code 205,000.00}. */
	public String money(BigDecimal amount) {
		DecimalFormat format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ENGLISH));
		return format.format(amount);
	}

	/** A percentage with one decimal: {@code 46.7}. */
	public String percent(BigDecimal value) {
		DecimalFormat format = new DecimalFormat("0.0", DecimalFormatSymbols.getInstance(Locale.ENGLISH));
		return format.format(value);
	}

	/** A date the way the language writes it in UN documents. */
	public String date(LocalDate date) {
		if (date == null) {
			return "";
		}
		if ("en".equals(this.lang)) {
			return date.format(DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH));
		}
		return date.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(this.locale));
	}

	/** The name of a status in this language. */
	public String status(String status) {
		return get("status." + status);
	}

}
