package co.vigia.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded servers behind run-local.sh are real enough: Kafka keeps what it acknowledged across a restart. */
class EmbeddedInfrastructureIntegrationTests {

    @TempDir
    Path dir;

    @Test
    void kafkaKeepsAcknowledgedRecordsAcrossAStopAndStartOnTheSameDataDirectory() throws Exception {
        EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(Ports.free(), Ports.free(), dir.resolve("kafka"), 3);
        try {
            broker.start();
            String topic = "restart-" + UUID.randomUUID();
            produce(broker, topic, "before");
            broker.stop();
            assertThat(broker.isRunning()).isFalse();

            broker.start();
            produce(broker, topic, "after");
            assertThat(consume(broker, topic, 2)).containsExactly("before", "after");
        } finally {
            broker.stop();
        }
    }

    @Test
    void mongoKeepsDataOnDiskWhenGivenADataFile() {
        Path file = dir.resolve("mongo/vigia.mv");
        int port = Ports.free();
        EmbeddedMongoServer server = new EmbeddedMongoServer(port, file).start();
        try (MongoClient client = MongoClients.create(server.uri("x"))) {
            client.getDatabase("vigia-test").getCollection("bills").insertOne(new Document("_id", "paz-total"));
        } finally {
            server.stop();
        }
        assertThat(Files.exists(file)).isTrue();

        server = new EmbeddedMongoServer(port, file).start();
        try (MongoClient client = MongoClients.create(server.uri("x"))) {
            MongoCollection<Document> bills = client.getDatabase("vigia-test").getCollection("bills");
            assertThat(bills.find(new Document("_id", "paz-total")).first()).isNotNull();
        } finally {
            server.stop();
        }
    }

    private static void produce(EmbeddedKafkaBroker broker, String topic, String value) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, "k", value)).get();
        }
    }

    private static List<String> consume(EmbeddedKafkaBroker broker, String topic, int expected) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "g-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            List<String> values = new ArrayList<>();
            long deadline = System.currentTimeMillis() + 30_000;
            while (values.size() < expected && System.currentTimeMillis() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    values.add(r.value());
                }
            }
            return values;
        }
    }
}
