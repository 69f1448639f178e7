package co.vigia.bill;

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
 * Every spelling of every protected route of bill-service, without a key and with a wrong key: never a 2xx, never
 * a body read, always problem+json (issue 23: {@code POST /api;x/bills} used to reach the controller).
 */
@SpringBootTest(properties = {"vigia.security.operator-key=side-door-operator-key",
    "vigia.security.rate-limit.anonymous=100000/1s", "vigia.security.rate-limit.failed-authentication=100000/1m"})
@AutoConfigureMockMvc
@WithTestInfrastructure
class BillSideDoorIntegrationTests {

    static final String INVALID_BILL = "{\"id\":\"Not A Slug\",\"title\":\"\",\"articleCount\":0}";

    @Autowired
    MockMvc mvc;

    @Test
    void noSpellingOfAProtectedRouteGetsInWithoutTheOperatorKey() throws Exception {
        Map<Integer, Integer> statuses = SideDoors.walk(mvc, List.of(
                new Route(HttpMethod.POST, "/api/bills", INVALID_BILL),
                new Route(HttpMethod.POST, "/api/bills/side-door-bill/actions", "{\"type\":\"NOPE\",\"date\":12}"),
                new Route(HttpMethod.PUT, "/api/ops/clock", "{\"now\":\"yesterday\"}"),
                new Route(HttpMethod.GET, "/actuator/prometheus", null),
                new Route(HttpMethod.GET, "/actuator/metrics", null)));
        System.out.println("bill-service side doors, answers by status: " + statuses);
        assertThat(statuses.keySet()).containsOnly(400, 401);
    }
}
