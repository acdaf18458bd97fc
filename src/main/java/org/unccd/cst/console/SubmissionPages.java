package org.unccd.cst.console;

import java.io.IOException;
import java.security.Principal;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Controller;
import org.springframework.util.unit.DataSize;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

/**
 * The submissions pages (contributors): the upload form, the check of an upload with its
 * rejected rows, Submit and Discard, and the list of submissions. Each works without
 * scripts.
 */
@Controller
class SubmissionPages {

	private final SubmissionStore store;

	private final ConsoleSettings settings;

	private final String maxSize;

	SubmissionPages(SubmissionStore store, ConsoleSettings settings, Environment environment) {
		this.store = store;
		this.settings = settings;
		DataSize size = DataSize.parse(environment.getProperty("spring.servlet.multipart.max-file-size", "1MB"));
		this.maxSize = (size.toBytes() % (1024 * 1024) == 0) ? size.toMegabytes() + " MB" : size.toKilobytes() + " KB";
	}

	@GetMapping("/submissions")
	String submissions(@RequestParam(required = false) String done, Principal user, Model model) throws IOException {
		model.addAttribute("done",
				(done != null && List.of("submitted", "discarded", "tooLarge").contains(done)) ? done : null);
		return form(user, model);
	}

	private String form(Principal user, Model model) throws IOException {
		model.addAttribute("pending", this.store.pending(user.getName()));
		model.addAttribute("submissions", this.store.submissions());
		model.addAttribute("replaceable", this.store.replaceable(user.getName()));
		model.addAttribute("maxFiles", this.store.maxFiles());
		model.addAttribute("maxSize", this.maxSize);
		model.addAttribute("scope", String.join(", ", SubmissionApi.scope(this.settings, user.getName())));
		return "submissions";
	}

	@PostMapping("/submissions")
	String upload(@RequestParam(name = "file", required = false) List<MultipartFile> files,
			@RequestParam(defaultValue = "") String replaces, Principal user, HttpServletRequest request,
			HttpServletResponse response, Model model) throws IOException {
		try {
			SubmissionStore.Upload upload = this.store.upload(user.getName(), request.getRemoteAddr(),
					SubmissionApi.scope(this.settings, user.getName()), SubmissionApi.incoming(files),
					SubmissionApi.replaces(replaces));
			return "redirect:/submissions/uploads/" + upload.id();
		}
		catch (SubmissionStore.RefusedException ex) {
			response.setStatus(SubmissionApi.status(ex.refusal()).value());
			model.addAttribute("refusal", ex);
			if (ex.check() != null) {
				model.addAttribute("upload", ex.check());
				model.addAttribute("waiting", false);
				return "submission";
			}
			return form(user, model);
		}
	}

	@GetMapping("/submissions/uploads/{id}")
	String upload(@PathVariable String id, Principal user, Model model) throws IOException {
		model.addAttribute("upload", found(this.store.pending(user.getName(), id)));
		model.addAttribute("waiting", true);
		return "submission";
	}

	@PostMapping("/submissions/uploads/{id}/submit")
	String submit(@PathVariable String id, Principal user, HttpServletRequest request, HttpServletResponse response,
			Model model) throws IOException {
		try {
			found(this.store.submit(user.getName(), request.getRemoteAddr(),
					SubmissionApi.scope(this.settings, user.getName()), id));
			return "redirect:/submissions?done=submitted";
		}
		catch (SubmissionStore.RefusedException ex) {
			response.setStatus(SubmissionApi.status(ex.refusal()).value());
			model.addAttribute("refusal", ex);
			Optional<SubmissionStore.Upload> waiting = this.store.pending(user.getName(), id);
			model.addAttribute("upload", (ex.check() != null) ? ex.check() : found(waiting));
			model.addAttribute("waiting", waiting.isPresent());
			return "submission";
		}
	}

	@PostMapping("/submissions/uploads/{id}/discard")
	String discard(@PathVariable String id, Principal user, HttpServletRequest request) throws IOException {
		if (!this.store.discard(user.getName(), request.getRemoteAddr(), id)) {
			throw new ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND);
		}
		return "redirect:/submissions?done=discarded";
	}

	private static <T> T found(Optional<T> value) {
		return value.orElseThrow(() -> new ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND));
	}

}
