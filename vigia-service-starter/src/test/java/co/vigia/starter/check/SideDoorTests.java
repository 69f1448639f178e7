package co.vigia.starter.check;

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
import org.springframework.test.web.servlet.MockMvc;

/**
 * Every spelling of every protected route of a service, without a key and with a wrong key: never a 2xx, never a
 * body read, always problem+json (issue 23: {@code POST /api;x/bills} used to reach the controller). A service's
 * test extends it and lists its routes, each with a body its handler would refuse.
 */
@SpringBootTest(properties = {"vigia.security.operator-key=side-door-operator-key",
    "vigia.security.rate-limit.anonymous=100000/1s", "vigia.security.rate-limit.failed-authentication=100000/1m"})
@AutoConfigureMockMvc
@WithTestInfrastructure
public abstract class SideDoorTests {

    private final String service;
    private final List<Route> routes;

    @Autowired
    MockMvc mvc;

    protected SideDoorTests(String service, List<Route> routes) {
        this.service = service;
        this.routes = List.copyOf(routes);
    }

    @Test
    protected void noSpellingOfAProtectedRouteGetsInWithoutTheOperatorKey() throws Exception {
        Map<Integer, Integer> statuses = SideDoors.walk(mvc, routes);
        System.out.println(service + " side doors, answers by status: " + statuses);
        assertThat(statuses.keySet()).containsOnly(400, 401);
    }
}
