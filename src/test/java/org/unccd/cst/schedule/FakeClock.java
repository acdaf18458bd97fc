package org.unccd.cst.schedule;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * A clock that moves only when told to.
 */
final class FakeClock extends Clock {

	private Instant now;

	private final ZoneId zone;

	FakeClock(Instant now, ZoneId zone) {
		this.now = now;
		this.zone = zone;
	}

	void advance(Duration duration) {
		this.now = this.now.plus(duration);
	}

	@Override
	public ZoneId getZone() {
		return this.zone;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return new Clock() {

			@Override
			public ZoneId getZone() {
				return zone;
			}

			@Override
			public Clock withZone(ZoneId other) {
				return FakeClock.this.withZone(other);
			}

			@Override
			public Instant instant() {
				return FakeClock.this.instant();
			}

		};
	}

	@Override
	public Instant instant() {
		return this.now;
	}

}
