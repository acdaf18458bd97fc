package org.unccd.cst.console;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * What the API answers when a request fails: a problem detail with a sentence for the
 * caller, the cause logged on the server only.
 */
@RestControllerAdvice(assignableTypes = { ApiController.class, SignOffApi.class })
class ApiProblems {

	private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

	/** A request the API refuses, with the status and the sentence to answer. */
	static final class ApiException extends RuntimeException {

		private final HttpStatus status;

		ApiException(HttpStatus status, String detail) {
			super(detail);
			this.status = status;
		}

	}

	@ExceptionHandler(ApiException.class)
	ResponseEntity<Object> refused(ApiException ex) {
		return problem(ex.status, ex.getMessage());
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ResponseEntity<Object> unreadable(HttpMessageNotReadableException ex) {
		return problem(HttpStatus.BAD_REQUEST,
				"The request body is not the JSON object expected, e.g. {\"asOf\": \"2019-06-30\", \"lang\": [\"en\"], \"force\": false}.");
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ResponseEntity<Object> mismatch(MethodArgumentTypeMismatchException ex) {
		return problem(HttpStatus.BAD_REQUEST, "The value of \"" + ex.getName() + "\" is not valid.");
	}

	@ExceptionHandler(HttpRequestMethodNotSupportedException.class)
	ResponseEntity<Object> method(HttpRequestMethodNotSupportedException ex) {
		return problem(HttpStatus.METHOD_NOT_ALLOWED, "This address does not take " + ex.getMethod() + ".");
	}

	@ExceptionHandler(HttpMediaTypeNotSupportedException.class)
	ResponseEntity<Object> mediaType(HttpMediaTypeNotSupportedException ex) {
		return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Send the request body as application/json.");
	}

	@ExceptionHandler(NoResourceFoundException.class)
	ResponseEntity<Object> none(NoResourceFoundException ex) {
		return problem(HttpStatus.NOT_FOUND, "There is nothing at this address.");
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<Object> failed(Exception ex) {
		log.warn("The API failed on a request: {}", ex.toString());
		return problem(HttpStatus.INTERNAL_SERVER_ERROR,
				"The console could not answer this request; the server's log says why.");
	}

	static ResponseEntity<Object> problem(HttpStatus status, String detail) {
		return ResponseEntity.status(status)
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(Problems.body(status, detail));
	}

}
