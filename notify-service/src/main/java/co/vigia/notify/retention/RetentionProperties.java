package co.vigia.notify.retention;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long notify-service keeps its history, under {@code vigia.retention.*}: MongoDB removes what is older (TTL
 * indexes; see {@link RetentionIndexes}).
 *
 * @param deliveries a delivery record, counted from when it was settled (delivered or failed); pending ones stay
 * @param events     a stored event, counted from when it was received: what redelivery and replay can re-send, and
 *                   what recognises an event Kafka hands over again
 */
@ConfigurationProperties("vigia.retention")
public record RetentionProperties(@DefaultValue("90d") Duration deliveries, @DefaultValue("90d") Duration events) {

    /**
     * Refuses periods that would lose something: a stored event must outlive the longest a delivery of it can stay
     * pending, and Kafka's retention (a record read again after its event expired would be delivered again).
     */
    public void requireLongEnough(Duration longestPending, Duration kafkaRetention) {
        if (deliveries.isNegative() || deliveries.isZero()) {
            throw new IllegalArgumentException("vigia.retention.deliveries (VIGIA_RETENTION_DELIVERIES) must be positive");
        }
        Duration floor = longestPending.compareTo(kafkaRetention) > 0 ? longestPending : kafkaRetention;
        if (events.compareTo(floor) < 0) {
            throw new IllegalArgumentException("vigia.retention.events (VIGIA_RETENTION_EVENTS) is " + events
                    + "; it must be at least " + floor + ": longer than a delivery can stay pending (" + longestPending
                    + ") and than Kafka keeps a record (" + kafkaRetention + "), or a pending delivery would lose its "
                    + "event and a record read again would be delivered again");
        }
    }
}
