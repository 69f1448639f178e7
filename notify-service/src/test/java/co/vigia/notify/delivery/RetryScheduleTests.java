package co.vigia.notify.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import co.vigia.notify.address.AllowList;
import co.vigia.notify.address.EndpointPolicy;
import co.vigia.notify.address.HostResolver;
import co.vigia.notify.signing.WebhookSigner;
import co.vigia.testsupport.WebhookReceiver.Reply;
import co.vigia.testsupport.WebhookReceiver;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The retry schedule walked on a fake clock against a real receiver: 0, 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h
 * (±10 %), then FAILED; Retry-After honoured (clamped to 24 h); days of failure disable the endpoint.
 */
class RetryScheduleTests {

    private static final List<Duration> SCHEDULE = List.of(Duration.ZERO, Duration.ofSeconds(5), Duration.ofMinutes(5),
            Duration.ofMinutes(30), Duration.ofHours(2), Duration.ofHours(5), Duration.ofHours(10), Duration.ofHours(10));

    @Test
    void aFailingEndpointIsRetriedOnTheScheduleThenTheDeliveryFails() throws Exception {
        FakeClock clock = new FakeClock(Instant.parse("2026-11-25T10:00:00Z"));
        DeliveryRules rules = new DeliveryRules(new RetryPolicy(SCHEDULE, 0.1, Math::random), Duration.ofDays(5));
        WebhookSender sender = new WebhookSender(new EndpointPolicy(AllowList.of(List.of("127.0.0.1:*")), HostResolver.system()),
                Duration.ofSeconds(5), Duration.ofSeconds(5), 20 * 1024, clock);
        try (WebhookReceiver receiver = new WebhookReceiver().answering(r -> Reply.status(503))) {
            String secret = WebhookSigner.newSecret();
            Instant created = clock.now;
            List<Duration> waits = new ArrayList<>();
            Instant failingSince = null;
            DeliveryRules.Decision decision = null;
            for (int attempt = 1; attempt <= 20; attempt++) {
                String body = "{\"n\":" + attempt + "}";
                long ts = clock.now.getEpochSecond();
                AttemptResult result = sender.send(receiver.url("/hook"),
                        new WebhookMessage("evt-retry", ts, body, WebhookSigner.sign("evt-retry", ts, body, secret)));
                decision = rules.decide(attempt, result, clock.now, failingSince);
                failingSince = decision.failingSince();
                if (decision.status() != DeliveryStatus.PENDING) {
                    break;
                }
                waits.add(Duration.between(clock.now, decision.nextAttemptAt()));
                clock.now = decision.nextAttemptAt();
            }
            assertThat(decision.status()).isEqualTo(DeliveryStatus.FAILED);
            assertThat(decision.disableReason()).isNull(); // about 28 h of failure is not yet 5 days
            assertThat(receiver.received()).hasSize(8);
            assertThat(receiver.received()).allMatch(r -> r.header("webhook-id").equals("evt-retry"));
            assertThat(waits).hasSize(7);
            for (int i = 0; i < waits.size(); i++) {
                long expected = SCHEDULE.get(i + 1).toMillis();
                assertThat(waits.get(i).toMillis()).as("wait before attempt %d", i + 2)
                        .isBetween(Math.round(expected * 0.9), Math.round(expected * 1.1));
            }
            assertThat(failingSince).isEqualTo(created);
        }
    }

    @Test
    void jitterStaysWithinTenPercent() {
        assertThat(new RetryPolicy(SCHEDULE, 0.1, () -> 0.0).delayAfter(1, Optional.empty()))
                .contains(Duration.ofMillis(4500));
        assertThat(new RetryPolicy(SCHEDULE, 0.1, () -> 1.0).delayAfter(1, Optional.empty()))
                .contains(Duration.ofMillis(5500));
        assertThat(new RetryPolicy(SCHEDULE, 0.1, () -> 0.5).delayAfter(8, Optional.empty())).isEmpty();
    }

    @Test
    void retryAfterIsHonouredAndClampedToADay() {
        RetryPolicy policy = new RetryPolicy(SCHEDULE, 0.0, () -> 0.5);
        assertThat(policy.delayAfter(1, Optional.of(Duration.ofMinutes(10)))).contains(Duration.ofMinutes(10));
        assertThat(policy.delayAfter(1, Optional.of(Duration.ofSeconds(1)))).contains(Duration.ofSeconds(5));
        assertThat(policy.delayAfter(1, Optional.of(Duration.ofDays(9)))).contains(Duration.ofHours(24));
    }

    @Test
    void goneFailsTheDeliveryAndDisablesTheEndpointAtOnce() {
        DeliveryRules rules = new DeliveryRules(new RetryPolicy(SCHEDULE, 0.1, Math::random), Duration.ofDays(5));
        Instant now = Instant.parse("2026-11-25T10:00:00Z");
        DeliveryRules.Decision decision = rules.decide(1, AttemptResult.response(410, Duration.ofMillis(3),
                Optional.empty()), now, null);
        assertThat(decision.status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(decision.disableReason()).contains("410");
    }

    @Test
    void anEndpointFailingFiveDaysWithoutASuccessIsDisabled() {
        DeliveryRules rules = new DeliveryRules(new RetryPolicy(SCHEDULE, 0.1, Math::random), Duration.ofDays(5));
        Instant now = Instant.parse("2026-11-25T10:00:00Z");
        AttemptResult failure = AttemptResult.failure("connection refused", Duration.ofMillis(2));
        assertThat(rules.decide(1, failure, now, now.minus(Duration.ofDays(4))).disableReason()).isNull();
        DeliveryRules.Decision decision = rules.decide(1, failure, now, now.minus(Duration.ofDays(5)));
        assertThat(decision.status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(decision.disableReason()).contains("connection refused");
    }

    @Test
    void aSuccessClearsTheFailingSince() {
        DeliveryRules rules = new DeliveryRules(new RetryPolicy(SCHEDULE, 0.1, Math::random), Duration.ofDays(5));
        Instant now = Instant.parse("2026-11-25T10:00:00Z");
        DeliveryRules.Decision decision = rules.decide(3, AttemptResult.response(200, Duration.ofMillis(3),
                Optional.empty()), now, now.minus(Duration.ofDays(2)));
        assertThat(decision.status()).isEqualTo(DeliveryStatus.DELIVERED);
        assertThat(decision.failingSince()).isNull();
    }
}
