package co.vigia.notify.delivery;

import co.vigia.notify.address.EndpointPolicy;
import co.vigia.notify.address.EndpointRefusedException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Posts one signed webhook with {@link HttpClient}: connect timeout, a total timeout covering the response body,
 * redirects never followed, at most {@code maxResponseBytes} of the response read. The URL is checked against
 * the {@link EndpointPolicy} right before connecting, so a host that now resolves to a private address is refused.
 */
public class WebhookSender {

    private final HttpClient client;
    private final EndpointPolicy policy;
    private final Duration totalTimeout;
    private final int maxResponseBytes;
    private final Clock clock;

    public WebhookSender(EndpointPolicy policy, Duration connectTimeout, Duration totalTimeout, int maxResponseBytes,
                         Clock clock) {
        this.client = HttpClient.newBuilder().connectTimeout(connectTimeout).followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1).build();
        this.policy = policy;
        this.totalTimeout = totalTimeout;
        this.maxResponseBytes = maxResponseBytes;
        this.clock = clock;
    }

    /** One attempt; an interrupt (the instance stopping) is thrown, not counted as the endpoint's failure. */
    public AttemptResult send(String url, WebhookMessage message) throws InterruptedException {
        long started = System.nanoTime();
        URI uri;
        try {
            uri = policy.check(url);
        } catch (EndpointRefusedException e) {
            return AttemptResult.failure("refused: " + e.getMessage(), elapsed(started));
        }
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(totalTimeout)
                .header("content-type", "application/json")
                .header("user-agent", "Vigia-Webhooks/1")
                .header("webhook-id", message.id())
                .header("webhook-timestamp", Long.toString(message.timestampSeconds()))
                .header("webhook-signature", message.signature())
                .POST(HttpRequest.BodyPublishers.ofString(message.body(), StandardCharsets.UTF_8))
                .build();
        CompletableFuture<HttpResponse<byte[]>> future = client.sendAsync(request,
                info -> new LimitedBodySubscriber(maxResponseBytes));
        try {
            HttpResponse<byte[]> response = future.get(totalTimeout.toMillis(), TimeUnit.MILLISECONDS);
            return AttemptResult.response(response.statusCode(), elapsed(started), AttemptResult.parseRetryAfter(
                    response.headers().firstValue("retry-after").orElse(null), clock.instant()));
        } catch (TimeoutException e) {
            future.cancel(true);
            return AttemptResult.failure("timeout after " + totalTimeout.toMillis() + " ms", elapsed(started));
        } catch (InterruptedException e) {
            future.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            return AttemptResult.failure(describe(e.getCause()), elapsed(started));
        }
    }

    private String describe(Throwable cause) {
        if (cause instanceof HttpConnectTimeoutException) {
            return "connect timeout";
        }
        if (cause instanceof HttpTimeoutException) {
            return "timeout after " + totalTimeout.toMillis() + " ms";
        }
        if (cause instanceof ConnectException) {
            return "connection refused";
        }
        if (cause instanceof IOException) {
            return "connection error: " + (cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage());
        }
        return "error: " + cause;
    }

    private static Duration elapsed(long startedNanos) {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }

    /** Keeps at most {@code limit} bytes of a response body, then stops reading. */
    static final class LimitedBodySubscriber implements HttpResponse.BodySubscriber<byte[]> {
        private final int limit;
        // grown as bytes arrive: most receivers answer 2xx with an empty or tiny body, and a buffer of the whole
        // limit per attempt was most of the sender's garbage at thousands of webhooks a second
        private byte[] buffer = new byte[0];
        private int size;
        private Flow.Subscription subscription;
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();

        LimitedBodySubscriber(int limit) {
            this.limit = limit;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            this.subscription = s;
            s.request(1);
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            for (ByteBuffer item : items) {
                int n = Math.min(item.remaining(), limit - size);
                if (size + n > buffer.length) {
                    buffer = java.util.Arrays.copyOf(buffer, Math.min(limit, Math.max(size + n, 2 * buffer.length)));
                }
                item.get(buffer, size, n);
                size += n;
            }
            if (size >= limit) {
                subscription.cancel();
                result.complete(java.util.Arrays.copyOf(buffer, size));
            } else {
                subscription.request(1);
            }
        }

        @Override
        public void onError(Throwable throwable) {
            result.completeExceptionally(throwable);
        }

        @Override
        public void onComplete() {
            result.complete(java.util.Arrays.copyOf(buffer, size));
        }
    }
}
