package co.vigia.notify.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import co.vigia.contracts.BillKind;
import co.vigia.contracts.CloudEvent;
import co.vigia.contracts.EventCodec;
import co.vigia.contracts.Topics;
import co.vigia.contracts.bill.BillStageChanged;
import co.vigia.devstack.Ports;
import co.vigia.devstack.ServiceProcess;
import co.vigia.devstack.test.TestInfrastructure;
import co.vigia.notify.Api;
import co.vigia.notify.NotifyServiceApplication;
import co.vigia.testsupport.WebhookReceiver.Reply;
import co.vigia.testsupport.WebhookReceiver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Deliveries live in MongoDB, not in memory: an instance killed with SIGKILL in the middle of a delivery leaves a
 * lease behind; a second instance sharing the consumer group and the database takes the delivery over once that
 * lease runs out and delivers it, with the same webhook-id.
 */
class RestartIntegrationTests {

    private static final String OPERATOR = "operator-key-for-restart-tests";

    @Test
    void anInstanceKilledMidDeliveryIsTakenOverAndTheDeliveryCompletes() throws Exception {
        TestInfrastructure.Endpoints infra = TestInfrastructure.endpoints();
        String database = "notify-restart-" + UUID.randomUUID();
        String group = "notify-restart-" + UUID.randomUUID();
        AtomicInteger calls = new AtomicInteger();
        try (WebhookReceiver receiver = new WebhookReceiver()
                .answering(r -> calls.incrementAndGet() == 1 ? WebhookReceiver.HANG : Reply.status(200))) {
            Map<String, String> env = new HashMap<>();
            env.put("KAFKA_BOOTSTRAP_SERVERS", infra.kafkaBootstrapServers());
            env.put("MONGODB_URI", infra.mongoUri(database));
            env.put("KAFKA_GROUP_ID", group);
            env.put("VIGIA_OPERATOR_KEY", OPERATOR);
            env.put("VIGIA_WEBHOOK_ALLOWED_HOSTS", "127.0.0.1:" + receiver.port());
            env.put("VIGIA_INSTANCE_ID", "notify-a");
            env.put("VIGIA_WEBHOOK_LEASE", "4s");
            // the key of src/test/resources/application.properties, which the second instance (in this JVM) reads
            env.put("VIGIA_SECRET_KEYS", "test:AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=");
            Path jar = Path.of("target", "notify-service.jar").toAbsolutePath();
            ServiceProcess first = new ServiceProcess("notify-a", jar, Ports.free(), env,
                    List.of("-Xmx256m", "-XX:+UseSerialGC"), Files.createTempDirectory("notify-a").resolve("notify-a.log"));
            ConfigurableApplicationContext second = null;
            try {
                first.start();
                await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(first::isHealthy);
                Api apiA = new Api(first.baseUrl());
                String key = apiA.newSubscriberKey(OPERATOR, "Restart NGO");
                String billId = "restart-" + UUID.randomUUID().toString().substring(0, 8);
                String subscriptionId = apiA.subscribe(key, receiver.url("/restart"), "[\"*\"]", "[\"" + billId + "\"]")
                        .path("subscription").path("id").asString();

                CloudEvent event = EventCodec.create("/vigia/test", new BillStageChanged(billId, BillKind.ORDINARY,
                        "FILED", "FIRST_DEBATE", "ACTION", "a-1", LocalDate.of(2023, 3, 15)), Instant.now());
                try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                        "bootstrap.servers", infra.kafkaBootstrapServers()), new StringSerializer(), new StringSerializer())) {
                    producer.send(new ProducerRecord<>(Topics.BILL_EVENTS, billId, EventCodec.write(event))).get();
                }
                // instance A has claimed the delivery and its request is in flight: kill it
                await().atMost(Duration.ofSeconds(60)).until(() -> receiver.received("/restart").size() == 1);
                first.kill();

                int port = Ports.free();
                // command-line arguments: they win over application.yml's environment defaults
                second = new SpringApplicationBuilder(NotifyServiceApplication.class).run(
                        "--server.port=" + port,
                        "--spring.kafka.bootstrap-servers=" + infra.kafkaBootstrapServers(),
                        "--spring.mongodb.uri=" + infra.mongoUri(database),
                        "--spring.kafka.consumer.group-id=" + group,
                        "--vigia.security.operator-key=" + OPERATOR,
                        "--vigia.webhooks.allowed-hosts=127.0.0.1:" + receiver.port(),
                        "--vigia.webhooks.instance-id=notify-b");
                await().atMost(Duration.ofSeconds(60)).until(() -> receiver.received("/restart").size() == 2);
                assertThat(receiver.received("/restart")).extracting(r -> r.header("webhook-id"))
                        .containsOnly(event.id());

                Api apiB = new Api("http://localhost:" + port);
                await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                    JsonNode deliveries = apiB.get("/api/subscriptions/" + subscriptionId + "/deliveries", key).body();
                    assertThat(deliveries.size()).isEqualTo(1);
                    assertThat(deliveries.get(0).path("status").asString()).isEqualTo("DELIVERED");
                    assertThat(deliveries.get(0).path("eventId").asString()).isEqualTo(event.id());
                });
            } finally {
                first.kill();
                if (second != null) {
                    second.close();
                }
            }
        }
    }
}
