package co.vigia.notify;

import static org.assertj.core.api.Assertions.assertThat;

import co.vigia.devstack.test.WithTestInfrastructure;
import co.vigia.starter.security.spelling.SideDoors;
import co.vigia.starter.security.spelling.SideDoors.Route;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Every spelling of every route of notify-service (none is public), without a key and with a wrong key: never a
 * 2xx, never a body read, always problem+json.
 */
@SpringBootTest(properties = {"vigia.security.operator-key=side-door-operator-key",
    "vigia.security.rate-limit.anonymous=100000/1s", "vigia.security.rate-limit.failed-authentication=100000/1m"})
@AutoConfigureMockMvc
@WithTestInfrastructure
class NotifySideDoorIntegrationTests {

    static final String SUBSCRIBER = "/api/subscribers/side-door";
    static final String SUBSCRIPTION = "/api/subscriptions/side-door";

    @Autowired
    MockMvc mvc;

    @Test
    void noSpellingOfAnyRouteGetsInWithoutAKey() throws Exception {
        Map<Integer, Integer> statuses = SideDoors.walk(mvc, List.of(
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
                new Route(HttpMethod.GET, "/actuator/prometheus", null),
                new Route(HttpMethod.GET, "/actuator/metrics", null)));
        System.out.println("notify-service side doors, answers by status: " + statuses);
        assertThat(statuses.keySet()).containsOnly(400, 401);
    }
}
