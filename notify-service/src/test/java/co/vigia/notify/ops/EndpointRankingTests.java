package co.vigia.notify.ops;

import static org.assertj.core.api.Assertions.assertThat;

import co.vigia.notify.delivery.Attempt;
import co.vigia.notify.delivery.Delivery;
import co.vigia.notify.delivery.DeliveryStatus;
import co.vigia.notify.delivery.DeliveryTrigger;
import co.vigia.notify.subscription.Subscription;
import co.vigia.notify.subscription.SubscriptionStatus;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The dashboard's worst endpoints: who receives nothing comes first, then who fails most; healthy ones are left out. */
class EndpointRankingTests {

    static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    static final Instant SINCE = NOW.minusSeconds(3600);

    @Test
    void listsOnlyTroubledEndpointsCutOffFirstThenByFailureRate() {
        List<Subscription> subscriptions = List.of(subscription("healthy", SubscriptionStatus.ACTIVE, null),
                subscription("flaky", SubscriptionStatus.ACTIVE, null),
                subscription("dead", SubscriptionStatus.ACTIVE, null),
                subscription("gone", SubscriptionStatus.DISABLED, "the endpoint answered 410 Gone"));
        List<Delivery> deliveries = List.of(
                delivery("healthy", ok(NOW.minusSeconds(60)), ok(NOW.minusSeconds(30))),
                delivery("flaky", ok(NOW.minusSeconds(90)), failed(NOW.minusSeconds(60), 500, "HTTP 500")),
                delivery("flaky", ok(NOW.minusSeconds(20))),
                delivery("dead", failed(NOW.minusSeconds(50), null, "connection refused"),
                        failed(NOW.minusSeconds(10), 503, "HTTP 503")));
        Map<String, CircuitBreaker.State> breakers = Map.of("dead", CircuitBreaker.State.OPEN);

        List<EndpointReport> worst = EndpointRanking.rank(subscriptions, deliveries, breakers::get, SINCE, 10);

        assertThat(worst).extracting(EndpointReport::subscriptionId).containsExactly("dead", "gone", "flaky");
        EndpointReport dead = worst.get(0);
        assertThat(dead.failureRate()).isEqualTo(1.0);
        assertThat(dead.lastError()).as("the latest attempt's error").isEqualTo("HTTP 503");
        assertThat(dead.host()).isEqualTo("dead.ngo.example");
        assertThat(worst.get(1).disabledReason()).isEqualTo("the endpoint answered 410 Gone");
        assertThat(worst.get(1).circuitBreaker()).as("no breaker yet reads as closed").isEqualTo(CircuitBreaker.State.CLOSED);
        EndpointReport flaky = worst.get(2);
        assertThat(flaky.attempts()).isEqualTo(3);
        assertThat(flaky.failures()).isEqualTo(1);
    }

    @Test
    void attemptsBeforeTheWindowDoNotCountAndTheLimitHolds() {
        List<Subscription> subscriptions = List.of(subscription("a", SubscriptionStatus.ACTIVE, null),
                subscription("b", SubscriptionStatus.ACTIVE, null), subscription("old", SubscriptionStatus.ACTIVE, null));
        List<Delivery> deliveries = List.of(delivery("a", failed(NOW.minusSeconds(5), 500, "HTTP 500")),
                delivery("b", failed(NOW.minusSeconds(5), 500, "HTTP 500"), ok(NOW.minusSeconds(2))),
                delivery("old", failed(SINCE.minusSeconds(1), 500, "HTTP 500"), ok(NOW.minusSeconds(1))));

        List<EndpointReport> worst = EndpointRanking.rank(subscriptions, deliveries, id -> null, SINCE, 1);

        assertThat(worst).extracting(EndpointReport::subscriptionId).containsExactly("a");
        assertThat(EndpointRanking.rank(subscriptions, deliveries, id -> null, SINCE, 10))
                .extracting(EndpointReport::subscriptionId).as("old's failure is before the window").containsExactly("a", "b");
    }

    static Subscription subscription(String id, SubscriptionStatus status, String disabledReason) {
        return new Subscription(id, "ngo-" + id, "https://" + id + ".ngo.example/hooks", null, List.of("*"), List.of(),
                status, disabledReason, disabledReason == null ? null : NOW, List.of(), null, null, SINCE, SINCE, 1L);
    }

    static Delivery delivery(String subscriptionId, Attempt... attempts) {
        return new Delivery("e:" + subscriptionId, "e", "co.vigia.bill.registered", "bill-1", SINCE, subscriptionId,
                "ngo-" + subscriptionId, DeliveryTrigger.EVENT, DeliveryStatus.PENDING, SINCE, 1, NOW, attempts.length,
                List.of(attempts), null, null, null, null, null, null, null, 0L);
    }

    static Attempt ok(Instant at) {
        return new Attempt(at, 200, 12, null, "notify-1");
    }

    static Attempt failed(Instant at, Integer status, String error) {
        return new Attempt(at, status, 12, error, "notify-1");
    }
}
