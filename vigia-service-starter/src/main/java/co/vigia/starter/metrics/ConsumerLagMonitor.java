package co.vigia.starter.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * {@code vigia_kafka_consumer_lag{group, topic}}: records written to a topic that this service's consumer
 * group has not yet committed, summed over partitions, measured every few seconds from the broker (so it is
 * right even while the consumer is stuck or down).
 */
public class ConsumerLagMonitor implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ConsumerLagMonitor.class);

    private final KafkaAdmin admin;
    private final String group;
    private final MeterRegistry registry;
    private final Map<String, AtomicLong> lagByTopic = new ConcurrentHashMap<>();
    private volatile AdminClient client;

    public ConsumerLagMonitor(KafkaAdmin admin, String group, MeterRegistry registry) {
        this.admin = admin;
        this.group = group;
        this.registry = registry;
    }

    @Scheduled(fixedDelayString = "${vigia.kafka.lag-interval:5s}", initialDelayString = "${vigia.kafka.lag-interval:5s}")
    public void measure() {
        if (group == null || group.isBlank()) {
            return;
        }
        try {
            Map<TopicPartition, OffsetAndMetadata> committed = client().listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(5, TimeUnit.SECONDS);
            if (committed.isEmpty()) {
                return;
            }
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            committed.keySet().forEach(tp -> latest.put(tp, OffsetSpec.latest()));
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = client().listOffsets(latest).all()
                    .get(5, TimeUnit.SECONDS);
            Map<String, Long> lag = new HashMap<>();
            committed.forEach((tp, offset) -> {
                long end = ends.containsKey(tp) ? ends.get(tp).offset() : 0;
                long behind = offset == null ? end : Math.max(0, end - offset.offset());
                lag.merge(tp.topic(), behind, Long::sum);
            });
            lag.forEach((topic, value) -> gauge(topic).set(value));
        } catch (Exception e) {
            log.debug("Consumer lag not measured: {}", e.toString());
        }
    }

    /** The last measured lag of a topic, or -1 before the first measurement. */
    public long lag(String topic) {
        AtomicLong value = lagByTopic.get(topic);
        return value == null ? -1 : value.get();
    }

    private AtomicLong gauge(String topic) {
        return lagByTopic.computeIfAbsent(topic, t -> {
            AtomicLong value = new AtomicLong();
            if (registry != null) {
                Gauge.builder("vigia.kafka.consumer.lag", value, AtomicLong::get)
                        .description("Records not yet committed by this service's consumer group")
                        .tag("group", group).tag("topic", t).register(registry);
            }
            return value;
        });
    }

    private AdminClient client() {
        if (client == null) {
            synchronized (this) {
                if (client == null) {
                    Map<String, Object> config = new HashMap<>(admin.getConfigurationProperties());
                    config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
                    config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000);
                    client = AdminClient.create(config);
                }
            }
        }
        return client;
    }

    @Override
    public void close() {
        if (client != null) {
            client.close(Duration.ofSeconds(1));
        }
    }
}
