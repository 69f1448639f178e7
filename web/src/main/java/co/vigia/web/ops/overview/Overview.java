package co.vigia.web.ops.overview;

import co.vigia.web.ops.probe.EndpointReport;
import co.vigia.web.ops.probe.HealthStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Everything the page shows, in one answer: {@code GET /api/overview}. */
public record Overview(Instant generatedAt, List<ServiceView> services, List<ConsumerLag> consumerLag,
                       List<Outbox> outbox, Deliveries deliveries, List<EndpointReport> worstEndpoints,
                       String worstEndpointsProblem, List<DeadLetters> deadLetters, Long votesWaiting) {

    /** A service's health and its components (kafka, mongo, ...), with why it is DOWN when it is. */
    public record ServiceView(String name, String url, HealthStatus status, Map<String, HealthStatus> components,
                              String problem, Instant checkedAt) {
    }

    /** Records a consumer group has yet to process on a topic. */
    public record ConsumerLag(String service, String group, String topic, long lag) {
    }

    /** Events written but not yet in Kafka, and how old the oldest is. */
    public record Outbox(String service, long backlog, double oldestAgeSeconds) {
    }

    /**
     * notify-service's deliveries: attempts by outcome and the p95 from the event's time to the 2xx over the window
     * ({@code windowSeconds}: an hour, or less when notify-service or the console started more recently); pending
     * deliveries now, by age; disabled subscriptions; open circuit breakers; mean attempts per settled delivery.
     * Null figures: notify-service is not answering.
     */
    public record Deliveries(long windowSeconds, Map<String, Long> byOutcome, Double p95LatencySeconds, Long pending,
                             Map<String, Long> pendingByAge, Long disabledSubscriptions, Long openCircuitBreakers,
                             Double attemptsPerDelivery) {
    }

    /** Records a service's consumers sent to {@code <topic>.DLT}: since the service started, and in the window. */
    public record DeadLetters(String service, String topic, long total, long lastWindow) {
    }
}
