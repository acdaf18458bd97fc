package org.unccd.cst.console;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/**
 * Errors of the JSON API as problem details (RFC 9457): a status, a title and a sentence
 * a user can act on; never a stack trace, a class name or a server path.
 */
@Component
class Problems {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** The problem as a JSON object. */
	static Map<String, Object> body(HttpStatus status, String detail) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", "about:blank");
		body.put("title", status.getReasonPhrase());
		body.put("status", status.value());
		body.put("detail", detail);
		return body;
	}

	/** Writes a problem as the whole response. */
	void write(HttpServletResponse response, HttpStatus status, String detail) throws IOException {
		if (response.isCommitted()) {
			return;
		}
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		if (status == HttpStatus.UNAUTHORIZED) {
			response.setHeader("WWW-Authenticate", "Basic realm=\"cst-reports\"");
		}
		response.getOutputStream().write(JSON.writeValueAsBytes(body(status, detail)));
	}

}
