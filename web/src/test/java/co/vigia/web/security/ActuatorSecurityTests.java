package co.vigia.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import co.vigia.web.WebAppTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The web app's actuator as the services': UP/DOWN for anyone, details and metrics for the operator only. */
class ActuatorSecurityTests extends WebAppTest {

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void healthSaysUpToAnyoneWithoutItsDetails() throws Exception {
        HttpResponse<String> health = get("/actuator/health", null);
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"").doesNotContain("components");
    }

    @Test
    void metricsNeedTheOperatorKey() throws Exception {
        assertThat(get("/actuator/prometheus", null).statusCode()).isEqualTo(401);
        assertThat(get("/actuator/prometheus", "not-the-key").statusCode()).isEqualTo(401);
        HttpResponse<String> metrics = get("/actuator/prometheus", OPERATOR_KEY);
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_");
    }

    @Test
    void healthDetailsNeedTheOperatorKey() throws Exception {
        assertThat(get("/actuator/health", OPERATOR_KEY).body()).contains("components");
    }

    private HttpResponse<String> get(String path, String key) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
