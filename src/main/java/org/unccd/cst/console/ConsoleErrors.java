package org.unccd.cst.console;

import java.io.IOException;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The console's error page: the status and a sentence in the page's language, never the
 * exception, its message or a path; under {@code /api}, a problem detail.
 */
@Controller
class ConsoleErrors implements ErrorController {

	private final Problems problems;

	ConsoleErrors(Problems problems) {
		this.problems = problems;
	}

	@RequestMapping("/error")
	String error(HttpServletRequest request, HttpServletResponse response, Model model) throws IOException {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		HttpStatus status = HttpStatus.resolve((code instanceof Integer value) ? value : 500);
		status = (status != null && status.isError()) ? status : HttpStatus.INTERNAL_SERVER_ERROR;
		Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		if (uri instanceof String path && (path.startsWith("/api/") || path.equals("/api"))) {
			this.problems.write(response, status, switch (status.value()) {
				case 404 -> "There is nothing at this address.";
				case 403 -> "Your role does not allow this.";
				case 405 -> "This address does not take this method.";
				default -> status.is4xxClientError() ? "The request cannot be answered as it is."
						: "The console could not answer this request; the server log says why.";
			});
			return null;
		}
		response.setStatus(status.value());
		model.addAttribute("status", status.value());
		model.addAttribute("reason",
				(status.value() == 404 || status.value() == 403) ? "error." + status.value() : "error.other");
		return "error";
	}

}
