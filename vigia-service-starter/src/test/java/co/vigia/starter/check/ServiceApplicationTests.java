package co.vigia.starter.check;

import static org.assertj.core.api.Assertions.assertThat;

import co.vigia.testsupport.Api;
import co.vigia.testsupport.TopicReader;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.JsonNode;

/**
 * What every service's application test checks, once: it starts on real Kafka and MongoDB, reports them healthy
 * (components to the operator only), documents callers as security requirements, sets the security headers and
 * talks to the broker. A service's test extends it with {@code @SpringBootTest(webEnvironment = RANDOM_PORT,
 * properties = "vigia.security.operator-key=" + OPERATOR_KEY)} and its test infrastructure.
 */
public abstract class ServiceApplicationTests {

    public static final String OPERATOR_KEY = "application-it-operator-key";

    private final String application;
    private final Set<String> publicWrites;

    @LocalServerPort
    protected int port;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    @Autowired
    KafkaTemplate<String, String> kafka;

    /**
     * @param application  the service's name, as its metrics label it
     * @param publicWrites writes documented without a key ("post /api/email/follows")
     */
    protected ServiceApplicationTests(String application, Set<String> publicWrites) {
        this.application = application;
        this.publicWrites = Set.copyOf(publicWrites);
    }

    @Test
    protected void healthIsUpWithKafkaAndMongoComponentsUp() throws Exception {
        JsonNode health = get("/actuator/health", OPERATOR_KEY);
        assertThat(health.path("status").asString()).isEqualTo("UP");
        assertThat(health.path("components").path("kafka").path("status").asString()).isEqualTo("UP");
        assertThat(health.path("components").path("mongo").path("status").asString()).isEqualTo("UP");
        assertThat(get("/actuator/health/readiness", null).path("status").asString()).isEqualTo("UP");
        assertThat(get("/actuator/health/liveness", null).path("status").asString()).isEqualTo("UP");
    }

    @Test
    protected void everyoneSeesUpOrDownButOnlyTheOperatorSeesComponentsAndMetrics() throws Exception {
        JsonNode anonymous = get("/actuator/health", null);
        assertThat(anonymous.path("status").asString()).isEqualTo("UP");
        assertThat(anonymous.has("components")).isFalse();
        assertThat(send("/actuator/prometheus", null).status()).isEqualTo(401);
        assertThat(send("/actuator/metrics", null).status()).isEqualTo(401);
        assertThat(send("/actuator/metrics", "not-the-key").status()).isEqualTo(401);
        assertThat(send("/actuator/prometheus", OPERATOR_KEY).body()).contains("application=\"" + application + "\"");
        assertThat(send("/actuator/metrics", OPERATOR_KEY).status()).isEqualTo(200);
    }

    @Test
    protected void openApiShowsTheBearerRequirementOnWritesAndNoCallerParameter() throws Exception {
        ApiDocsChecks.callersAreSecurityRequirements(get("/v3/api-docs", null), publicWrites);
    }

    @Test
    protected void securityHeadersAreSetAndSwaggerUiIsServedWithAContentSecurityPolicy() throws Exception {
        Api.Response docs = send("/v3/api-docs", null);
        assertThat(docs.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(docs.header("X-Frame-Options")).isEqualTo("DENY");
        Api.Response ui = send("/swagger-ui/index.html", null);
        assertThat(ui.status()).isEqualTo(200);
        assertThat(ui.header("Content-Security-Policy"))
                .contains("script-src 'self'").contains("frame-ancestors 'none'");
        // Swagger UI runs from its own files only: no inline script for the policy to block
        assertThat(ui.body()).doesNotContainPattern("<script>\\s*\\S");
    }

    @Test
    protected void aRecordPublishedToATopicIsConsumedBack() throws Exception {
        String topic = application + "-roundtrip-" + UUID.randomUUID();
        kafka.send(topic, "sometimiento", "{\"hello\":\"kafka\"}").get();
        List<ConsumerRecord<String, String>> got = new TopicReader(bootstrapServers)
                .readUntil(topic, Duration.ofSeconds(30), records -> !records.isEmpty());
        assertThat(got).isNotEmpty();
        assertThat(got.get(0).key()).isEqualTo("sometimiento");
        assertThat(got.get(0).value()).isEqualTo("{\"hello\":\"kafka\"}");
    }

    protected JsonNode get(String path, String key) {
        return send(path, key).json();
    }

    protected Api.Response send(String path, String key) {
        return Api.onPort(port, key).get(path);
    }
}
