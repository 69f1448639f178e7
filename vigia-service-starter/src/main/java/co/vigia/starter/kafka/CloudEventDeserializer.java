package co.vigia.starter.kafka;

import co.vigia.contracts.CloudEvent;
import co.vigia.contracts.EventCodec;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads a record's value as a CloudEvent (structured JSON mode). Used behind spring-kafka's
 * {@code ErrorHandlingDeserializer}, so a record that is not one lands on the DLT instead of blocking
 * its partition. No {@code __TypeId__} header is needed or read.
 */
public class CloudEventDeserializer implements Deserializer<CloudEvent> {

    @Override
    public CloudEvent deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        try {
            return EventCodec.read(data);
        } catch (IllegalArgumentException e) {
            throw new SerializationException("record on " + topic + " is not a CloudEvent: " + e.getMessage(), e);
        }
    }
}
