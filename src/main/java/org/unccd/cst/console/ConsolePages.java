package org.unccd.cst.console;

import java.io.IOException;
import java.math.BigDecimal;
import java.security.Principal;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import org.unccd.cst.history.RejectsFile;
import org.unccd.cst.history.RunHistory;
import org.unccd.cst.history.SummaryDiff;
import org.unccd.cst.model.Messages;
import org.unccd.cst.publish.Approvals;
import org.unccd.cst.publish.Manifest;
import org.unccd.cst.run.Summary;
import org.unccd.cst.schedule.ScheduleSettings;

import org.springframework.context.MessageSource;
import org.springframework.core.env.Environment;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The console's pages, rendered on the server (Thymeleaf); each works without scripts.
 */
@Controller
class ConsolePages {

	/** Rows per page of the rejects and the audit log. */
	static final int PAGE = 50;

	private final RunManager runs;

	private final PublishedFiles files;

	private final ConsoleSettings settings;

	private final AuditLog audit;

	private final Environment environment;

	private final MessageSource messages;

	ConsolePages(RunManager runs, PublishedFiles files, ConsoleSettings settings, AuditLog audit,
			Environment environment, MessageSource messages) {
		this.runs = runs;
		this.files = files;
		this.settings = settings;
		this.audit = audit;
		this.environment = environment;
		this.messages = messages;
	}

	@GetMapping("/login")
	String login() {
		return "login";
	}

	/**
	 * A published session on the dashboard.
	 *
	 * @param name the session
	 * @param manifest its manifest
	 * @param summary its summary, {@code null} if it has none
	 * @param published when its set was published
	 * @param run the console run that published it, {@code null} when another did
	 * @param statuses outcomes by status, in the order of the statuses
	 * @param bars the budget's bars: label key, amount, width in per cent of the largest
	 */
	record SessionView(String name, Manifest manifest, Summary summary, java.time.Instant published, ConsoleRun run,
			Map<String, Long> statuses, List<Bar> bars, List<PublishedFiles.Download> downloads,
			Approvals.Approval approval, boolean approved) {
	}

	/** A bar of the budget chart. */
	record Bar(String key, BigDecimal amount, int width) {
	}

	@GetMapping("/")
	String dashboard(Model model) throws IOException {
		List<SessionView> sessions = new ArrayList<>();
		for (String name : this.files.sessions()) {
			Manifest manifest = this.files.manifest(name).orElseThrow();
			Summary summary = this.files.summary(name).orElse(null);
			ConsoleRun run = this.runs.all()
				.stream()
				.filter((r) -> name.equals(r.session()) && r.status() == ConsoleRun.Status.COMPLETED && !r.current())
				.findFirst()
				.orElse(null);
			Map<String, Long> statuses = new LinkedHashMap<>();
			List<Bar> bars = new ArrayList<>();
			if (summary != null) {
				for (String status : List.of("completed", "in_progress", "planned", "delayed", "cancelled")) {
					statuses.put(status, summary.outcomes().stream().filter((o) -> status.equals(o.status())).count());
				}
				Summary.Budget budget = summary.budget();
				BigDecimal max = budget.total().max(budget.secured()).max(budget.spent()).max(BigDecimal.ONE);
				bars.add(bar("dashboard.budget.total", budget.total(), max));
				bars.add(bar("dashboard.budget.secured", budget.secured(), max));
				bars.add(bar("dashboard.budget.spent", budget.spent(), max));
				bars.add(bar("dashboard.budget.gap", budget.gap(), max));
			}
			sessions
				.add(new SessionView(name, manifest, summary, this.files.publishedAt(name).orElse(null), run, statuses,
						bars, this.files.files(name), Approvals.current(this.settings.output(), name).orElse(null),
						Approvals.publishedIsApproved(this.settings.output(), name)));
		}
		model.addAttribute("sessions", sessions);
		model.addAttribute("active", this.runs.active().orElse(null));
		return "dashboard";
	}

	private static Bar bar(String key, BigDecimal amount, BigDecimal max) {
		int width = amount.signum() <= 0 ? 0
				: amount.multiply(BigDecimal.valueOf(100)).divide(max, 0, java.math.RoundingMode.HALF_UP).intValue();
		return new Bar(key, amount, Math.max(width, amount.signum() > 0 ? 1 : 0));
	}

	@GetMapping("/runs")
	String runs(@RequestParam(defaultValue = "all") String show, Model model, Locale locale) {
		String filter = List.of("all", "published", "failed").contains(show) ? show : "all";
		model.addAttribute("show", filter);
		model.addAttribute("consoleRuns",
				this.runs.all()
					.stream()
					.filter((run) -> filter.equals("all")
							|| (filter.equals("published") == (run.status() == ConsoleRun.Status.COMPLETED)))
					.toList());
		Optional<List<RunHistory.Run>> recorded = this.runs.history();
		boolean busy = recorded.isEmpty();
		List<RunHistory.Run> history = recorded.orElse(List.of());
		model.addAttribute("historyBusy", busy);
		model.addAttribute("history", HistoryWording.rows(history.stream().filter((run) -> switch (filter) {
			case "published" -> run.outcome().published();
			case "failed" -> !run.outcome().published();
			default -> true;
		}).toList(), this.messages, locale));
		return "runs";
	}

	@GetMapping("/runs/{id}")
	String run(@PathVariable long id, @RequestParam(defaultValue = "1") int page, Model model, Locale locale)
			throws IOException {
		ConsoleRun run = this.runs.get(id)
			.orElseThrow(() -> new ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND));
		model.addAttribute("run", run);
		model.addAttribute("view", RunView.of(run));
		String session = run.session();
		if (session != null && run.status() == ConsoleRun.Status.COMPLETED) {
			// the set this run left published, which a later run may have replaced since
			Optional<SummaryDiff.RunSet> set = SummaryDiff.publishedAt(this.settings.output(), session, run.ended());
			model.addAttribute("setReplaced", set.map((found) -> !found.inPlace()).orElse(false));
			model.addAttribute("setGone", set.isEmpty());
			if (set.isPresent()) {
				List<RejectsFile.Reject> rejects = set.get().rejects();
				int pages = Math.max(1, (rejects.size() + PAGE - 1) / PAGE);
				int current = Math.min(Math.max(page, 1), pages);
				model.addAttribute("rejectsTotal", rejects.size());
				model.addAttribute("rejects",
						rejects.subList((current - 1) * PAGE, Math.min(current * PAGE, rejects.size())));
				model.addAttribute("page", current);
				model.addAttribute("pages", pages);
				model.addAttribute("diff", this.settings.withoutPaths(set.get().report(session)));
				model.addAttribute("figures",
						set.get()
							.figures()
							.map((figures) -> FigureWording.rows(figures, this.messages, locale))
							.orElse(null));
			}
		}
		return "run";
	}

	@PostMapping("/runs/{id}/stop")
	String stop(@PathVariable long id, Principal user, HttpServletRequest request) {
		this.runs.stop(id, user.getName(), request.getRemoteAddr());
		return "redirect:/runs/" + id;
	}

	@PostMapping("/runs/{id}/restart")
	String restart(@PathVariable long id, Principal user, HttpServletRequest request) throws IOException {
		try {
			Optional<ConsoleRun> restarted = this.runs.restart(id, user.getName(), request.getRemoteAddr());
			return "redirect:/runs/" + restarted.map(ConsoleRun::id).orElse(id);
		}
		catch (RunManager.BusyException ex) {
			return "redirect:/runs/" + id;
		}
	}

	/**
	 * Approves the published set of a session (officers), as {@code --approve} does,
	 * while no run holds the output folder.
	 */
	@PostMapping("/sessions/{session}/approve")
	String approve(@PathVariable String session, @RequestParam(defaultValue = "") String back, Principal user,
			HttpServletRequest request) throws IOException {
		if (!this.files.sessions().contains(session)) {
			throw new ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND);
		}
		this.runs.approve(session, user.getName(), request.getRemoteAddr());
		// back to the side-by-side page when the approval came from there
		return "approval".equals(back) ? "redirect:/sessions/" + session + "/approval" : "redirect:/";
	}

	@GetMapping("/launch")
	String launchForm(Model model) {
		model.addAttribute("allLanguages", PageModel.LANGUAGES);
		model.addAttribute("chosen", List.of("en"));
		return "launch";
	}

	@PostMapping("/launch")
	String launch(@RequestParam(defaultValue = "") String asOf,
			@RequestParam(name = "languages", required = false) List<String> languages,
			@RequestParam(defaultValue = "false") boolean force, Principal user, HttpServletRequest request,
			Model model) throws IOException {
		LocalDate day = null;
		boolean valid = languages != null && !languages.isEmpty()
				&& languages.stream().allMatch(Messages.LANGUAGES::contains);
		try {
			day = RunManager.Launch.asOf(asOf);
		}
		catch (IllegalArgumentException ex) {
			valid = false;
		}
		model.addAttribute("allLanguages", PageModel.LANGUAGES);
		model.addAttribute("chosen", (languages != null) ? languages : List.of());
		model.addAttribute("asOf", asOf);
		model.addAttribute("force", force);
		if (!valid) {
			model.addAttribute("invalid", true);
			return "launch";
		}
		try {
			ConsoleRun run = this.runs.launch(new RunManager.Launch(day, languages.stream().distinct().toList(), force),
					user.getName(), request.getRemoteAddr(), null);
			return "redirect:/runs/" + run.id();
		}
		catch (RunManager.BusyException ex) {
			model.addAttribute("busy", this.settings.withoutPaths(ex.getMessage()));
			return "launch";
		}
	}

	@GetMapping("/files")
	String files(Model model) throws IOException {
		Map<String, List<PublishedFiles.Download>> sets = new LinkedHashMap<>();
		for (String session : this.files.sessions()) {
			sets.put(session, this.files.files(session));
		}
		model.addAttribute("sets", sets);
		return "files";
	}

	@GetMapping("/files/{session}/{name}")
	ResponseEntity<Resource> download(@PathVariable String session, @PathVariable String name,
			@RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch, Principal user,
			HttpServletRequest request) throws IOException {
		PublishedFiles.Download download = this.files.file(session, name)
			.orElseThrow(() -> new ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND));
		return Downloads.serve(download, ifNoneMatch,
				() -> this.audit.record(user.getName(), request.getRemoteAddr(), "download", session + "/" + name));
	}

	@GetMapping("/schedule")
	String schedule(Model model, Locale locale) {
		ScheduleSettings schedule = ScheduleSettings.from(this.environment);
		ZonedDateTime next = schedule.cron().next(ZonedDateTime.now(schedule.zone()));
		model.addAttribute("cron", schedule.expression());
		model.addAttribute("zone", schedule.zone().getId());
		model.addAttribute("next", next);
		model.addAttribute("here", this.settings.schedule());
		List<RunHistory.Run> history = this.runs.history().orElse(List.of());
		model.addAttribute("history", HistoryWording.rows(history.stream().limit(5).toList(), this.messages, locale));
		return "schedule";
	}

	@GetMapping("/audit")
	String audit(@RequestParam(defaultValue = "1") int page, Model model) throws IOException {
		int current = Math.max(page, 1);
		List<AuditLog.Event> events = this.audit.newest((current - 1) * PAGE, PAGE + 1);
		model.addAttribute("events", events.subList(0, Math.min(PAGE, events.size())));
		model.addAttribute("page", current);
		model.addAttribute("more", events.size() > PAGE);
		return "audit";
	}

}
