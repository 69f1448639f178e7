package co.vigia.vote;

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
 * Every spelling of every protected route of vote-service, without a key and with a wrong key: never a 2xx, never
 * a body read (a roll call or a batch parsed would answer 400 naming its fields), always problem+json.
 */
@SpringBootTest(properties = {"vigia.security.operator-key=side-door-operator-key",
    "vigia.security.rate-limit.anonymous=100000/1s", "vigia.security.rate-limit.failed-authentication=100000/1m"})
@AutoConfigureMockMvc
@WithTestInfrastructure
class VoteSideDoorIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Test
    void noSpellingOfAProtectedRouteGetsInWithoutTheOperatorKey() throws Exception {
        Map<Integer, Integer> statuses = SideDoors.walk(mvc, List.of(
                new Route(HttpMethod.POST, "/api/votes", "{\"billId\":\"\",\"members\":12}"),
                new Route(HttpMethod.POST, "/api/votes:batch", "[{\"billId\":\"\"}]"),
                new Route(HttpMethod.POST, "/api/objections", "{\"kind\":\"NOPE\"}"),
                new Route(HttpMethod.POST, "/api/objections/side-door/resolution", "{\"outcome\":12}"),
                new Route(HttpMethod.GET, "/actuator/prometheus", null),
                new Route(HttpMethod.GET, "/actuator/metrics", null)));
        System.out.println("vote-service side doors, answers by status: " + statuses);
        assertThat(statuses.keySet()).containsOnly(400, 401);
    }
}
