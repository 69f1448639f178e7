package co.vigia.notify.retention;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Retention periods that would lose a pending delivery's event, or deliver a re-read record twice, are refused. */
class RetentionPropertiesTests {

    private static final Duration PENDING = Duration.ofDays(14);
    private static final Duration KAFKA = Duration.ofDays(30);

    @Test
    void theDefaultsOutliveAPendingDeliveryAndKafkasRetention() {
        assertThatCode(() -> new RetentionProperties(Duration.ofDays(90), Duration.ofDays(90))
                .requireLongEnough(PENDING, KAFKA)).doesNotThrowAnyException();
    }

    @Test
    void eventsKeptShorterThanKafkaKeepsTheirRecordsAreRefused() {
        assertThatThrownBy(() -> new RetentionProperties(Duration.ofDays(90), Duration.ofDays(29))
                .requireLongEnough(PENDING, KAFKA)).hasMessageContaining("VIGIA_RETENTION_EVENTS")
                .hasMessageContaining("PT720H");
    }

    @Test
    void eventsKeptShorterThanADeliveryCanStayPendingAreRefused() {
        assertThatThrownBy(() -> new RetentionProperties(Duration.ofDays(90), Duration.ofDays(10))
                .requireLongEnough(Duration.ofDays(40), Duration.ofDays(7))).hasMessageContaining("pending");
    }

    @Test
    void aZeroDeliveryRetentionIsRefused() {
        assertThatThrownBy(() -> new RetentionProperties(Duration.ZERO, Duration.ofDays(90))
                .requireLongEnough(PENDING, KAFKA)).hasMessageContaining("VIGIA_RETENTION_DELIVERIES");
    }
}
