package org.unccd.cst.console;

import java.security.Principal;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import org.unccd.cst.model.Messages;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * What every page needs: its language and direction, the language switch, who is signed
 * in and which menu entries their role opens.
 */
@ControllerAdvice(
		assignableTypes = { ConsolePages.class, ConsoleErrors.class, SignOffPages.class, SubmissionPages.class })
class PageModel {

	/**
	 * A language of the switch.
	 *
	 * @param code its code
	 * @param name its name, in itself
	 */
	record Language(String code, String name) {

		/** The direction its name is written in, for the element that holds it. */
		public String dir() {
			return "ar".equals(this.code) ? "rtl" : "ltr";
		}

	}

	static final List<Language> LANGUAGES = Messages.LANGUAGES.stream()
		.map((code) -> new Language(code, Messages.of(code).get("language")))
		.toList();

	/** Times on the pages: UTC, to the second. */
	static final Times WHEN = new Times();

	/** Formats the times of the pages. */
	static final class Times {

		private static final java.time.format.DateTimeFormatter FORMAT = java.time.format.DateTimeFormatter
			.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
			.withZone(java.time.ZoneOffset.UTC);

		private static final java.time.format.DateTimeFormatter LOCAL = java.time.format.DateTimeFormatter
			.ofPattern("yyyy-MM-dd HH:mm:ss");

		public String of(java.time.Instant instant) {
			return (instant != null) ? FORMAT.format(instant) : "";
		}

		/**
		 * A time within a sentence: isolated (Unicode's first strong isolate), so that a
		 * right-to-left sentence keeps its digits, dashes and colons in order.
		 */
		public String inText(java.time.Instant instant) {
			return (instant != null) ? BIDI.isolate(FORMAT.format(instant)) : "";
		}

		/**
		 * A time of the audit log (ISO 8601 in UTC, to the second), as the pages give
		 * times.
		 */
		public String logged(String time) {
			try {
				return LOCAL
					.format(java.time.LocalDateTime.ofInstant(java.time.Instant.parse(time), java.time.ZoneOffset.UTC));
			}
			catch (java.time.format.DateTimeParseException ex) {
				return time;
			}
		}

		/** A time the job database records, in the server's time zone, to the second. */
		public String local(java.time.LocalDateTime time) {
			return (time != null) ? LOCAL.format(time) : "";
		}

	}

	/** Isolates what the pages put into a sentence. */
	static final Isolates BIDI = new Isolates();

	/** Isolates a name within a sentence. */
	static final class Isolates {

		/**
		 * A name (of a user, a file), a time or a figure within a sentence, isolated
		 * (Unicode's first strong isolate and the pop that ends it): set in its own
		 * direction, whatever the sentence's, and read by the pages' checks as data
		 * rather than words to translate.
		 */
		public String isolate(String text) {
			return (text != null) ? "\u2068" + text + "\u2069" : "";
		}

	}

	@ModelAttribute
	void common(HttpServletRequest request, Principal principal, org.springframework.ui.Model model) {
		Locale locale = ConsoleLanguage.of(RequestContextUtils.getLocale(request));
		model.addAttribute("lang", locale.getLanguage());
		model.addAttribute("dir", ConsoleLanguage.rightToLeft(locale) ? "rtl" : "ltr");
		model.addAttribute("languages", LANGUAGES);
		model.addAttribute("path", request.getRequestURI());
		model.addAttribute("when", WHEN);
		model.addAttribute("bidi", BIDI);
		Role role = role(principal);
		model.addAttribute("user", (principal != null) ? principal.getName() : null);
		model.addAttribute("role", (role != null) ? role.id() : null);
		model.addAttribute("officer", role != null && role.compareTo(Role.OFFICER) >= 0);
		model.addAttribute("contributor", role != null && role.compareTo(Role.CONTRIBUTOR) >= 0);
		model.addAttribute("admin", role == Role.ADMIN);
	}

	/** The highest role of the signed-in user; {@code null} when nobody is. */
	static Role role(Principal principal) {
		if (!(principal instanceof Authentication authentication)) {
			return null;
		}
		Role best = null;
		for (GrantedAuthority authority : authentication.getAuthorities()) {
			for (Role role : Role.values()) {
				if (role.authority().equals(authority.getAuthority()) && (best == null || role.compareTo(best) > 0)) {
					best = role;
				}
			}
		}
		return best;
	}

}
