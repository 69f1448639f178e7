package co.vigia.notify.ops;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import co.vigia.starter.openapi.CallableBy;
import co.vigia.starter.security.Role;
import co.vigia.notify.delivery.DeliveryHistory;
import co.vigia.notify.delivery.EndpointGates;
import co.vigia.notify.subscription.Subscription;
import co.vigia.notify.subscription.SubscriptionRepository;
import co.vigia.notify.subscription.SubscriptionStatus;
import co.vigia.starter.security.Caller;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/ops/endpoints} (operator): the worst webhook endpoints of the last hour, for the operators'
 * console (the web app's /ops). Read from MongoDB, so every instance answers alike; the circuit state is this
 * instance's.
 */
@Tag(name = "operations", description = "What operators watch")
@RestController
@Validated
public class EndpointReportController {

    static final Duration WINDOW = Duration.ofHours(1);
    /** A bound on the deliveries read per report, newest first: enough for any endpoint that is failing now. */
    static final int MAX_DELIVERIES = 5_000;

    private final DeliveryHistory deliveries;
    private final SubscriptionRepository subscriptions;
    private final EndpointGates gates;
    private final Clock clock;

    public EndpointReportController(DeliveryHistory deliveries, SubscriptionRepository subscriptions,
                                    EndpointGates gates, Clock clock) {
        this.deliveries = deliveries;
        this.subscriptions = subscriptions;
        this.gates = gates;
        this.clock = clock;
    }

    @Operation(operationId = "worstEndpoints", summary = "The worst webhook endpoints",
            description = "Endpoints by failure rate over the last hour, with their circuit breaker's state, whether disabled, and the last error (the ops dashboard shows them). Changes nothing.")
    @CallableBy(Role.OPERATOR)
    @Parameter(name = "limit", description = "How many endpoints, 1 to 100.", example = "10")
    @GetMapping("/api/ops/endpoints")
    public List<EndpointReport> worst(Caller caller, @RequestParam(defaultValue = "10") @Min(1) @Max(100) int limit) {
        caller.requireOperator();
        Instant since = clock.instant().minus(WINDOW);
        var attempted = deliveries.attemptedSince(since, MAX_DELIVERIES);
        Set<String> ids = new HashSet<>();
        attempted.forEach(d -> ids.add(d.subscriptionId()));
        Map<String, Subscription> concerned = new LinkedHashMap<>();
        subscriptions.findAllById(ids).forEach(s -> concerned.put(s.id(), s));
        subscriptions.findByStatus(SubscriptionStatus.DISABLED).forEach(s -> concerned.put(s.id(), s));
        return EndpointRanking.rank(concerned.values(), attempted, gates::knownState, since, limit);
    }
}
