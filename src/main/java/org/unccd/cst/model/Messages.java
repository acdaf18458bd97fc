package org.unccd.cst.model;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.MessageFormat;
import java.time.LocalDate;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.context.MessageSource;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The fixed wording of the reports and workbooks in one language, from the message
 * bundles {@code messages/labels_<lang>.properties} through Spring's
 * {@link MessageSource}: no fallback to another language or to the machine's locale, so a
 * missing label is an error, never an English word in another language.
 */
public final class Messages {

	/** The languages a report can be written in: the six official languages of the UN. */
	public static final List<String> LANGUAGES = List.of("ar", "en", "es", "fr", "ru", "zh");

	private static final Set<String> RIGHT_TO_LEFT = Set.of("ar");

	private final String lang;

	private final Locale locale;

	private static final ResourceBundleMessageSource LABELS = labels();

	private Messages(String lang) {
		this.lang = lang;
		this.locale = Locale.forLanguageTag(lang);
	}

	private static ResourceBundleMessageSource labels() {
		ResourceBundleMessageSource labels = new ResourceBundleMessageSource();
		labels.setBasename("messages.labels");
		labels.setDefaultEncoding("UTF-8");
		labels.setFallbackToSystemLocale(false);
		// a label is formatted here, with its apostrophes as written
		labels.setAlwaysUseMessageFormat(false);
		return labels;
	}

	/** The label's text as written, its placeholders unfilled. */
	private String text(String key) {
		return LABELS.getMessage(key, null, this.locale);
	}

	/**
	 * The codes of the bodies a recommendation can be addressed to, named
	 * {@code addressee.<code>} in the bundles.
	 */
	public static List<String> addresseeCodes() {
		return AddresseeNames.CODES;
	}

	public static Messages of(String lang) {
		return new Messages(lang);
	}

	public String lang() {
		return this.lang;
	}

	/** The label for {@code key}, with its arguments filled in. */
	public String get(String key, Object... args) {
		String pattern = text(key);
		if (args.length == 0) {
			return pattern;
		}
		Object[] values = args.clone();
		for (int i = 0; i < values.length; i++) {
			// counts as plain digits, never grouped or in another script
			if (values[i] instanceof Integer || values[i] instanceof Long) {
				values[i] = values[i].toString();
			}
			if (rightToLeft() && values[i] instanceof String value && isLeftToRight(value)) {
				// a code, an amount or a currency stands as a unit where an Arabic reader
				// expects it, and takes no bracket or neighbour into its run
				values[i] = RIGHT_TO_LEFT_MARK + value + RIGHT_TO_LEFT_MARK;
			}
		}
		return new MessageFormat(pattern.replace("'", "''"), this.locale).format(values);
	}

	private static final String RIGHT_TO_LEFT_MARK = "\u200F";

	/** Text of Latin letters or digits and no right-to-left letter. */
	private static boolean isLeftToRight(String text) {
		boolean strong = false;
		for (int i = 0; i < text.length(); i++) {
			byte direction = Character.getDirectionality(text.charAt(i));
			if (direction == Character.DIRECTIONALITY_RIGHT_TO_LEFT
					|| direction == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC) {
				return false;
			}
			strong |= direction == Character.DIRECTIONALITY_LEFT_TO_RIGHT
					|| direction == Character.DIRECTIONALITY_EUROPEAN_NUMBER;
		}
		return strong;
	}

	/** Whether the language is written right to left. */
	public boolean rightToLeft() {
		return RIGHT_TO_LEFT.contains(this.lang);
	}

	/**
	 * An amount with thousands separators and cents in the language's form:
	 * {@code 205,000.00}, {@code 205 000,00}.
	 */
	public String money(BigDecimal amount) {
		return number("#,##0.00", amount);
	}

	/** A percentage with one decimal: {@code 46.7}, {@code 46,7}. */
	public String percent(BigDecimal value) {
		return number("0.0", value);
	}

	private String number(String pattern, BigDecimal value) {
		DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(Locale.ROOT);
		symbols.setGroupingSeparator(text("number.group").charAt(0));
		symbols.setDecimalSeparator(text("number.decimal").charAt(0));
		symbols.setMinusSign('-');
		DecimalFormat format = new DecimalFormat(pattern, symbols);
		format.setRoundingMode(RoundingMode.HALF_EVEN);
		return format.format(value);
	}

	/**
	 * A date the way the language writes it in UN documents: {@code 31 August 2020},
	 * {@code 1er septembre 2020}, {@code 2020年8月31日}.
	 */
	public String date(LocalDate date) {
		if (date == null) {
			return "";
		}
		String[] months = text("date.months").split(",");
		String day = (date.getDayOfMonth() == 1) ? text("date.firstDay") : Integer.toString(date.getDayOfMonth());
		return MessageFormat.format(text("date.pattern").replace("'", "''"), day,
				months[date.getMonthValue() - 1].strip(), Integer.toString(date.getYear()),
				Integer.toString(date.getMonthValue()));
	}

	/** The name of a status in this language. */
	public String status(String status) {
		return get("status." + status);
	}

	/**
	 * The name of a source of funds ({@code core}, {@code extrabudgetary}) in this
	 * language.
	 */
	public String fundingSource(String source) {
		return codeWord("source", source);
	}

	/**
	 * The word in this language for {@code code}, a value the contract fixes for a column
	 * or a key of the programme ({@code family} {@code kind}: objective, coordination;
	 * {@code submitter}: party, stakeholder); a code without a word is kept as given.
	 */
	public String codeWord(String family, String code) {
		String key = family + "." + code;
		return (code != null && LABELS.getMessage(key, null, null, this.locale) != null) ? get(key) : code;
	}

	/**
	 * The name of the status of a funding row ({@code received}, {@code pledged}) in this
	 * language.
	 */
	public String fundingStatus(String status) {
		return codeWord("funding.status", status);
	}

	/**
	 * The name of an addressee in this language: a body of the Convention given by its
	 * code ({@code COP}, {@code GM}) or by its name in any of the six languages, in any
	 * case, comes out in one form; any other text is kept as given.
	 */
	public String addressee(String given) {
		if (given == null || given.isBlank()) {
			return get("addressee.cop");
		}
		String code = AddresseeNames.INSTANCE.code(given);
		return (code != null) ? get("addressee." + code) : given.strip();
	}

	/**
	 * Text set by the language's typographic rules (for French, a no-break space before
	 * {@code : ; ? !}); the text's words are left as they are.
	 */
	public String typeset(String text) {
		return typeset(text, null);
	}

	/**
	 * {@code text} set by the typographic rules of {@code lang}, the language it is in
	 * (an English text in a French report keeps the English ones); of the report's
	 * language when {@code lang} is {@code null}.
	 */
	public String typeset(String text, String lang) {
		return Typography.of((lang != null) ? lang : this.lang).apply(text);
	}

}
