package org.unccd.cst.console;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

/**
 * An upload the server does not take in, before any controller sees it: larger than
 * {@code spring.servlet.multipart.max-file-size} (or the request than
 * {@code max-request-size}), or not a readable multipart request. The API answers a
 * problem detail; the pages go back to the submissions page, which says why.
 */
@ControllerAdvice
class SubmissionLimits {

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	ResponseEntity<Object> tooLarge(HttpServletRequest request, HttpServletResponse response) {
		if (request.getRequestURI().startsWith("/api/")) {
			return ApiProblems.problem(HttpStatus.CONTENT_TOO_LARGE,
					"The upload is larger than the console takes; nothing of it was kept. Send smaller files, "
							+ "or fewer at a time.");
		}
		return ResponseEntity.status(HttpStatus.SEE_OTHER).header("Location", "/submissions?done=tooLarge").build();
	}

	@ExceptionHandler(MultipartException.class)
	ResponseEntity<Object> unreadable(HttpServletRequest request) {
		if (request.getRequestURI().startsWith("/api/")) {
			return ApiProblems.problem(HttpStatus.BAD_REQUEST,
					"The upload is not a readable multipart/form-data request with one \"file\" part per file, "
							+ "or has too many parts.");
		}
		return ResponseEntity.status(HttpStatus.SEE_OTHER).header("Location", "/submissions?done=tooLarge").build();
	}

}
