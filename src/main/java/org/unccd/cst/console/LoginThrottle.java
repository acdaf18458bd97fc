package org.unccd.cst.console;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down password guessing: after {@link #LIMIT} failed sign-ins within
 * {@link #WINDOW}, for one user name or from one address, further attempts for that name
 * or from that address are refused until the oldest failure leaves the window.
 */
public class LoginThrottle {

	static final int LIMIT = 5;

	static final Duration WINDOW = Duration.ofMinutes(15);

	private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

	private final Clock clock;

	public LoginThrottle(Clock clock) {
		this.clock = clock;
	}

	/** How long sign-ins for this user or from this address stay refused; zero if not. */
	public Duration blockedFor(String user, String address) {
		Duration byUser = blocked("user:" + user);
		Duration byAddress = blocked("address:" + address);
		return (byUser.compareTo(byAddress) > 0) ? byUser : byAddress;
	}

	public void failed(String user, String address) {
		add("user:" + user);
		add("address:" + address);
	}

	/** A successful sign-in forgets the user's failures (not the address's). */
	public void succeeded(String user) {
		this.failures.remove("user:" + user);
	}

	private void add(String key) {
		Deque<Instant> times = this.failures.computeIfAbsent(key, (k) -> new ArrayDeque<>());
		synchronized (times) {
			prune(times);
			times.addLast(Instant.now(this.clock));
			while (times.size() > LIMIT) {
				times.removeFirst();
			}
		}
	}

	private Duration blocked(String key) {
		Deque<Instant> times = this.failures.get(key);
		if (times == null) {
			return Duration.ZERO;
		}
		synchronized (times) {
			prune(times);
			if (times.size() < LIMIT) {
				return Duration.ZERO;
			}
			return Duration.between(Instant.now(this.clock), times.peekFirst().plus(WINDOW));
		}
	}

	private void prune(Deque<Instant> times) {
		Instant since = Instant.now(this.clock).minus(WINDOW);
		while (!times.isEmpty() && times.peekFirst().isBefore(since)) {
			times.removeFirst();
		}
	}

}
