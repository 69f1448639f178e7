package co.vigia.testsupport;

import co.vigia.contracts.CloudEvent;
import co.vigia.contracts.EventCodec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads what is on Kafka from the beginning, in a group of its own that commits nothing: the ground truth a test's
 * expectations derive from. Every read is bounded in time.
 */
public final class TopicReader {

    private static final Duration POLL = Duration.ofMillis(300);

    private final String bootstrapServers;

    public TopicReader(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    /** Every record of {@code topics} written so far: each partition from its start to its end as of now. */
    public List<ConsumerRecord<String, String>> readAll(Collection<String> topics, Duration timeout) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = consumer()) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics) {
                consumer.partitionsFor(topic, timeout).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, timeout);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < ends.get(tp))) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("could not read " + topics + " to their end within " + timeout);
                }
                consumer.poll(POLL).forEach(records::add);
            }
        }
        return records;
    }

    public List<ConsumerRecord<String, String>> readAll(String topic, Duration timeout) {
        return readAll(List.of(topic), timeout);
    }

    /** Reads {@code topic} from the start until {@code done} holds of what was read, or {@code timeout} ends. */
    public List<ConsumerRecord<String, String>> readUntil(String topic, Duration timeout,
                                                          Predicate<List<ConsumerRecord<String, String>>> done) {
        return readUntil(topic, timeout, done, Duration.ZERO);
    }

    /** As {@link #readUntil(String, Duration, Predicate)}, then reads on for {@code quiet} to catch any extra record. */
    public List<ConsumerRecord<String, String>> readUntil(String topic, Duration timeout,
                                                          Predicate<List<ConsumerRecord<String, String>>> done,
                                                          Duration quiet) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = consumer()) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + timeout.toNanos();
            long quietUntil = Long.MAX_VALUE;
            while (System.nanoTime() - Math.min(deadline, quietUntil) < 0) {
                consumer.poll(POLL).forEach(records::add);
                if (quietUntil == Long.MAX_VALUE && done.test(records)) {
                    quietUntil = System.nanoTime() + quiet.toNanos();
                    if (quiet.isZero()) {
                        break;
                    }
                }
            }
        }
        return records;
    }

    /** The CloudEvents among {@code records}, first occurrence of each id (the outbox may re-send one), in order. */
    public static List<CloudEvent> events(List<ConsumerRecord<String, String>> records) {
        Map<String, CloudEvent> unique = new LinkedHashMap<>();
        for (ConsumerRecord<String, String> r : records) {
            CloudEvent event = eventOrNull(r.value());
            if (event != null) {
                unique.putIfAbsent(event.id(), event);
            }
        }
        return new ArrayList<>(unique.values());
    }

    /** The CloudEvents of the records keyed {@code key} (a bill's id), re-sent ones included. */
    public static List<CloudEvent> eventsOf(List<ConsumerRecord<String, String>> records, String key) {
        return records.stream().filter(r -> key.equals(r.key())).map(r -> EventCodec.read(r.value())).toList();
    }

    private static CloudEvent eventOrNull(String value) {
        try {
            return value == null ? null : EventCodec.read(value);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private KafkaConsumer<String, String> consumer() {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000), new StringDeserializer(), new StringDeserializer());
    }
}
