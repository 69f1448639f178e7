package co.vigia.bill;

import static org.assertj.core.api.Assertions.assertThat;

import co.vigia.devstack.test.WithTestInfrastructure;
import co.vigia.starter.check.ServiceApplicationTests;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
    void throughTomcatAPathParameterIsRefusedBeforeTheKeyOrTheBodyMatter() throws Exception {
        HttpResponse<String> sideDoor = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api;x/bills"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"id\":\"\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(sideDoor.statusCode()).isEqualTo(400);
        assertThat(sideDoor.headers().firstValue("Content-Type")).contains("application/problem+json;charset=UTF-8");
        assertThat(sideDoor.body()).contains("rejected-request").doesNotContain("\"errors\"");
        HttpResponse<String> noKey = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/bills"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"id\":\"\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(noKey.statusCode()).isEqualTo(401);
        assertThat(noKey.headers().firstValue("Content-Type")).contains("application/problem+json;charset=UTF-8");
    }
}
