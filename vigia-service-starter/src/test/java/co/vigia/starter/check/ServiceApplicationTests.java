package co.vigia.starter.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

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
        assertThat(send("/actuator/prometheus", null).statusCode()).isEqualTo(401);
        assertThat(send("/actuator/metrics", null).statusCode()).isEqualTo(401);
        assertThat(send("/actuator/metrics", "not-the-key").statusCode()).isEqualTo(401);
        assertThat(send("/actuator/prometheus", OPERATOR_KEY).body()).contains("application=\"" + application + "\"");
        assertThat(send("/actuator/metrics", OPERATOR_KEY).statusCode()).isEqualTo(200);
    }

    @Test
    protected void openApiShowsTheBearerRequirementOnWritesAndNoCallerParameter() throws Exception {
        ApiDocsChecks.callersAreSecurityRequirements(get("/v3/api-docs", null), publicWrites);
    }

    @Test
    protected void securityHeadersAreSetAndSwaggerUiIsServedWithAContentSecurityPolicy() throws Exception {
        HttpResponse<String> docs = send("/v3/api-docs", null);
        assertThat(docs.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(docs.headers().firstValue("X-Frame-Options")).contains("DENY");
        HttpResponse<String> ui = send("/swagger-ui/index.html", null);
        assertThat(ui.statusCode()).isEqualTo(200);
        assertThat(ui.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("script-src 'self'").contains("frame-ancestors 'none'");
        // Swagger UI runs from its own files only: no inline script for the policy to block
        assertThat(ui.body()).doesNotContainPattern("<script>\\s*\\S");
    }

    @Test
    protected void aRecordPublishedToATopicIsConsumedBack() throws Exception {
        String topic = application + "-roundtrip-" + UUID.randomUUID();
        kafka.send(topic, "sometimiento", "{\"hello\":\"kafka\"}").get();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "roundtrip-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.currentTimeMillis() + 30_000;
            ConsumerRecord<String, String> got = null;
            while (got == null && System.currentTimeMillis() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    got = r;
                }
            }
            assertThat(got).isNotNull();
            assertThat(got.key()).isEqualTo("sometimiento");
            assertThat(got.value()).isEqualTo("{\"hello\":\"kafka\"}");
        }
    }

    protected JsonNode get(String path, String key) throws Exception {
        return JsonMapper.builder().build().readTree(send(path, key).body());
    }

    protected HttpResponse<String> send(String path, String key) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
