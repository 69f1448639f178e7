package co.vigia.notify.delivery;

import co.vigia.notify.subscription.SubscriptionRepository;
import co.vigia.notify.subscription.SubscriptionStatus;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * {@code vigia.deliveries} attempts by outcome, {@code vigia.delivery.latency} from the event's time to the 2xx
 * (a histogram, so p95 and p99 can be read), {@code vigia.delivery.attempts} per settled delivery, and gauges of
 * pending deliveries (also by age, so a backlog that only grows older stands out) and disabled subscriptions.
 */
@Component
public class DeliveryMetrics {

    /** The age buckets of {@code vigia_deliveries_pending_by_age}: disjoint, so they add up to the pending total. */
    enum PendingAge {
        UNDER_1M("lt_1m", null, Duration.ofMinutes(1)),
        FROM_1M_TO_5M("1m_5m", Duration.ofMinutes(1), Duration.ofMinutes(5)),
        FROM_5M_TO_1H("5m_1h", Duration.ofMinutes(5), Duration.ofHours(1)),
        OVER_1H("gt_1h", Duration.ofHours(1), null);

        final String label;
        final Duration atLeast;
        final Duration under;

        PendingAge(String label, Duration atLeast, Duration under) {
            this.label = label;
            this.atLeast = atLeast;
            this.under = under;
        }

        long count(DeliveryHistory history, Instant now) {
            return history.countPendingCreated(under == null ? null : now.minus(under),
                    atLeast == null ? null : now.minus(atLeast));
        }
    }

    private final MeterRegistry registry;
    private final Timer latency;
    private final DistributionSummary attempts;

    public DeliveryMetrics(MeterRegistry registry, DeliveryHistory history, SubscriptionRepository subscriptions,
                           Clock clock) {
        this.registry = registry;
        this.latency = Timer.builder("vigia.delivery.latency").description("event time to the receiver's 2xx")
                .publishPercentileHistogram().register(registry);
        this.attempts = DistributionSummary.builder("vigia.delivery.attempts")
                .description("HTTP attempts a delivery took until it was delivered or failed for good")
                .serviceLevelObjectives(1, 2, 3, 5, 8).register(registry);
        Gauge.builder("vigia.deliveries.pending", history, DeliveryHistory::countPending)
                .description("deliveries waiting for an attempt or a retry").register(registry);
        for (PendingAge age : PendingAge.values()) {
            Gauge.builder("vigia.deliveries.pending.by.age", history, h -> age.count(h, clock.instant()))
                    .description("pending deliveries by the time since they were created").tag("age", age.label)
                    .register(registry);
        }
        Gauge.builder("vigia.subscriptions.disabled", subscriptions, s -> s.countByStatus(SubscriptionStatus.DISABLED))
                .description("subscriptions disabled by Vigía").register(registry);
    }

    public void attempt(String outcome) {
        Counter.builder("vigia.deliveries").tag("outcome", outcome).register(registry).increment();
    }

    public void delivered(Duration sinceEvent) {
        latency.record(sinceEvent.isNegative() ? Duration.ZERO : sinceEvent);
    }

    /** A delivery reached DELIVERED or FAILED after {@code attemptCount} HTTP attempts. */
    public void settled(int attemptCount) {
        attempts.record(attemptCount);
    }
}
