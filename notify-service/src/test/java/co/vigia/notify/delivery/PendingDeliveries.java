package co.vigia.notify.delivery;

import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

/** Pending deliveries for tests: one event's fan-out, or one subscription's line of events for one bill. */
final class PendingDeliveries {

    static final Instant NOW = Instant.parse("2026-03-15T12:00:00Z");
    static final String BILL = "PL-001-2023C";

    private PendingDeliveries() {
    }

    /** One event to subscriptions {@code from} to {@code to - 1}: ids {@code event-1:subscription-<i>}. */
    static List<Delivery> fanOut(int from, int to) {
        return IntStream.range(from, to).mapToObj(i -> of("event-1", "subscription-" + i)).toList();
    }

    /** Events {@code from} to {@code to - 1} to one subscription, on one bill: ids {@code event-<i>:subscription-1}. */
    static List<Delivery> line(int from, int to) {
        return IntStream.range(from, to).mapToObj(i -> of("event-" + i, "subscription-1")).toList();
    }

    static Delivery of(String eventId, String subscriptionId) {
        return Delivery.pending(eventId + ":" + subscriptionId, eventId, "co.vigia.bill.stage-changed", BILL, NOW,
                subscriptionId, "subscriber-1", DeliveryTrigger.EVENT, NOW, NOW);
    }
}
