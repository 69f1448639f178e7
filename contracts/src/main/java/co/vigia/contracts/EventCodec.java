package co.vigia.contracts;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds, writes and reads CloudEvents of the published language with one configured Jackson mapper:
 * ISO-8601 dates, unknown fields tolerated (forward compatibility), unknown enum values read as null.
 */
public final class EventCodec {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(EnumFeature.READ_UNKNOWN_ENUM_VALUES_AS_NULL)
            .build();

    private EventCodec() {
    }

    public static JsonMapper mapper() {
        return MAPPER;
    }

    /** A new event with a fresh id. {@code source} is the producing service, e.g. {@code /vigia/bill-service}. */
    public static CloudEvent create(String source, EventData data, Instant time) {
        return create(UUID.randomUUID().toString(), source, data, time);
    }

    public static CloudEvent create(String source, EventData data, Clock clock) {
        return create(source, data, clock.instant());
    }

    /** A new event with a given id: use a deterministic id where a re-run must yield the same event. */
    public static CloudEvent create(String id, String source, EventData data, Instant time) {
        EventType type = EventType.of(data.getClass());
        JsonNode json = MAPPER.valueToTree(data);
        return new CloudEvent(CloudEvent.SPEC_VERSION, id, source, type.type(), data.subject(), time,
                CloudEvent.JSON, type.dataschema(), json);
    }

    public static String write(CloudEvent event) {
        return MAPPER.writeValueAsString(event);
    }

    public static byte[] writeBytes(CloudEvent event) {
        return MAPPER.writeValueAsBytes(event);
    }

    /** Reads an event; throws {@link IllegalArgumentException} when it is not a CloudEvent. */
    public static CloudEvent read(byte[] json) {
        try {
            return MAPPER.readValue(json, CloudEvent.class);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a CloudEvent: " + e.getMessage(), e);
        }
    }

    public static CloudEvent read(String json) {
        return read(json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** The event's data as its record. */
    public static <T extends EventData> T data(CloudEvent event, Class<T> type) {
        return MAPPER.treeToValue(event.data(), type);
    }
}
