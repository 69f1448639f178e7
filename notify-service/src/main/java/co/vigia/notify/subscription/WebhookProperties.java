package co.vigia.notify.subscription;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Webhook delivery settings, under {@code vigia.webhooks.*} (each mapped from a {@code VIGIA_WEBHOOK_*}
 * environment variable in application.yml).
 *
 * @param allowedHosts      {@code host:port} endpoints (or {@code host:*}) that may use http and non-public addresses
 *                          (local run, tests); empty in production
 * @param retrySchedule     delay before each attempt: the first is the first attempt, the rest are retries
 * @param jitter            fraction (±) applied to each retry delay, so retries of many deliveries spread out
 * @param disableAfter      an endpoint failing without a single success this long is disabled
 * @param maxEndpoints      subscriptions (endpoints) one subscriber may have
 * @param instanceId        this instance's name on the leases it takes (hostname+pid when empty)
 * @param lease             how long a claimed delivery stays claimed; longer than the request timeout
 * @param rotationGrace     how long a replaced secret keeps signing after a rotation
 */
@ConfigurationProperties("vigia.webhooks")
public record WebhookProperties(
        @DefaultValue List<String> allowedHosts,
        @DefaultValue({"0s", "5s", "5m", "30m", "2h", "5h", "10h", "10h"}) List<Duration> retrySchedule,
        @DefaultValue("0.1") double jitter,
        @DefaultValue("5d") Duration disableAfter,
        @DefaultValue("10") int maxEndpoints,
        @DefaultValue("") String instanceId,
        @DefaultValue("60s") Duration lease,
        @DefaultValue("24h") Duration rotationGrace,
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("15s") Duration requestTimeout,
        @DefaultValue("20480") int maxResponseBytes,
        @DefaultValue("1s") Duration pollInterval,
        @DefaultValue("32") int maxConcurrency,
        @DefaultValue("4") int maxConcurrencyPerEndpoint,
        @DefaultValue Breaker breaker,
        @DefaultValue Links links) {

    /**
     * A circuit breaker per endpoint: after {@code minimumCalls} calls with at least {@code failureRate} percent
     * failing, the endpoint's deliveries wait {@code openFor} before one probe is let through.
     */
    public record Breaker(@DefaultValue("10") int window, @DefaultValue("5") int minimumCalls,
                          @DefaultValue("50") float failureRate, @DefaultValue("30s") Duration openFor) {
    }

    /** Where the full records live: thin webhook data carries a URL to them. */
    public record Links(@DefaultValue("http://localhost:8081") String billBaseUrl,
                        @DefaultValue("http://localhost:8082") String voteBaseUrl) {
    }

    /**
     * The longest a delivery can stay pending: every attempt of the schedule, each at most a day late (the longest
     * {@code Retry-After} honoured), then as long again as the endpoint may fail before it is disabled.
     */
    public Duration longestPending() {
        Duration schedule = retrySchedule.stream().reduce(Duration.ZERO, Duration::plus);
        return schedule.plus(Duration.ofDays(retrySchedule.size())).plus(disableAfter);
    }

    /** The configured instance id, or hostname+pid. */
    public String effectiveInstanceId() {
        if (instanceId != null && !instanceId.isBlank()) {
            return instanceId.trim();
        }
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            host = "host";
        }
        return host + "-" + ManagementFactory.getRuntimeMXBean().getPid();
    }
}
