package co.vigia.bill;

import co.vigia.starter.check.SideDoorTests;
import co.vigia.starter.security.spelling.SideDoors.Route;
import java.util.List;
import org.springframework.http.HttpMethod;

/** Every spelling of every protected route of bill-service (the walk is the starter's). */
class BillSideDoorIntegrationTests extends SideDoorTests {

    static final String INVALID_BILL = "{\"id\":\"Not A Slug\",\"title\":\"\",\"articleCount\":0}";

    BillSideDoorIntegrationTests() {
        super("bill-service", List.of(
                new Route(HttpMethod.POST, "/api/bills", INVALID_BILL),
                new Route(HttpMethod.POST, "/api/bills/side-door-bill/actions", "{\"type\":\"NOPE\",\"date\":12}"),
                new Route(HttpMethod.PUT, "/api/ops/clock", "{\"now\":\"yesterday\"}"),
                new Route(HttpMethod.GET, "/actuator/prometheus", null),
                new Route(HttpMethod.GET, "/actuator/metrics", null)));
    }
}
