package co.vigia.bill.deadline;

import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The service's one {@link Clock}: the system's, or, with {@code vigia.clock.adjustable=true}, an
 * {@link AdjustableClock} the operator may set through {@code PUT /api/ops/clock}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DeadlineProperties.class)
public class DeadlineConfiguration {

    @Bean
    Clock clock(@Value("${vigia.clock.adjustable:false}") boolean adjustable) {
        return adjustable ? AdjustableClock.systemUtc() : Clock.systemUTC();
    }
}
