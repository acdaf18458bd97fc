package org.unccd.cst.console;

import java.io.IOException;
import java.security.Principal;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * The pages of sign-off and data entry: a session's draft and approved set side by side
 * with what differs between them ({@code /sessions/{session}/approval}, viewers and
 * above, Approve for officers), and the data-entry templates in the six languages
 * ({@code /templates}, contributors and above). They work without scripts.
 */
@Controller
class SignOffPages {

	private final SignOff signOff;

	private final TemplateDownloads templates;

	private final MessageSource messages;

	SignOffPages(SignOff signOff, TemplateDownloads templates, MessageSource messages) {
		this.signOff = signOff;
		this.templates = templates;
		this.messages = messages;
	}

	@GetMapping("/sessions/{session}/approval")
	String approval(@PathVariable String session, Model model, Locale locale) throws IOException {
		SignOff.View view = this.signOff.of(session)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		model.addAttribute("view", view);
		model.addAttribute("figures", FigureWording.rows(view.figures(), this.messages, locale));
		return "approval";
	}

	@GetMapping("/templates")
	String templates(Model model) {
		try {
			model.addAttribute("templateSession", this.templates.session());
		}
		catch (TemplateDownloads.Unreadable ex) {
			model.addAttribute("unreadable", true);
		}
		model.addAttribute("allLanguages", PageModel.LANGUAGES);
		return "templates";
	}

	@GetMapping("/templates/{lang}")
	ResponseEntity<byte[]> template(@PathVariable String lang, Principal user, HttpServletRequest request)
			throws IOException {
		if (!TemplateDownloads.language(lang)) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		try {
			return this.templates.download(lang, user.getName(), request.getRemoteAddr());
		}
		catch (TemplateDownloads.Unreadable ex) {
			throw new ResponseStatusException(HttpStatus.INTERNAL_SERVER_ERROR);
		}
	}

}
