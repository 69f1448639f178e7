package co.vigia.vote.billfacts;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where bill-service answers and how long to wait for it; the circuit breaker and retry around the call are
 * configured under {@code resilience4j.*.instances.billService}.
 */
@ConfigurationProperties("vigia.bill-service")
public record BillServiceProperties(@DefaultValue("http://localhost:8081") String url,
                                    @DefaultValue("1s") Duration connectTimeout,
                                    @DefaultValue("2s") Duration readTimeout) {
}
