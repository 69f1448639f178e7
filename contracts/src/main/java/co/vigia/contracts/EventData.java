package co.vigia.contracts;

/**
 * The data of one event: a tiny immutable past-tense record. {@link #subject()} is the bill id the
 * event is about (the CloudEvents {@code subject} and the Kafka key).
 */
public interface EventData {
    String subject();
}
