package co.vigia.systemtests;

import co.vigia.contracts.CloudEvent;
import co.vigia.contracts.EventCodec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads what is on Kafka right now, from the beginning: the ground truth a test's expectations derive from. */
final class KafkaLog {

    /** One record: its topic and the event (or null when it is not a CloudEvent). */
    record Entry(String topic, int partition, long offset, String key, String raw, CloudEvent event) {
    }

    private KafkaLog() {
    }

    static List<Entry> read(String bootstrapServers, Collection<String> topics) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "system-test-reader-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000), new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics) {
                for (PartitionInfo p : consumer.partitionsFor(topic, Duration.ofSeconds(10))) {
                    partitions.add(new TopicPartition(topic, p.partition()));
                }
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = new HashMap<>(consumer.endOffsets(partitions, Duration.ofSeconds(10)));
            List<Entry> entries = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("could not read the topics to their end within 60 s");
                }
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    CloudEvent event;
                    try {
                        event = EventCodec.read(r.value());
                    } catch (RuntimeException e) {
                        event = null;
                    }
                    entries.add(new Entry(r.topic(), r.partition(), r.offset(), r.key(), r.value(), event));
                }
            }
            return entries;
        }
    }

    /** The events only, first occurrence of each id (the outbox may re-send one), in log order per partition. */
    static List<CloudEvent> events(List<Entry> entries) {
        Map<String, CloudEvent> unique = new java.util.LinkedHashMap<>();
        for (Entry e : entries) {
            if (e.event() != null) {
                unique.putIfAbsent(e.event().id(), e.event());
            }
        }
        return new ArrayList<>(unique.values());
    }
}
