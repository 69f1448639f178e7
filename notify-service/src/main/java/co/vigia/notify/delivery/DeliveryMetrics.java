package co.vigia.notify.delivery;

import co.vigia.notify.subscription.SubscriptionRepository;
import co.vigia.notify.subscription.SubscriptionStatus;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * {@code vigia.deliveries} attempts by outcome, {@code vigia.delivery.latency} from the event's time to the 2xx
 * (a histogram, so p99 can be read), and gauges of pending deliveries and disabled subscriptions.
 */
@Component
public class DeliveryMetrics {

    private final MeterRegistry registry;
    private final Timer latency;

    public DeliveryMetrics(MeterRegistry registry, DeliveryStore store, SubscriptionRepository subscriptions) {
        this.registry = registry;
        this.latency = Timer.builder("vigia.delivery.latency").description("event time to the receiver's 2xx")
                .publishPercentileHistogram().register(registry);
        Gauge.builder("vigia.deliveries.pending", store, DeliveryStore::countPending)
                .description("deliveries waiting for an attempt or a retry").register(registry);
        Gauge.builder("vigia.subscriptions.disabled", subscriptions, s -> s.countByStatus(SubscriptionStatus.DISABLED))
                .description("subscriptions disabled by Vigía").register(registry);
    }

    public void attempt(String outcome) {
        Counter.builder("vigia.deliveries").tag("outcome", outcome).register(registry).increment();
    }

    public void delivered(Duration sinceEvent) {
        latency.record(sinceEvent.isNegative() ? Duration.ZERO : sinceEvent);
    }
}
