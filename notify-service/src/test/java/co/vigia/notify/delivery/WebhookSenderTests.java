package co.vigia.notify.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import co.vigia.notify.address.AllowList;
import co.vigia.notify.address.EndpointPolicy;
import co.vigia.notify.address.HostResolver;
import co.vigia.notify.signing.WebhookSigner;
import co.vigia.testsupport.WebhookReceiver.Reply;
import co.vigia.testsupport.WebhookReceiver;
import com.standardwebhooks.Webhook;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** One HTTP attempt against a real receiver: what counts as success, what is retried, what is never followed. */
class WebhookSenderTests {

    private static final String BODY = "{\"type\":\"co.vigia.bill.registered\",\"timestamp\":\"2023-03-15T10:00:00Z\","
            + "\"data\":{\"billId\":\"sometimiento-2023\"}}";

    private final WebhookReceiver receiver = new WebhookReceiver();
    private final EndpointPolicy localOnly = new EndpointPolicy(
            AllowList.of(List.of("127.0.0.1:" + receiver.port(), "localhost:" + receiver.port())), HostResolver.system());
    private final WebhookSender sender = new WebhookSender(localOnly, Duration.ofSeconds(5), Duration.ofMillis(800),
            20 * 1024, Clock.systemUTC());

    @AfterEach
    void close() {
        receiver.close();
        sender.close();
    }

    private static WebhookSender allowing(int port) {
        return new WebhookSender(new EndpointPolicy(AllowList.of(List.of("127.0.0.1:" + port)), HostResolver.system()),
                Duration.ofSeconds(5), Duration.ofMillis(800), 20 * 1024, Clock.systemUTC());
    }

    private WebhookMessage signed(String secret) {
        long ts = Instant.now().getEpochSecond();
        return new WebhookMessage("evt-42", ts, BODY, WebhookSigner.signatureHeader("evt-42", ts, BODY, List.of(secret)));
    }

    @Test
    void aTwoHundredIsDeliveredAndTheReferenceLibraryVerifiesWhatArrived() throws Exception {
        String secret = WebhookSigner.newSecret();
        AttemptResult result = sender.send(receiver.url("/hook"), signed(secret));
        assertThat(result.verdict()).isEqualTo(AttemptResult.Verdict.DELIVERED);
        assertThat(result.statusCode()).isEqualTo(204);
        WebhookReceiver.Received got = receiver.received().get(0);
        assertThat(got.header("webhook-id")).isEqualTo("evt-42");
        assertThat(got.header("content-type")).isEqualTo("application/json");
        assertThat(got.body()).isEqualTo(BODY);
        new Webhook(secret).verify(got.body(), Map.of(
                "webhook-id", List.of(got.header("webhook-id")),
                "webhook-timestamp", List.of(got.header("webhook-timestamp")),
                "webhook-signature", List.of(got.header("webhook-signature"))));
    }

    @Test
    void aRedirectIsAFailureAndIsNotFollowed() throws Exception {
        receiver.answering(r -> r.path().equals("/hook")
                ? new Reply(302, Map.of("Location", receiver.url("/elsewhere")), "") : Reply.status(200));
        AttemptResult result = sender.send(receiver.url("/hook"), signed(WebhookSigner.newSecret()));
        assertThat(result.verdict()).isEqualTo(AttemptResult.Verdict.RETRY);
        assertThat(result.error()).contains("redirect 302");
        assertThat(receiver.received("/elsewhere")).isEmpty();
    }

    @Test
    void goneDisablesAndServerErrorsAndTooManyRequestsAreRetried() throws Exception {
        receiver.answering(r -> Reply.status(410));
        assertThat(sender.send(receiver.url("/hook"), signed(WebhookSigner.newSecret())).verdict())
                .isEqualTo(AttemptResult.Verdict.GONE);
        receiver.answering(r -> Reply.status(503));
        assertThat(sender.send(receiver.url("/hook"), signed(WebhookSigner.newSecret())).verdict())
                .isEqualTo(AttemptResult.Verdict.RETRY);
        receiver.answering(r -> new Reply(429, Map.of("Retry-After", "120"), "slow down"));
        AttemptResult limited = sender.send(receiver.url("/hook"), signed(WebhookSigner.newSecret()));
        assertThat(limited.verdict()).isEqualTo(AttemptResult.Verdict.RETRY);
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.retryAfter()).contains(Duration.ofSeconds(120));
    }

    @Test
    void aReceiverThatNeverAnswersTimesOut() throws Exception {
        receiver.answering(r -> WebhookReceiver.HANG);
        AttemptResult result = sender.send(receiver.url("/hook"), signed(WebhookSigner.newSecret()));
        assertThat(result.statusCode()).isNull();
        assertThat(result.error()).contains("timeout");
        assertThat(result.latency()).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void aClosedOrResetConnectionIsAFailureToRetry() throws Exception {
        receiver.answering(r -> WebhookReceiver.RESET);
        AttemptResult closed = sender.send(receiver.url("/hook"), signed(WebhookSigner.newSecret()));
        assertThat(closed.verdict()).isEqualTo(AttemptResult.Verdict.RETRY);
        assertThat(closed.error()).startsWith("connection error");

        try (ServerSocket server = new ServerSocket(0)) {
            Thread resetter = new Thread(() -> {
                try (Socket socket = server.accept()) {
                    InputStream in = socket.getInputStream();
                    in.read(new byte[1024]);
                    socket.setSoLinger(true, 0); // close with a TCP RST
                } catch (java.io.IOException ignored) {
                    // the test reads the sender's view
                }
            });
            resetter.start();
            AttemptResult reset = allowing(server.getLocalPort()).send("http://127.0.0.1:" + server.getLocalPort() + "/hook",
                    signed(WebhookSigner.newSecret()));
            assertThat(reset.verdict()).isEqualTo(AttemptResult.Verdict.RETRY);
            assertThat(reset.statusCode()).isNull();
            resetter.join(5000);
        }
    }

    @Test
    void aRefusedConnectionIsAFailureToRetry() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        AttemptResult result = allowing(port).send("http://127.0.0.1:" + port + "/hook", signed(WebhookSigner.newSecret()));
        assertThat(result.error()).isEqualTo("connection refused");
    }

    @Test
    void atMostTwentyKilobytesOfAResponseAreRead() throws Exception {
        receiver.answering(r -> new Reply(200, Map.of(), "x".repeat(5_000_000)));
        AttemptResult result = sender.send(receiver.url("/hook"), signed(WebhookSigner.newSecret()));
        assertThat(result.verdict()).isEqualTo(AttemptResult.Verdict.DELIVERED);
    }

    @Test
    void theAddressIsCheckedAgainBeforeConnecting() throws Exception {
        WebhookSender strict = new WebhookSender(new EndpointPolicy(AllowList.none(), HostResolver.system()),
                Duration.ofSeconds(5), Duration.ofSeconds(2), 20 * 1024, Clock.systemUTC());
        AttemptResult result = strict.send(receiver.url("/hook"), signed(WebhookSigner.newSecret()));
        assertThat(result.error()).startsWith("refused:");
        assertThat(receiver.received()).isEmpty();
    }

    @Test
    void retryAfterReadsSecondsAndHttpDates() {
        Instant now = Instant.parse("2026-11-25T10:00:00Z");
        assertThat(AttemptResult.parseRetryAfter("30", now)).contains(Duration.ofSeconds(30));
        assertThat(AttemptResult.parseRetryAfter("Wed, 25 Nov 2026 10:05:00 GMT", now)).contains(Duration.ofMinutes(5));
        assertThat(AttemptResult.parseRetryAfter("soon", now)).isEqualTo(Optional.empty());
    }
}
