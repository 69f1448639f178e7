package co.vigia.starter;

import co.vigia.starter.ratelimit.Limit;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings every service shares, under {@code vigia.*}.
 *
 * @param source the CloudEvents {@code source} of the events this service emits, e.g. {@code /vigia/bill-service}
 */
@ConfigurationProperties("vigia")
public record VigiaProperties(
        @DefaultValue("/vigia/unknown") String source,
        @DefaultValue Kafka kafka,
        @DefaultValue Outbox outbox,
        @DefaultValue Security security) {

    /**
     * @param partitions     partitions of each event topic, so consumer groups can scale out
     * @param replicationFactor replicas of each topic (1 on the embedded broker, 3 in production)
     * @param retention      how long events are kept for replay
     * @param healthTimeout  how long the health check waits for the broker
     */
    public record Kafka(@DefaultValue("6") int partitions, @DefaultValue("1") short replicationFactor,
                        @DefaultValue("30d") Duration retention, @DefaultValue("2s") Duration healthTimeout,
                        @DefaultValue("60s") Duration retryFor) {
    }

    /**
     * @param collections  MongoDB collections whose documents carry an {@code outbox} array
     * @param pollInterval how often the relay sweeps for messages a crash left behind
     * @param sendTimeout  how long the relay waits for Kafka to acknowledge a message
     * @param sweepBatch   how many documents with messages waiting one sweep reads per collection
     */
    public record Outbox(@DefaultValue List<String> collections, @DefaultValue("1s") Duration pollInterval,
                         @DefaultValue("10s") Duration sendTimeout, @DefaultValue("500") int sweepBatch) {
    }

    /**
     * @param operatorKey        the operator's API key (from {@code VIGIA_OPERATOR_KEY}); kept only as its hash
     * @param keyCacheTtl        how long a key's verdict (its caller, or unknown) is kept before the stores are asked
     *                           again: a repeated key costs no database read within it
     * @param keyRotationOverlap how long a rotated API key keeps working beside its successor
     */
    public record Security(@DefaultValue("") String operatorKey, @DefaultValue("10s") Duration keyCacheTtl,
                           @DefaultValue("1h") Duration keyRotationOverlap, @DefaultValue RateLimit rateLimit) {
    }

    /**
     * Requests per client, as {@code <permits>/<period>}; past a limit the answer is 429 with {@code Retry-After}.
     *
     * @param operator             per operator key
     * @param subscriber           per subscriber key
     * @param anonymous            per client address, for requests without a key
     * @param failedAuthentication wrong keys per client address; past it even the key check is skipped
     * @param expensive            per key, on the routes a service marks expensive (replays, tests, redeliveries),
     *                             on top of the caller's own limit
     */
    public record RateLimit(@DefaultValue("true") boolean enabled, @DefaultValue("1000/1s") Limit operator,
                            @DefaultValue("50/1s") Limit subscriber, @DefaultValue("100/1s") Limit anonymous,
                            @DefaultValue("20/1m") Limit failedAuthentication,
                            @DefaultValue("10/1m") Limit expensive) {
    }
}
