package co.vigia.bill.support;

import co.vigia.contracts.CloudEvent;
import co.vigia.testsupport.Api;
import co.vigia.testsupport.TopicReader;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** bill-service's API and topics for the integration tests: real requests, real topics, bounded waits. */
public final class ItClient {

    public static final String OPERATOR_KEY = "it-operator-key";
    public static final JsonMapper JSON = Api.JSON;

    private final Api api;
    private final TopicReader topics;

    public ItClient(int port, String bootstrapServers) {
        this.api = Api.onPort(port, null);
        this.topics = new TopicReader(bootstrapServers);
    }

    public HttpResponse<String> send(String method, String path, String body, String key, Map<String, String> headers) {
        try {
            return api.as(key).exchange(method, path, body, headers);
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
        return topics.readUntil(topic, timeout, done);
    }

    /** Every record of {@code topic} written so far, read from the start of each partition to its current end. */
    public List<ConsumerRecord<String, String>> readAll(String topic, Duration timeout) {
        return topics.readAll(topic, timeout);
    }

    /** The CloudEvents about one bill on a topic's records. */
    public static List<CloudEvent> eventsOf(List<ConsumerRecord<String, String>> records, String billId) {
        return TopicReader.eventsOf(records, billId);
    }
}
