package org.unccd.cst.console;

import java.io.IOException;
import java.net.URI;
import java.security.Principal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The submissions in the JSON API (contributors): {@code POST /api/submissions}
 * (multipart, one or more {@code file} parts, {@code replaces} optional) checks an upload
 * and keeps it; {@code POST /api/submissions/{id}} submits it, {@code DELETE} discards
 * it; {@code GET /api/submissions} lists the submissions and one's uploads waiting.
 * Refusals are problem details with the check, when there was one.
 */
@RestController
class SubmissionApi {

	private final SubmissionStore store;

	private final ConsoleSettings settings;

	SubmissionApi(SubmissionStore store, ConsoleSettings settings) {
		this.store = store;
		this.settings = settings;
	}

	@GetMapping("/api/submissions")
	Map<String, Object> list(Principal user) throws IOException {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("submissions", this.store.submissions());
		body.put("pending", this.store.pending(user.getName()).stream().map(SubmissionApi::upload).toList());
		return body;
	}

	@PostMapping("/api/submissions")
	ResponseEntity<Object> upload(@RequestParam(name = "file", required = false) List<MultipartFile> files,
			@RequestParam(defaultValue = "") String replaces, Principal user, HttpServletRequest request)
			throws IOException {
		try {
			SubmissionStore.Upload upload = this.store.upload(user.getName(), request.getRemoteAddr(),
					scope(this.settings, user.getName()), incoming(files), replaces(replaces));
			return ResponseEntity.created(URI.create("/api/submissions/" + upload.id())).body(upload(upload));
		}
		catch (SubmissionStore.RefusedException ex) {
			return refused(ex);
		}
	}

	@PostMapping("/api/submissions/{id}")
	ResponseEntity<Object> submit(@PathVariable String id, Principal user, HttpServletRequest request)
			throws IOException {
		try {
			Optional<List<SubmissionStore.Submission>> done = this.store.submit(user.getName(), request.getRemoteAddr(),
					scope(this.settings, user.getName()), id);
			if (done.isEmpty()) {
				return ApiProblems.problem(HttpStatus.NOT_FOUND, "You have no upload waiting under this id.");
			}
			return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("submissions", done.get()));
		}
		catch (SubmissionStore.RefusedException ex) {
			return refused(ex);
		}
	}

	@DeleteMapping("/api/submissions/{id}")
	ResponseEntity<Object> discard(@PathVariable String id, Principal user, HttpServletRequest request)
			throws IOException {
		if (!this.store.discard(user.getName(), request.getRemoteAddr(), id)) {
			return ApiProblems.problem(HttpStatus.NOT_FOUND, "You have no upload waiting under this id.");
		}
		return ResponseEntity.noContent().build();
	}

	/** An upload as the API shows it. */
	static Map<String, Object> upload(SubmissionStore.Upload upload) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("id", upload.id());
		body.put("user", upload.user());
		body.put("time", upload.time());
		List<Map<String, Object>> files = new ArrayList<>();
		for (SubmissionStore.CheckedFile file : upload.files()) {
			Map<String, Object> entry = new LinkedHashMap<>();
			entry.put("name", file.uploadedName());
			entry.put("size", file.size());
			entry.put("sha256", file.sha256());
			entry.put("read", file.read());
			entry.put("accepted", file.accepted());
			entry.put("rejected", file.rejected());
			files.add(entry);
		}
		body.put("files", files);
		body.put("read", upload.read());
		body.put("accepted", upload.accepted());
		body.put("rejected", upload.rejected());
		body.put("rejects", upload.rejects());
		body.put("replaces", upload.replaces());
		body.put("submit", "/api/submissions/" + upload.id());
		return body;
	}

	private static ResponseEntity<Object> refused(SubmissionStore.RefusedException ex) {
		HttpStatus status = status(ex.refusal());
		Map<String, Object> body = Problems.body(status, ex.getMessage());
		body.put("refusal", ex.refusal().name());
		body.put("kept", false);
		if (ex.check() != null) {
			Map<String, Object> check = upload(ex.check());
			check.remove("id");
			check.remove("submit");
			body.put("check", check);
		}
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
	}

	/** The HTTP status of a refusal. */
	static HttpStatus status(SubmissionStore.Refusal refusal) {
		return switch (refusal) {
			case NO_FILE, TOO_MANY_FILES, REPLACE_MULTIPLE -> HttpStatus.BAD_REQUEST;
			case TOO_LARGE -> HttpStatus.CONTENT_TOO_LARGE;
			case TOO_MANY_PENDING, REPLACE_INVALID, BUSY -> HttpStatus.CONFLICT;
			case PROGRAMME -> HttpStatus.SERVICE_UNAVAILABLE;
			default -> HttpStatus.UNPROCESSABLE_CONTENT;
		};
	}

	/** The user's scope, read from the users file at each upload; empty for none. */
	static List<String> scope(ConsoleSettings settings, String user) throws IOException {
		return new ConsoleUsers(settings.users()).find(user).map(ConsoleUsers.User::scope).orElse(List.of());
	}

	static List<SubmissionStore.Incoming> incoming(List<MultipartFile> files) {
		List<SubmissionStore.Incoming> incoming = new ArrayList<>();
		if (files != null) {
			for (MultipartFile file : files) {
				if (!file.isEmpty() || (file.getOriginalFilename() != null && !file.getOriginalFilename().isEmpty())) {
					incoming.add(new SubmissionStore.Incoming(file.getOriginalFilename(), file.getSize(),
							file::getInputStream));
				}
			}
		}
		return incoming;
	}

	/** The number of the submission to replace; {@code null} for none or not a number. */
	static Integer replaces(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Integer.valueOf(value.strip());
		}
		catch (NumberFormatException ex) {
			return -1;
		}
	}

}
