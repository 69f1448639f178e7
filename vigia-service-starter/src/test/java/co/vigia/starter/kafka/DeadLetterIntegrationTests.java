package co.vigia.starter.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import co.vigia.contracts.CloudEvent;
import co.vigia.contracts.EventCodec;
import co.vigia.contracts.Topics;
import co.vigia.contracts.bill.BillActionRecorded;
import co.vigia.devstack.test.WithTestInfrastructure;
import co.vigia.startertest.StarterTestApplication;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * A record that is not a CloudEvent, and one its listener refuses, land on {@code <topic>.DLT}; the records
 * after them on the same partition still reach the listener.
 */
@SpringBootTest(classes = {StarterTestApplication.class, DeadLetterIntegrationTests.Listener.class},
        properties = "spring.kafka.consumer.group-id=dlt-test")
@WithTestInfrastructure
class DeadLetterIntegrationTests {

    static final String KEY = "dlt-" + UUID.randomUUID();

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    Received received;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    @Autowired
    io.micrometer.core.instrument.MeterRegistry meters;

    @Test
    void poisonRecordsGoToTheDeadLetterTopicAndThePartitionKeepsFlowing() throws Exception {
        kafka.send(Topics.VOTE_EVENTS, KEY, "this is not JSON").get();
        CloudEvent refused = event("refuse-me");
        kafka.send(Topics.VOTE_EVENTS, KEY, EventCodec.write(refused)).get();
        CloudEvent good = event("fine");
        kafka.send(Topics.VOTE_EVENTS, KEY, EventCodec.write(good)).get();

        await().atMost(Duration.ofSeconds(30)).until(() -> received.ids.contains(good.id()));
        assertThat(received.ids).doesNotContain(refused.id());

        try (KafkaConsumer<String, byte[]> dlt = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "dlt-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new ByteArrayDeserializer())) {
            dlt.subscribe(List.of(Topics.deadLetter(Topics.VOTE_EVENTS)));
            Queue<String> dead = new ConcurrentLinkedQueue<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (ConsumerRecord<String, byte[]> r : dlt.poll(Duration.ofMillis(300))) {
                    if (KEY.equals(r.key())) {
                        dead.add(new String(r.value(), StandardCharsets.UTF_8));
                    }
                }
                return dead.size() >= 2;
            });
            assertThat(dead).first().isEqualTo("this is not JSON");
            assertThat(dead).last().asString().contains(refused.id());
        }
        assertThat(meters.get("vigia.events.consumed").tag("topic", Topics.VOTE_EVENTS)
                .tag("outcome", "dead_lettered").counter().count()).isGreaterThanOrEqualTo(2);
    }

    private static CloudEvent event(String text) {
        return EventCodec.create("/vigia/test",
                new BillActionRecorded(KEY, UUID.randomUUID().toString(), "NOTE", LocalDate.of(2023, 3, 15), text, null),
                Instant.now());
    }

    static class Received {
        final Queue<String> ids = new ConcurrentLinkedQueue<>();

        @KafkaListener(topics = Topics.VOTE_EVENTS)
        void on(CloudEvent event) {
            if (!KEY.equals(event.subject())) {
                return;
            }
            BillActionRecorded data = EventCodec.data(event, BillActionRecorded.class);
            if ("refuse-me".equals(data.text())) {
                throw new PoisonEventException("refused on purpose: " + event.id());
            }
            ids.add(event.id());
        }
    }

    @TestConfiguration
    static class Listener {
        @Bean
        Received received() {
            return new Received();
        }
    }
}
