package org.unccd.cst.console;

import java.io.IOException;
import java.net.URI;
import java.security.Principal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import org.unccd.cst.history.RejectsFile;
import org.unccd.cst.history.SummaryDiff;
import org.unccd.cst.model.Messages;

import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The console's JSON API, for scripts and the secretariat's other systems (README, "The
 * console's API"). Signed in with HTTP Basic or the console's session; errors are problem
 * details ({@link ApiProblems}).
 */
@RestController
@RequestMapping("/api")
class ApiController {

	/** How long a launch waits to learn whether the set is already current. */
	static final long DECIDE_MILLIS = 10_000;

	private final RunManager runs;

	private final PublishedFiles files;

	private final ConsoleSettings settings;

	private final AuditLog audit;

	ApiController(RunManager runs, PublishedFiles files, ConsoleSettings settings, AuditLog audit) {
		this.runs = runs;
		this.files = files;
		this.settings = settings;
		this.audit = audit;
	}

	/**
	 * What {@code POST /api/runs} takes.
	 *
	 * @param asOf the cut-off date, YYYY-MM-DD; absent for the default one
	 * @param lang the report languages; absent for English
	 * @param force whether to regenerate a current set
	 */
	record LaunchBody(String asOf, List<String> lang, Boolean force) {
	}

	@GetMapping("/runs")
	Map<String, Object> runs() {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("runs", this.runs.all().stream().map(RunView::of).toList());
		body.put("history", this.runs.history().orElse(List.of()));
		return body;
	}

	@PostMapping("/runs")
	ResponseEntity<Object> launch(@RequestBody(required = false) LaunchBody body, Principal user,
			HttpServletRequest request) throws Exception {
		RunManager.Launch launch = launch((body != null) ? body : new LaunchBody(null, null, null));
		ConsoleRun run;
		try {
			run = this.runs.launch(launch, user.getName(), request.getRemoteAddr(), null);
		}
		catch (RunManager.BusyException ex) {
			throw new ApiProblems.ApiException(HttpStatus.CONFLICT,
					"The output folder is busy: " + ex.getMessage() + ". Try again when it ends.");
		}
		return launched(run, true);
	}

	static RunManager.Launch launch(LaunchBody body) {
		LocalDate asOf;
		try {
			asOf = RunManager.Launch.asOf(body.asOf());
		}
		catch (IllegalArgumentException ex) {
			throw new ApiProblems.ApiException(HttpStatus.BAD_REQUEST, ex.getMessage());
		}
		List<String> languages = (body.lang() == null || body.lang().isEmpty()) ? List.of("en") : body.lang();
		for (String language : languages) {
			if (!Messages.LANGUAGES.contains(language)) {
				throw new ApiProblems.ApiException(HttpStatus.BAD_REQUEST, "lang holds \"" + language
						+ "\", which is not one of " + String.join(", ", Messages.LANGUAGES) + ".");
			}
		}
		if (languages.stream().distinct().count() != languages.size()) {
			throw new ApiProblems.ApiException(HttpStatus.BAD_REQUEST, "lang names a language twice.");
		}
		return new RunManager.Launch(asOf, languages, Boolean.TRUE.equals(body.force()));
	}

	/**
	 * 202 with the run's address; 200 with the run when the published set was current and
	 * nothing was redone.
	 */
	private ResponseEntity<Object> launched(ConsoleRun run, boolean mayBeCurrent) throws InterruptedException {
		if (mayBeCurrent) {
			run.awaitDecided(DECIDE_MILLIS);
			if (run.status().ended() && run.current()) {
				return ResponseEntity.ok(RunView.of(run));
			}
		}
		return ResponseEntity.accepted().location(URI.create("/api/runs/" + run.id())).body(RunView.of(run));
	}

	@GetMapping("/runs/{id}")
	RunView run(@PathVariable long id) {
		return RunView.of(find(id));
	}

	@PostMapping("/runs/{id}/stop")
	ResponseEntity<Object> stop(@PathVariable long id, Principal user, HttpServletRequest request) {
		ConsoleRun run = find(id);
		if (!this.runs.stop(id, user.getName(), request.getRemoteAddr())) {
			throw new ApiProblems.ApiException(HttpStatus.CONFLICT,
					"Run " + id + " is not running (" + run.status() + "): there is nothing to stop.");
		}
		return ResponseEntity.accepted().location(URI.create("/api/runs/" + id)).body(RunView.of(run));
	}

	@PostMapping("/runs/{id}/restart")
	ResponseEntity<Object> restart(@PathVariable long id, Principal user, HttpServletRequest request) throws Exception {
		ConsoleRun run = find(id);
		Optional<ConsoleRun> restarted;
		try {
			restarted = this.runs.restart(id, user.getName(), request.getRemoteAddr());
		}
		catch (RunManager.BusyException ex) {
			throw new ApiProblems.ApiException(HttpStatus.CONFLICT,
					"The output folder is busy: " + ex.getMessage() + ". Try again when it ends.");
		}
		if (restarted.isEmpty()) {
			throw new ApiProblems.ApiException(HttpStatus.CONFLICT,
					"Run " + id + " " + run.status().name().toLowerCase(java.util.Locale.ROOT)
							+ ": only a failed or stopped run is restarted.");
		}
		return launched(restarted.get(), false);
	}

	private ConsoleRun find(long id) {
		return this.runs.get(id)
			.orElseThrow(() -> new ApiProblems.ApiException(HttpStatus.NOT_FOUND,
					"This console has launched no run " + id + "."));
	}

	@GetMapping("/sessions/{session}/files")
	List<Map<String, Object>> files(@PathVariable String session) throws IOException {
		List<PublishedFiles.Download> downloads = this.files.files(session);
		if (downloads.isEmpty()) {
			throw noSession(session);
		}
		return downloads.stream().map((download) -> {
			Map<String, Object> file = new LinkedHashMap<>();
			file.put("name", download.name());
			file.put("size", download.size());
			file.put("sha256", download.sha256());
			file.put("contentType", download.contentType());
			file.put("href", "/api/sessions/" + session + "/files/" + download.name());
			return file;
		}).toList();
	}

	@GetMapping("/sessions/{session}/files/{name}")
	ResponseEntity<Resource> file(@PathVariable String session, @PathVariable String name,
			@RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch, Principal user,
			HttpServletRequest request) throws IOException {
		PublishedFiles.Download download = this.files.file(session, name)
			.orElseThrow(() -> new ApiProblems.ApiException(HttpStatus.NOT_FOUND,
					"The published set of " + session + " has no file " + name + "."));
		return Downloads.serve(download, ifNoneMatch,
				() -> this.audit.record(user.getName(), request.getRemoteAddr(), "download", session + "/" + name));
	}

	@GetMapping("/sessions/{session}/rejects")
	Map<String, Object> rejects(@PathVariable String session, @RequestParam(defaultValue = "1") int page,
			@RequestParam(defaultValue = "100") int size) throws IOException {
		if (this.files.manifest(session).isEmpty()) {
			throw noSession(session);
		}
		if (page < 1 || size < 1 || size > 1000) {
			throw new ApiProblems.ApiException(HttpStatus.BAD_REQUEST,
					"page starts at 1 and size lies between 1 and 1000.");
		}
		List<RejectsFile.Reject> all = this.files.rejects(session);
		int from = (int) Math.min((long) (page - 1) * size, all.size());
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("session", session);
		body.put("total", all.size());
		body.put("page", page);
		body.put("size", size);
		body.put("rows", all.subList(from, Math.min(from + size, all.size())));
		return body;
	}

	@GetMapping("/sessions/{session}/diff")
	Map<String, Object> diff(@PathVariable String session) throws IOException {
		if (this.files.manifest(session).isEmpty()) {
			throw noSession(session);
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("session", session);
		body.put("text", this.settings.withoutPaths(SummaryDiff.report(this.settings.output())));
		return body;
	}

	private static ApiProblems.ApiException noSession(String session) {
		return new ApiProblems.ApiException(HttpStatus.NOT_FOUND, "No set of session " + session + " is published.");
	}

}
