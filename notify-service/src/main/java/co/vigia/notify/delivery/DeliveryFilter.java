package co.vigia.notify.delivery;

import java.time.Instant;

/**
 * Which of a subscription's deliveries a subscriber asks to see in its log: of one status, of one event type, about
 * one bill (the event's subject), created from {@code from} (inclusive) to {@code to} (exclusive). Null: any.
 */
public record DeliveryFilter(DeliveryStatus status, String eventType, String subject, Instant from, Instant to) {

    public static final DeliveryFilter ANY = new DeliveryFilter(null, null, null, null, null);

    public DeliveryFilter {
        eventType = blankToNull(eventType);
        subject = blankToNull(subject);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
