package co.vigia.notify.intake;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * notify-service's addition to the starter's error handler: events that could not be stored
 * ({@link IntakeStorageException}) are retried until MongoDB takes them, at most 5 s apart. The starter gives up after
 * {@code vigia.kafka.retry-for} and dead-letters; with a batch listener that would be a whole poll's events (and each
 * one is a notification an NGO never gets), for no fault of theirs. The exception is registered as retryable so that
 * its cause (an {@code IllegalArgumentException} from the driver, say) is not classified as poison instead.
 */
@Configuration(proxyBeanMethods = false)
class IntakeRetries {

    /** 200 ms, doubling, at most 5 s apart, without end. */
    static BackOff untilStored() {
        ExponentialBackOff backOff = new ExponentialBackOff(200, 2.0);
        backOff.setMaxInterval(5_000);
        backOff.setMaxElapsedTime(Long.MAX_VALUE);
        backOff.setMaxAttempts(Long.MAX_VALUE);
        return backOff;
    }

    @Bean
    static BeanPostProcessor intakeRetriesUntilStored() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof DefaultErrorHandler handler) {
                    handler.addRetryableExceptions(IntakeStorageException.class);
                    // null: the starter's back-off, for every other failure
                    handler.setBackOffFunction((record, e) -> storageFailure(e) ? untilStored() : null);
                }
                return bean;
            }
        };
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
