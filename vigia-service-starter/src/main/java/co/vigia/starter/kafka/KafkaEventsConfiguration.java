package co.vigia.starter.kafka;

import co.vigia.contracts.Topics;
import co.vigia.starter.VigiaProperties;
import co.vigia.starter.metrics.EventMetrics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * The event topics (and their {@code .DLT}s) and the one way a consumer fails: transient errors are
 * retried with back-off, then the record goes to {@code <topic>.DLT} with the same partition so the
 * partition keeps flowing; a record that cannot be read ({@link PoisonEventException}, bad JSON) goes there
 * at once.
 */
@Configuration(proxyBeanMethods = false)
public class KafkaEventsConfiguration {

    private static final Logger log = LoggerFactory.getLogger(KafkaEventsConfiguration.class);

    @Bean
    KafkaAdmin.NewTopics vigiaTopics(VigiaProperties properties) {
        VigiaProperties.Kafka kafka = properties.kafka();
        List<org.apache.kafka.clients.admin.NewTopic> topics = new ArrayList<>();
        for (String topic : Topics.ALL) {
            for (String name : List.of(topic, Topics.deadLetter(topic))) {
                topics.add(TopicBuilder.name(name).partitions(kafka.partitions()).replicas(kafka.replicationFactor())
                        .config(TopicConfig.RETENTION_MS_CONFIG, String.valueOf(kafka.retention().toMillis()))
                        .build());
            }
        }
        return new KafkaAdmin.NewTopics(topics.toArray(org.apache.kafka.clients.admin.NewTopic[]::new));
    }

    /** Publishes a failed record to {@code <topic>.DLT}, same partition, as it came (raw bytes when unreadable). */
    @Bean
    DeadLetterPublishingRecoverer deadLetterRecoverer(KafkaProperties kafkaProperties, EventMetrics metrics) {
        Map<String, Object> producer = new HashMap<>(kafkaProperties.buildProducerProperties());
        producer.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        producer.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, DeadLetterValueSerializer.class);
        KafkaTemplate<Object, Object> deadLetters = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(producer));
        // The contract names dead-letter topics <topic>.DLT (spring-kafka 4 would say <topic>-dlt).
        return new DeadLetterPublishingRecoverer(deadLetters, (record, failure) -> {
            log.error("Dead-lettering {}-{}@{}: {}", record.topic(), record.partition(), record.offset(),
                    failure.getMessage());
            metrics.deadLettered(record.topic());
            return new TopicPartition(Topics.deadLetter(record.topic()), record.partition());
        });
    }

    /** The error handler of Boot's listener container factory. */
    @Bean
    DefaultErrorHandler kafkaErrorHandler(DeadLetterPublishingRecoverer deadLetters, VigiaProperties properties) {
        return errorHandler(deadLetters, properties.kafka().retryFor());
    }

    /**
     * The one way a consumer fails, for a service's own listener container factory to start from: retried with
     * back-off for {@code retryFor}, then dead-lettered; poison (unreadable, refused) dead-lettered at once.
     */
    public static DefaultErrorHandler errorHandler(ConsumerRecordRecoverer deadLetters, Duration retryFor) {
        ExponentialBackOff backOff = new ExponentialBackOff(200, 2.0);
        backOff.setMaxInterval(5_000);
        backOff.setMaxElapsedTime(retryFor.toMillis());
        DefaultErrorHandler handler = new DefaultErrorHandler(deadLetters, backOff);
        handler.addNotRetryableExceptions(PoisonEventException.class, IllegalArgumentException.class,
                tools.jackson.core.JacksonException.class);
        return handler;
    }
}
