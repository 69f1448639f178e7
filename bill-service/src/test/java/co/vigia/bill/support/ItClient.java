package co.vigia.bill.support;

import co.vigia.contracts.CloudEvent;
import co.vigia.contracts.EventCodec;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** HTTP and Kafka helpers for the integration tests: real requests, real topics, bounded waits. */
public final class ItClient {

    public static final String OPERATOR_KEY = "it-operator-key";
    public static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final int port;
    private final String bootstrapServers;

    public ItClient(int port, String bootstrapServers) {
        this.port = port;
        this.bootstrapServers = bootstrapServers;
    }

    public HttpResponse<String> send(String method, String path, String body, String key, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        headers.forEach(request::header);
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(method + " " + path + " failed", e);
        }
    }

    public HttpResponse<String> post(String path, String body) {
        return send("POST", path, body, OPERATOR_KEY, Map.of());
    }

    public HttpResponse<String> get(String path) {
        return send("GET", path, null, null, Map.of());
    }

    public JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    public static String uniqueId(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static String newBill(String id) {
        return """
                {"id":"%s","title":"Sujeción a la justicia de estructuras armadas (%s)","summary":"Mecanismos de sometimiento",
                 "kind":"ORDINARY","originChamber":"SENATE","authors":["Gobierno nacional"],"topics":["paz-total"],
                 "filedOn":"2023-03-15","articleCount":79}
                """.formatted(id, id);
    }

    /** Reads every record of {@code topic} from the start until {@code done} holds or the timeout ends. */
    public List<ConsumerRecord<String, String>> readUntil(String topic, Duration timeout,
                                                          Predicate<List<ConsumerRecord<String, String>>> done) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.currentTimeMillis() + timeout.toMillis();
            while (System.currentTimeMillis() < deadline && !done.test(records)) {
                consumer.poll(Duration.ofMillis(300)).forEach(records::add);
            }
        }
        return records;
    }

    /** Every record of {@code topic} written so far, read from the start of each partition to its current end. */
    public List<ConsumerRecord<String, String>> readAll(String topic, Duration timeout) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, timeout).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, timeout);
            long deadline = System.currentTimeMillis() + timeout.toMillis();
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < ends.get(tp))) {
                if (System.currentTimeMillis() > deadline) {
                    throw new IllegalStateException("could not read " + topic + " to its end in " + timeout);
                }
                consumer.poll(Duration.ofMillis(300)).forEach(records::add);
            }
        }
        return records;
    }

    /** The CloudEvents about one bill on a topic's records. */
    public static List<CloudEvent> eventsOf(List<ConsumerRecord<String, String>> records, String billId) {
        return records.stream().filter(r -> billId.equals(r.key())).map(r -> EventCodec.read(r.value())).toList();
    }
}
