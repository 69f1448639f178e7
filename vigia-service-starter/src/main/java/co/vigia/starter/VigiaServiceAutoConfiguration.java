package co.vigia.starter;

import co.vigia.starter.health.KafkaHealthIndicator;
import co.vigia.starter.health.MongoPingHealthIndicator;
import co.vigia.starter.kafka.KafkaEventsConfiguration;
import co.vigia.starter.metrics.ConsumerLagMonitor;
import co.vigia.starter.metrics.EventMetrics;
import co.vigia.starter.outbox.OutboxRelay;
import co.vigia.starter.process.SupervisorWatchdog;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;

@AutoConfiguration(afterName = {
        "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
        "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration"})
@EnableScheduling
@EnableConfigurationProperties(VigiaProperties.class)
@Import(KafkaEventsConfiguration.class)
public class VigiaServiceAutoConfiguration {

    /** Replaces Boot's Mongo health (its {@code hello} command is refused by the embedded server). */
    @Bean(name = "mongoHealthContributor")
    MongoPingHealthIndicator mongoHealthContributor(MongoTemplate mongo) {
        return new MongoPingHealthIndicator(mongo);
    }

    @Bean(name = "kafkaHealthContributor", destroyMethod = "close")
    KafkaHealthIndicator kafkaHealthContributor(KafkaAdmin admin, VigiaProperties properties) {
        return new KafkaHealthIndicator(admin, properties.kafka().healthTimeout());
    }

    @Bean
    OutboxRelay outboxRelay(MongoTemplate mongo, KafkaTemplate<String, String> kafka, VigiaProperties properties,
                            ObjectProvider<MeterRegistry> meters) {
        return new OutboxRelay(mongo, kafka, properties.outbox(), meters.getIfAvailable());
    }

    @Bean
    EventMetrics eventMetrics(ObjectProvider<MeterRegistry> meters) {
        return new EventMetrics(meters.getIfAvailable());
    }

    @Bean(destroyMethod = "close")
    ConsumerLagMonitor consumerLagMonitor(KafkaAdmin admin, ObjectProvider<MeterRegistry> meters,
                                          org.springframework.core.env.Environment env) {
        return new ConsumerLagMonitor(admin, env.getProperty("spring.kafka.consumer.group-id"), meters.getIfAvailable());
    }

    @Bean
    SupervisorWatchdog supervisorWatchdog() {
        return SupervisorWatchdog.fromEnvironment();
    }
}
