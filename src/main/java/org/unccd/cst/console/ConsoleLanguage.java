package org.unccd.cst.console;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.unccd.cst.model.Messages;

import org.springframework.web.servlet.i18n.CookieLocaleResolver;

/**
 * The language of the console's pages: one of the six UN languages, the browser's first
 * choice among them until the switch ({@code ?lang=…}) keeps another in a cookie; English
 * when the browser asks for none of them.
 */
class ConsoleLanguage extends CookieLocaleResolver {

	ConsoleLanguage() {
		super("cst-lang");
		setDefaultLocaleFunction(ConsoleLanguage::fromBrowser);
	}

	@Override
	public Locale resolveLocale(HttpServletRequest request) {
		return of(super.resolveLocale(request));
	}

	@Override
	public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
		super.setLocale(request, response, (locale != null) ? of(locale) : null);
	}

	private static Locale fromBrowser(HttpServletRequest request) {
		var locales = request.getLocales();
		while (locales.hasMoreElements()) {
			Locale locale = locales.nextElement();
			if (Messages.LANGUAGES.contains(locale.getLanguage())) {
				return Locale.forLanguageTag(locale.getLanguage());
			}
		}
		return Locale.ENGLISH;
	}

	/** One of the six languages: {@code locale}'s, or English. */
	static Locale of(Locale locale) {
		String language = (locale != null) ? locale.getLanguage() : "en";
		return Locale.forLanguageTag(Messages.LANGUAGES.contains(language) ? language : "en");
	}

	/** Whether the language is written from right to left. */
	static boolean rightToLeft(Locale locale) {
		return "ar".equals(locale.getLanguage());
	}

}
