package org.unccd.cst.distribute;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How {@code --distribute} sends: {@code cst.distribution.*}. The SMTP server itself is
 * {@code spring.mail.*}.
 *
 * @param from the sender's address
 * @param attempts how many times a delivery is tried before it is logged as failed
 * @param backoff the wait after the first failed attempt, doubled after each further one
 * @param deadline how long one distribution may take in all, however many recipients:
 * past it, no delivery is tried again or started, and those left are logged as failed for
 * the next run
 * @param parallel how many deliveries go at once
 * @param requireApproval whether only an approved set is sent ({@code --approve}); when
 * false, every published set is sent as it is published
 */
@ConfigurationProperties("cst.distribution")
public record DistributionProperties(@DefaultValue("cst-reports@example.org") String from,
		@DefaultValue("3") int attempts, @DefaultValue("5s") Duration backoff, @DefaultValue("5m") Duration deadline,
		@DefaultValue("4") int parallel, @DefaultValue("true") boolean requireApproval) {

}
