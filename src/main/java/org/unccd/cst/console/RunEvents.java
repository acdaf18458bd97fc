package org.unccd.cst.console;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.unccd.cst.service.RunHandle;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * A run's live progress for its page, as server-sent events: every half second its
 * status, step, rows and percent, and the lines it said since the last event; an
 * {@code end} event when it ends.
 */
@RestController
class RunEvents implements DisposableBean {

	static final long PERIOD_MILLIS = 500;

	private final RunManager runs;

	private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "console-events");
		thread.setDaemon(true);
		return thread;
	});

	private final MessageSource messages;

	RunEvents(RunManager runs, MessageSource messages) {
		this.runs = runs;
		this.messages = messages;
	}

	@GetMapping(path = "/runs/{id}/events", produces = "text/event-stream")
	SseEmitter events(@PathVariable long id, @RequestParam(defaultValue = "0") int from, Locale locale) {
		ConsoleRun run = this.runs.get(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		SseEmitter emitter = new SseEmitter(0L);
		AtomicInteger sent = new AtomicInteger(Math.max(from, 0));
		AtomicReference<ScheduledFuture<?>> task = new AtomicReference<>();
		Runnable tick = () -> {
			try {
				boolean ended = run.status().ended();
				emitter.send(SseEmitter.event().name(ended ? "end" : "progress").data(state(run, sent, locale)));
				if (ended) {
					emitter.complete();
					cancel(task);
				}
			}
			catch (IOException | IllegalStateException ex) {
				// the page went away
				cancel(task);
			}
		};
		task.set(this.ticker.scheduleAtFixedRate(tick, 0, PERIOD_MILLIS, TimeUnit.MILLISECONDS));
		emitter.onCompletion(() -> cancel(task));
		emitter.onTimeout(() -> cancel(task));
		return emitter;
	}

	private static void cancel(AtomicReference<ScheduledFuture<?>> task) {
		ScheduledFuture<?> future = task.get();
		if (future != null) {
			future.cancel(false);
		}
	}

	private Map<String, Object> state(ConsoleRun run, AtomicInteger sent, Locale locale) {
		RunHandle.Progress progress = run.progress();
		var lines = run.lines(sent.get());
		sent.addAndGet(lines.size());
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("status", run.status().name());
		state.put("step", progress.step());
		// the step as the page names it, in its language
		state.put("stepLabel", (progress.step() != null)
				? this.messages.getMessage("step.name." + progress.step(), null, progress.step(), locale) : null);
		state.put("rows", progress.rows());
		state.put("percent", (run.status() == ConsoleRun.Status.COMPLETED) ? 100 : progress.percent());
		state.put("exitCode", run.exitCode());
		state.put("lines", lines);
		return state;
	}

	@Override
	public void destroy() {
		this.ticker.shutdownNow();
	}

}
