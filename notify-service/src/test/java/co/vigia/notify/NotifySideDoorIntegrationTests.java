package co.vigia.notify;

import co.vigia.starter.check.SideDoorTests;
import co.vigia.starter.security.spelling.SideDoors.Route;
import java.util.List;
import org.springframework.http.HttpMethod;

/** Every spelling of every protected route of notify-service (all but following by email). */
class NotifySideDoorIntegrationTests extends SideDoorTests {

    static final String SUBSCRIBER = "/api/subscribers/side-door";
    static final String SUBSCRIPTION = "/api/subscriptions/side-door";

    NotifySideDoorIntegrationTests() {
        super("notify-service", List.of(
                new Route(HttpMethod.POST, "/api/subscribers", "{\"name\":\"\",\"contactEmail\":\"nope\"}"),
                new Route(HttpMethod.GET, "/api/subscribers", null),
                new Route(HttpMethod.GET, "/api/subscribers/me", null),
                new Route(HttpMethod.GET, SUBSCRIBER, null),
                new Route(HttpMethod.POST, SUBSCRIBER + "/suspend", null),
                new Route(HttpMethod.POST, SUBSCRIBER + "/reactivate", null),
                new Route(HttpMethod.POST, SUBSCRIBER + "/rotate-key", null),
                new Route(HttpMethod.DELETE, SUBSCRIBER, null),
                new Route(HttpMethod.POST, "/api/subscriptions", "{\"url\":\"\",\"eventTypes\":[]}"),
                new Route(HttpMethod.GET, "/api/subscriptions", null),
                new Route(HttpMethod.GET, SUBSCRIPTION, null),
                new Route(HttpMethod.PATCH, SUBSCRIPTION, "{\"eventTypes\":12}"),
                new Route(HttpMethod.DELETE, SUBSCRIPTION, null),
                new Route(HttpMethod.POST, SUBSCRIPTION + "/rotate-secret", null),
                new Route(HttpMethod.POST, SUBSCRIPTION + "/test", null),
                new Route(HttpMethod.GET, SUBSCRIPTION + "/deliveries", null),
                new Route(HttpMethod.POST, SUBSCRIPTION + "/replay", null),
                new Route(HttpMethod.GET, "/api/deliveries/side-door", null),
                new Route(HttpMethod.POST, "/api/deliveries/side-door/redeliver", null),
                new Route(HttpMethod.GET, "/api/ops/endpoints", null),
                new Route(HttpMethod.GET, "/api/ops/email", null),
                new Route(HttpMethod.POST, "/api/ops/email/digests", "{\"at\":\"2026-12-07T12:00:00Z\"}"),
                new Route(HttpMethod.GET, "/actuator/prometheus", null),
                new Route(HttpMethod.GET, "/actuator/metrics", null)));
    }
}
