package co.vigia.notify.intake;

import co.vigia.starter.VigiaProperties;
import co.vigia.starter.kafka.KafkaEventsConfiguration;
import org.springframework.boot.kafka.autoconfigure.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * The intake's listener container factory: Boot's settings and the starter's error handling, plus one rule. Events
 * that could not be stored ({@link IntakeStorageException}) are retried until MongoDB takes them, at most 5 s apart.
 * The starter gives up after {@code vigia.kafka.retry-for} and dead-letters; with a batch listener that would be a
 * whole poll's events (and each one is a notification an NGO never gets), for no fault of theirs. The exception is
 * registered as retryable so that its cause (an {@code IllegalArgumentException} from the driver, say) is not
 * classified as poison instead. The other listeners keep Boot's factory and the starter's handler as they are.
 */
@Configuration(proxyBeanMethods = false)
class IntakeRetries {

    static final String CONTAINER_FACTORY = "intakeListenerContainerFactory";

    /** 200 ms, doubling, at most 5 s apart, without end. */
    static BackOff untilStored() {
        ExponentialBackOff backOff = new ExponentialBackOff(200, 2.0);
        backOff.setMaxInterval(5_000);
        backOff.setMaxElapsedTime(Long.MAX_VALUE);
        backOff.setMaxAttempts(Long.MAX_VALUE);
        return backOff;
    }

    @Bean(CONTAINER_FACTORY)
    ConcurrentKafkaListenerContainerFactory<Object, Object> intakeListenerContainerFactory(
            ConcurrentKafkaListenerContainerFactoryConfigurer boot, ConsumerFactory<Object, Object> consumers,
            DeadLetterPublishingRecoverer deadLetters, VigiaProperties vigia) {
        ConcurrentKafkaListenerContainerFactory<Object, Object> factory = new ConcurrentKafkaListenerContainerFactory<>();
        boot.configure(factory, consumers);
        factory.setCommonErrorHandler(untilStoredHandler(deadLetters, vigia));
        return factory;
    }

    /** The starter's handler, with storage failures retried without end. Not a bean: Boot's factory takes the one. */
    static DefaultErrorHandler untilStoredHandler(DeadLetterPublishingRecoverer deadLetters, VigiaProperties vigia) {
        DefaultErrorHandler handler = KafkaEventsConfiguration.errorHandler(deadLetters, vigia.kafka().retryFor());
        handler.addRetryableExceptions(IntakeStorageException.class);
        // null: the starter's back-off, for every other failure
        handler.setBackOffFunction((record, e) -> storageFailure(e) ? untilStored() : null);
        return handler;
    }

    static boolean storageFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof IntakeStorageException) {
                return true;
            }
        }
        return false;
    }
}
