package co.vigia.vote;

import co.vigia.starter.check.SideDoorTests;
import co.vigia.starter.security.spelling.SideDoors.Route;
import java.util.List;
import org.springframework.http.HttpMethod;

/**
 * Every spelling of every protected route of vote-service (the walk is the starter's): a roll call or a batch
 * parsed would answer 400 naming its fields.
 */
class VoteSideDoorIntegrationTests extends SideDoorTests {

    VoteSideDoorIntegrationTests() {
        super("vote-service", List.of(
                new Route(HttpMethod.POST, "/api/votes", "{\"billId\":\"\",\"members\":12}"),
                new Route(HttpMethod.POST, "/api/votes:batch", "[{\"billId\":\"\"}]"),
                new Route(HttpMethod.POST, "/api/objections", "{\"kind\":\"NOPE\"}"),
                new Route(HttpMethod.POST, "/api/objections/side-door/resolution", "{\"outcome\":12}"),
                new Route(HttpMethod.GET, "/actuator/prometheus", null),
                new Route(HttpMethod.GET, "/actuator/metrics", null)));
    }
}
