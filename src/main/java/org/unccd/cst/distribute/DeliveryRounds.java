package org.unccd.cst.distribute;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The deliveries of one distribution: a small fixed pool sends several at once, in
 * rounds. Each round tries every delivery still pending, then one wait (doubled each
 * round) for all of them, so that a server that is down costs the same waits for one
 * recipient as for a hundred. The deadline bounds the whole: past it no delivery is
 * started or tried again, and one still waiting for the server is left to its thread and
 * counted failed. A delivery counts as sent once the log's row that says so is on disk.
 * {@link #stop} ends the rounds at once (SIGTERM): what was not sent is failed, with the
 * reason.
 */
final class DeliveryRounds {

	private static final Logger log = LoggerFactory.getLogger(DeliveryRounds.class);

	/** The error of a delivery stopped with the process. */
	static final String INTERRUPTED = "interrupted: the process was stopped (SIGTERM) before the mail server took it";

	private final DistributionProperties properties;

	private final DeliveryLog deliveries;

	private final Function<Parcel, String> sender;

	private final Consumer<Parcel> onSent;

	private final Clock clock;

	private final Map<Parcel, Integer> attempts = new ConcurrentHashMap<>();

	private final Map<Parcel, Integer> recorded = new ConcurrentHashMap<>();

	private final Set<Parcel> sent = ConcurrentHashMap.newKeySet();

	private final CompletableFuture<Void> stopSignal = new CompletableFuture<>();

	private final CountDownLatch done = new CountDownLatch(1);

	private boolean closed;

	/**
	 * Whether the distribution's thread was interrupted while it waited: it is told so
	 * again once the log is written, as the embedded database closes its file under a
	 * thread that writes while interrupted.
	 */
	private boolean interruptedWait;

	/**
	 * @param sender one attempt at a delivery: its error, or {@code null} when the server
	 * took the message
	 * @param onSent told of each delivery once its row is on disk
	 */
	DeliveryRounds(DistributionProperties properties, DeliveryLog deliveries, Function<Parcel, String> sender,
			Consumer<Parcel> onSent, Clock clock) {
		this.properties = properties;
		this.deliveries = deliveries;
		this.sender = sender;
		this.onSent = onSent;
		this.clock = clock;
	}

	/**
	 * How the deliveries went.
	 *
	 * @param sent how many were sent
	 * @param failed the deliveries not sent, with their last error, in the order given
	 * @param attempts the attempts made at each delivery not sent
	 * @param interrupted whether {@link #stop} ended the rounds
	 */
	record Result(int sent, Map<Parcel, String> failed, Map<Parcel, Integer> attempts, boolean interrupted) {
	}

	/** Sends the parcels by {@code deadline}; each failure stays failed in the log. */
	Result run(List<Parcel> parcels, Instant deadline) {
		ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, this.properties.parallel()),
				Thread.ofPlatform().daemon().name("delivery-", 1).factory());
		Map<Parcel, String> errors = new LinkedHashMap<>();
		boolean interrupted = false;
		try {
			List<Parcel> pending = new ArrayList<>(parcels);
			int rounds = Math.max(1, this.properties.attempts());
			Duration wait = this.properties.backoff();
			for (int round = 1; round <= rounds && !pending.isEmpty() && !interrupted; round++) {
				if (round > 1) {
					if (this.clock.instant().plus(wait).isAfter(deadline)) {
						break;
					}
					log.info("{} deliveries failed; trying them again in {} ms", pending.size(), wait.toMillis());
					if (pause(wait)) {
						interrupted = true;
						pending.forEach((parcel) -> errors.put(parcel, INTERRUPTED));
						break;
					}
					wait = wait.multipliedBy(2);
				}
				Map<Parcel, CompletableFuture<String>> tries = new LinkedHashMap<>();
				for (Parcel parcel : pending) {
					tries.put(parcel, CompletableFuture.supplyAsync(() -> attempt(parcel), pool));
				}
				interrupted = awaitRound(tries.values(), deadline);
				List<Parcel> failing = new ArrayList<>();
				for (Map.Entry<Parcel, CompletableFuture<String>> attempt : tries.entrySet()) {
					Parcel parcel = attempt.getKey();
					String error = outcome(parcel, attempt.getValue(), interrupted, errors.get(parcel));
					if (error != null) {
						errors.put(parcel, error);
						failing.add(parcel);
					}
				}
				pending = failing;
				if (this.clock.instant().isAfter(deadline)) {
					break;
				}
			}
			Map<Parcel, String> failed = new LinkedHashMap<>();
			Map<Parcel, Integer> made = new LinkedHashMap<>();
			for (Parcel parcel : parcels) {
				if (!this.sent.contains(parcel)) {
					String error = errors.getOrDefault(parcel, "not tried: the distribution's deadline of "
							+ this.properties.deadline().toSeconds() + " s passed");
					failed.put(parcel, error);
					made.put(parcel, this.attempts.getOrDefault(parcel, 0));
					settle(parcel, DeliveryLog.FAILED, error);
				}
			}
			return new Result(this.sent.size(), failed, made, interrupted);
		}
		finally {
			pool.shutdown();
			if (this.interruptedWait) {
				// the log is written: the caller may now see the interrupt
				Thread.currentThread().interrupt();
			}
		}
	}

	/** The error of an attempt, or {@code null} when it was sent. */
	private String outcome(Parcel parcel, CompletableFuture<String> attempt, boolean interrupted, String previous) {
		if (this.sent.contains(parcel)) {
			return null;
		}
		if (attempt.isDone()) {
			try {
				return attempt.get();
			}
			catch (ExecutionException ex) {
				return Distributor.describe((ex.getCause() instanceof Exception cause) ? cause : ex);
			}
			catch (InterruptedException ex) {
				this.interruptedWait = true;
				return INTERRUPTED;
			}
		}
		attempt.cancel(false);
		if (interrupted) {
			return INTERRUPTED;
		}
		String late = "the distribution's deadline of " + this.properties.deadline().toSeconds() + " s passed";
		if (this.attempts.containsKey(parcel) && previous == null) {
			return "no answer from the mail server before " + late;
		}
		return (previous != null) ? previous + "; then " + late : "not tried: " + late;
	}

	/**
	 * Waits for the attempts of a round until the deadline.
	 * @return whether {@link #stop} ended the wait
	 */
	private boolean awaitRound(java.util.Collection<CompletableFuture<String>> tries, Instant deadline) {
		CompletableFuture<Void> all = CompletableFuture.allOf(tries.toArray(CompletableFuture[]::new));
		long left = Math.max(0, Duration.between(this.clock.instant(), deadline).toMillis());
		try {
			CompletableFuture.anyOf(all, this.stopSignal).get(left, TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException | ExecutionException ex) {
			// the deadline passed, or an attempt failed: each is looked at on its own
		}
		catch (InterruptedException ex) {
			this.interruptedWait = true;
			return true;
		}
		return this.stopSignal.isDone();
	}

	/**
	 * The wait between two rounds.
	 * @return whether {@link #stop} ended it
	 */
	private boolean pause(Duration wait) {
		try {
			this.stopSignal.get(wait.toMillis(), TimeUnit.MILLISECONDS);
			return true;
		}
		catch (TimeoutException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			this.interruptedWait = true;
			return true;
		}
		catch (ExecutionException ex) {
			return true;
		}
	}

	/** One attempt, on a thread of the pool. */
	private String attempt(Parcel parcel) {
		if (this.stopSignal.isDone()) {
			return INTERRUPTED;
		}
		this.attempts.merge(parcel, 1, Integer::sum);
		String error = this.sender.apply(parcel);
		if (error == null) {
			if (settle(parcel, DeliveryLog.SENT, null)) {
				this.onSent.accept(parcel);
			}
		}
		else {
			log.warn("Attempt {} of {} to send to {} failed: {}", this.attempts.get(parcel), this.properties.attempts(),
					parcel.recipient().email(), error);
		}
		return error;
	}

	/**
	 * Records what became of a delivery with the attempts made since its last row: a
	 * message the server took is recorded as sent even after its delivery was counted
	 * failed at the deadline; a failure never overwrites a sent row.
	 * @return whether it was recorded
	 */
	private synchronized boolean settle(Parcel parcel, String status, String error) {
		if (this.closed) {
			log.warn("The mail server took the message to {} after the distribution ended; the delivery log "
					+ "says it failed, so the next --distribute sends it again", parcel.recipient().email());
			return false;
		}
		if (this.sent.contains(parcel)) {
			return false;
		}
		int made = this.attempts.getOrDefault(parcel, 0);
		int before = this.recorded.getOrDefault(parcel, 0);
		this.deliveries.record(parcel, status, made - before, this.clock.instant(), error);
		this.recorded.put(parcel, made);
		if (DeliveryLog.SENT.equals(status)) {
			this.sent.add(parcel);
		}
		return true;
	}

	/** Records nothing more: the log is about to close. */
	synchronized void close() {
		this.closed = true;
		this.done.countDown();
	}

	/**
	 * Ends the rounds at once and waits, at most {@code grace}, for the distribution to
	 * record and report what became of each delivery.
	 */
	void stop(Duration grace) {
		this.stopSignal.complete(null);
		try {
			this.done.await(grace.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** Whether {@link #stop} was called. */
	boolean stopped() {
		return this.stopSignal.isDone();
	}

}
