package org.unccd.cst.console;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Five failures in fifteen minutes hold back a name or an address until they age. */
class LoginThrottleTests {

	private Instant now = Instant.parse("2026-12-04T08:00:00Z");

	private final LoginThrottle throttle = new LoginThrottle(new Clock() {

		@Override
		public ZoneOffset getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return LoginThrottleTests.this.now;
		}

	});

	@Test
	void theFifthFailureBlocksTheNameUntilTheFirstAges() {
		for (int i = 0; i < 4; i++) {
			this.throttle.failed("olga", "10.0.0." + i);
			this.now = this.now.plusSeconds(60);
		}
		assertThat(this.throttle.blockedFor("olga", "10.0.0.9")).isZero();
		this.throttle.failed("olga", "10.0.0.4");
		Duration blocked = this.throttle.blockedFor("olga", "10.0.0.9");
		assertThat(blocked).isEqualTo(Duration.ofMinutes(11));
		this.now = this.now.plus(blocked).plusSeconds(1);
		assertThat(this.throttle.blockedFor("olga", "10.0.0.9")).isZero();
	}

	@Test
	void theFifthFailureFromOneAddressBlocksEveryNameFromIt() {
		for (int i = 0; i < 5; i++) {
			this.throttle.failed("user" + i, "10.0.0.1");
		}
		assertThat(this.throttle.blockedFor("vera", "10.0.0.1")).isPositive();
		assertThat(this.throttle.blockedFor("vera", "10.0.0.2")).isZero();
	}

	@Test
	void aSuccessForgetsTheNamesFailuresButNotTheAddresss() {
		for (int i = 0; i < 4; i++) {
			this.throttle.failed("olga", "10.0.0.1");
		}
		this.throttle.succeeded("olga");
		this.throttle.failed("olga", "10.0.0.2");
		assertThat(this.throttle.blockedFor("olga", "10.0.0.3")).isZero();
		this.throttle.failed("vera", "10.0.0.1");
		assertThat(this.throttle.blockedFor("anyone", "10.0.0.1")).isPositive();
	}

}
