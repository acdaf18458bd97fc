package org.unccd.cst.console;

import java.io.IOException;
import java.security.Principal;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.unccd.cst.model.Messages;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The API of sign-off and data entry: the draft and the approved set of a session side by
 * side ({@code GET /api/sessions/{session}/approval}, viewers and above) and the
 * data-entry template of a language ({@code GET /api/templates/{lang}}, contributors and
 * above). Errors are problem details ({@link ApiProblems}).
 */
@RestController
@RequestMapping("/api")
class SignOffApi {

	private final SignOff signOff;

	private final TemplateDownloads templates;

	SignOffApi(SignOff signOff, TemplateDownloads templates) {
		this.signOff = signOff;
		this.templates = templates;
	}

	@GetMapping("/sessions/{session}/approval")
	Map<String, Object> approval(@PathVariable String session) throws IOException {
		return this.signOff.of(session)
			.orElseThrow(() -> new ApiProblems.ApiException(HttpStatus.NOT_FOUND,
					"No set of session " + session + " is published."))
			.json();
	}

	@GetMapping("/templates/{lang}")
	ResponseEntity<byte[]> template(@PathVariable String lang, Principal user, HttpServletRequest request)
			throws IOException {
		if (!TemplateDownloads.language(lang)) {
			throw new ApiProblems.ApiException(HttpStatus.BAD_REQUEST, "There is no template in \"" + lang
					+ "\": ask for one of " + String.join(", ", Messages.LANGUAGES) + ".");
		}
		try {
			return this.templates.download(lang, user.getName(), request.getRemoteAddr());
		}
		catch (TemplateDownloads.Unreadable ex) {
			throw new ApiProblems.ApiException(HttpStatus.INTERNAL_SERVER_ERROR, ex.getMessage());
		}
	}

}
