package co.vigia.bill;

import static org.assertj.core.api.Assertions.assertThat;

import co.vigia.devstack.test.WithTestInfrastructure;
import co.vigia.starter.check.ServiceApplicationTests;
import co.vigia.testsupport.Api;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/** The service starts on real Kafka and MongoDB, reports them healthy and talks to the broker. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "vigia.security.operator-key=" + ServiceApplicationTests.OPERATOR_KEY)
@WithTestInfrastructure
class BillServiceApplicationIntegrationTests extends ServiceApplicationTests {

    BillServiceApplicationIntegrationTests() {
        super("bill-service", Set.of());
    }

    @Test
    void throughTomcatAPathParameterIsRefusedBeforeTheKeyOrTheBodyMatter() {
        Api anonymous = Api.onPort(port, null);
        Api.Response sideDoor = anonymous.post("/api;x/bills", "{\"id\":\"\"}");
        assertThat(sideDoor.status()).isEqualTo(400);
        assertThat(sideDoor.contentType()).isEqualTo("application/problem+json;charset=UTF-8");
        assertThat(sideDoor.body()).contains("rejected-request").doesNotContain("\"errors\"");
        Api.Response noKey = anonymous.post("/api/bills", "{\"id\":\"\"}");
        assertThat(noKey.status()).isEqualTo(401);
        assertThat(noKey.contentType()).isEqualTo("application/problem+json;charset=UTF-8");
    }
}
