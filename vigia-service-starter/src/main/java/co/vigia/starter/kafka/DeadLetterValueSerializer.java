package co.vigia.starter.kafka;

import co.vigia.contracts.CloudEvent;
import co.vigia.contracts.EventCodec;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.serialization.Serializer;

/** Writes a dead letter as it came: the raw bytes of an unreadable record, or the event it carried. */
public class DeadLetterValueSerializer implements Serializer<Object> {

    @Override
    public byte[] serialize(String topic, Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof byte[] bytes) {
            return bytes;
        }
        if (value instanceof CloudEvent event) {
            return EventCodec.writeBytes(event);
        }
        if (value instanceof String s) {
            return s.getBytes(StandardCharsets.UTF_8);
        }
        return EventCodec.mapper().writeValueAsBytes(value);
    }
}
