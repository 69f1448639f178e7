package co.vigia.starter.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counts what consumers do with each event: {@code vigia_events_consumed_total{topic, outcome}} with outcome
 * {@code applied}, {@code duplicate} (an event id seen before: idempotency at work), {@code ignored} (a type this
 * consumer has no use for) or {@code dead_lettered}; their sum per topic is what the consumer consumed.
 */
public class EventMetrics {

    public enum Outcome { APPLIED, DUPLICATE, IGNORED, DEAD_LETTERED }

    private final MeterRegistry registry;

    public EventMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void applied(String topic) {
        count(topic, Outcome.APPLIED);
    }

    public void duplicate(String topic) {
        count(topic, Outcome.DUPLICATE);
    }

    public void deadLettered(String topic) {
        count(topic, Outcome.DEAD_LETTERED);
    }

    public void count(String topic, Outcome outcome) {
        if (registry == null) {
            return;
        }
        Counter.builder("vigia.events.consumed").description("Events consumed, by topic and outcome")
                .tag("topic", topic).tag("outcome", outcome.name().toLowerCase()).register(registry).increment();
    }
}
