package co.vigia.notify.ops;

import co.vigia.notify.delivery.Attempt;
import co.vigia.notify.delivery.Delivery;
import co.vigia.notify.subscription.Subscription;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The worst endpoints, from their subscriptions and the attempts of the window: only endpoints with a failure, an
 * open or half-open circuit, or a disabled subscription are listed (a healthy Vigía lists none). Those that
 * receive nothing right now come first, then by failure rate, then by the number of failures.
 */
public final class EndpointRanking {

    static final Comparator<EndpointReport> WORST_FIRST = Comparator.comparing(EndpointReport::cutOff).reversed()
            .thenComparing(Comparator.comparingDouble(EndpointReport::failureRate).reversed())
            .thenComparing(Comparator.comparingLong(EndpointReport::failures).reversed())
            .thenComparing(EndpointReport::subscriptionId);

    private EndpointRanking() {
    }

    private static final class Tally {
        long attempts;
        long failures;
        Attempt last;

        void add(Attempt attempt) {
            attempts++;
            if (!succeeded(attempt)) {
                failures++;
            }
            if (last == null || attempt.at().isAfter(last.at())) {
                last = attempt;
            }
        }
    }

    public static List<EndpointReport> rank(Collection<Subscription> subscriptions, Collection<Delivery> deliveries,
                                            Function<String, CircuitBreaker.State> breakerState, Instant since,
                                            int limit) {
        Map<String, Tally> tallies = new HashMap<>();
        for (Delivery delivery : deliveries) {
            for (Attempt attempt : delivery.attempts() == null ? List.<Attempt>of() : delivery.attempts()) {
                if (attempt.at() != null && !attempt.at().isBefore(since)) {
                    tallies.computeIfAbsent(delivery.subscriptionId(), id -> new Tally()).add(attempt);
                }
            }
        }
        List<EndpointReport> reports = new ArrayList<>();
        for (Subscription s : subscriptions) {
            Tally tally = tallies.getOrDefault(s.id(), new Tally());
            CircuitBreaker.State breaker = breakerState.apply(s.id());
            EndpointReport report = new EndpointReport(s.id(), s.subscriberId(), host(s.url()), s.status(),
                    tally.attempts, tally.failures, tally.attempts == 0 ? 0 : (double) tally.failures / tally.attempts,
                    breaker == null ? CircuitBreaker.State.CLOSED : breaker,
                    tally.last == null ? null : tally.last.error(), tally.last == null ? null : tally.last.at(),
                    s.disabledReason(), s.failingSince());
            if (report.troubled()) {
                reports.add(report);
            }
        }
        reports.sort(WORST_FIRST);
        return reports.size() > limit ? List.copyOf(reports.subList(0, limit)) : List.copyOf(reports);
    }

    static boolean succeeded(Attempt attempt) {
        return attempt.statusCode() != null && attempt.statusCode() >= 200 && attempt.statusCode() < 300;
    }

    private static String host(String url) {
        try {
            String host = URI.create(url).getHost();
            return host == null ? url : host;
        } catch (IllegalArgumentException e) {
            return url;
        }
    }
}
