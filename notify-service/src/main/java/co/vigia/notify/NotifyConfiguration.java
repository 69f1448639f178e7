package co.vigia.notify;

import co.vigia.notify.address.AllowList;
import co.vigia.notify.address.EndpointPolicy;
import co.vigia.notify.address.HostResolver;
import co.vigia.notify.delivery.AttemptPipeline;
import co.vigia.notify.delivery.DeliveryMetrics;
import co.vigia.notify.delivery.DeliveryRules;
import co.vigia.notify.delivery.DeliveryStore;
import co.vigia.notify.delivery.DeliveryWorker;
import co.vigia.notify.delivery.EndpointGates;
import co.vigia.notify.delivery.Parking;
import co.vigia.notify.delivery.RetryPolicy;
import co.vigia.notify.delivery.WebhookSender;
import co.vigia.notify.delivery.WorkerSignal;
import co.vigia.notify.retention.RetentionIndexes;
import co.vigia.notify.retention.RetentionProperties;
import co.vigia.notify.secret.SecretBox;
import co.vigia.notify.event.WebhookPayload;
import co.vigia.notify.subscription.SubscriptionRepository;
import co.vigia.notify.subscription.WebhookProperties;
import co.vigia.starter.VigiaProperties;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

/** Wires the plain-Java rules (retries, address checks, signing, payloads) to their settings. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({WebhookProperties.class, RetentionProperties.class})
public class NotifyConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    RetryPolicy retryPolicy(WebhookProperties webhooks) {
        return new RetryPolicy(webhooks.retrySchedule(), webhooks.jitter(), () -> ThreadLocalRandom.current().nextDouble());
    }

    @Bean
    DeliveryRules deliveryRules(RetryPolicy retries, WebhookProperties webhooks) {
        return new DeliveryRules(retries, webhooks.disableAfter());
    }

    @Bean
    EndpointPolicy endpointPolicy(WebhookProperties webhooks) {
        return new EndpointPolicy(AllowList.of(webhooks.allowedHosts()), HostResolver.system());
    }

    @Bean
    WebhookSender webhookSender(EndpointPolicy policy, WebhookProperties webhooks, Clock clock) {
        // idle connections to more endpoints than are called at once stay open for the next fan-out
        return new WebhookSender(policy, webhooks.connectTimeout(), webhooks.requestTimeout(),
                webhooks.maxResponseBytes(), Math.max(64, 2 * webhooks.maxConcurrency()), WebhookSender.defaultTls(),
                clock);
    }

    /** Delivery records' and stored events' retention, as TTL indexes made at start. */
    @Bean
    RetentionIndexes retentionIndexes(MongoTemplate mongo, RetentionProperties retention, WebhookProperties webhooks,
                                      VigiaProperties vigia) {
        retention.requireLongEnough(webhooks.longestPending(), vigia.kafka().retention());
        return new RetentionIndexes(mongo, retention);
    }

    /** Seals webhook secrets at rest; the keyring is {@code VIGIA_SECRET_KEYS} (the service refuses to start without). */
    @Bean
    SecretBox secretBox(@Value("${vigia.secrets.keys:}") String keyring) {
        return SecretBox.fromKeyring(keyring);
    }

    @Bean
    WebhookPayload webhookPayload(WebhookProperties webhooks) {
        return new WebhookPayload(webhooks.links().billBaseUrl(), webhooks.links().voteBaseUrl());
    }

    @Bean
    EndpointGates endpointGates(WebhookProperties webhooks, MeterRegistry meters) {
        WebhookProperties.Breaker breaker = webhooks.breaker();
        CircuitBreakerRegistry registry = EndpointGates.registry(breaker.window(), breaker.minimumCalls(),
                breaker.failureRate(), breaker.openFor());
        EndpointGates gates = new EndpointGates(registry, webhooks.maxConcurrencyPerEndpoint(), breaker.openFor());
        // one number for the alert and the dashboard. resilience4j's tagged metrics are not bound: they make about a
        // dozen series per endpoint (a breaker per subscription), 120,000 at 10,000 subscriptions, which cost the
        // Prometheus server and this heap more than they tell; an endpoint's own state is in the endpoint report
        Gauge.builder("vigia.circuit.breakers.open", gates, EndpointGates::openCircuits)
                .description("webhook endpoints whose circuit breaker is open").register(meters);
        return gates;
    }

    @Bean
    DeliveryWorker deliveryWorker(DeliveryStore store, SubscriptionRepository subscriptions, AttemptPipeline pipeline,
                                  Parking parking, EndpointGates gates, DeliveryMetrics metrics, WorkerSignal signal,
                                  Clock clock, WebhookProperties webhooks) {
        return new DeliveryWorker(store, subscriptions, pipeline, parking, gates, metrics, signal, clock,
                new DeliveryWorker.Settings(webhooks.effectiveInstanceId(), webhooks.pollInterval(),
                        webhooks.maxConcurrency()));
    }
}
