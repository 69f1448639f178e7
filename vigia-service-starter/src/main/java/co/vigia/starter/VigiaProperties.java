package co.vigia.starter;

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
     * @param orphanAfter  how long a staged message whose document does not exist is kept before the sweep drops it:
     *                     its writer may still be between the message's write and the document's; past this it died
     *                     there, or its document lost a key clash, and the message announces nothing that was stored
     */
    public record Outbox(@DefaultValue List<String> collections, @DefaultValue("1s") Duration pollInterval,
                         @DefaultValue("10s") Duration sendTimeout, @DefaultValue("500") int sweepBatch,
                         @DefaultValue("15m") Duration orphanAfter) {
    }

    /**
     * @param operatorKey the operator's API key (from {@code VIGIA_OPERATOR_KEY}); kept only as its hash
     * @param publicWrites path prefixes under {@code /api/} whose writes need no key (e.g. a person following a bill
     *                     by email, who has no key; such endpoints carry their own proof, a signed link, and limits)
     */
    public record Security(@DefaultValue("") String operatorKey, @DefaultValue List<String> publicWrites) {
    }
}
