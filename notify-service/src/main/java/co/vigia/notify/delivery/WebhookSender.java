package co.vigia.notify.delivery;

import co.vigia.notify.address.EndpointPolicy;
import co.vigia.notify.address.EndpointRefusedException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.async.methods.SimpleHttpRequest;
import org.apache.hc.client5.http.async.methods.SimpleRequestBuilder;
import org.apache.hc.client5.http.async.methods.SimpleRequestProducer;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.config.TlsConfig;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.client5.http.ssl.HostnameVerificationPolicy;
import org.apache.hc.client5.http.ssl.HttpsSupport;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.EntityDetails;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.nio.AsyncResponseConsumer;
import org.apache.hc.core5.http.nio.CapacityChannel;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.http2.HttpVersionPolicy;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.reactor.IOReactorConfig;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * Posts one signed webhook with Apache HttpClient 5 (async): connect timeout, a total timeout, redirects never
 * followed, no automatic retries, at most {@code maxResponseBytes} of a response read. The URL is checked against the
 * {@link EndpointPolicy} before every attempt, and the client resolves the host only through {@link PinnedDnsResolver}:
 * the addresses it connects to are the ones that were checked (the JDK's HttpClient has no resolver hook, so it
 * looked the name up again after the check: a DNS rebinding window). TLS keeps the name for SNI and certificate
 * verification.
 */
public class WebhookSender implements AutoCloseable {

    private static final ContentType JSON = ContentType.create("application/json");

    private final CloseableHttpAsyncClient client;
    private final EndpointPolicy policy;
    private final Duration totalTimeout;
    private final int maxResponseBytes;
    private final Clock clock;

    public WebhookSender(EndpointPolicy policy, Duration connectTimeout, Duration totalTimeout, int maxResponseBytes,
                         Clock clock) {
        this(policy, connectTimeout, totalTimeout, maxResponseBytes, 256, defaultTls(), clock);
    }

    /** {@code maxConnections} bounds the open connections (the worker bounds requests in flight itself). */
    public WebhookSender(EndpointPolicy policy, Duration connectTimeout, Duration totalTimeout, int maxResponseBytes,
                         int maxConnections, SSLContext tls, Clock clock) {
        Timeout total = Timeout.of(totalTimeout);
        this.client = HttpAsyncClients.custom()
                .setConnectionManager(PoolingAsyncClientConnectionManagerBuilder.create()
                        .setDnsResolver(new PinnedDnsResolver(policy))
                        .setTlsStrategy(ClientTlsStrategyBuilder.create().setSslContext(tls)
                                // the JDK's endpoint identification and the client's own check, both on the name
                                .setHostVerificationPolicy(HostnameVerificationPolicy.BOTH)
                                .setHostnameVerifier(HttpsSupport.getDefaultHostnameVerifier()).buildAsync())
                        .setDefaultTlsConfig(TlsConfig.custom().setVersionPolicy(HttpVersionPolicy.FORCE_HTTP_1)
                                .setHandshakeTimeout(Timeout.of(connectTimeout)).build())
                        .setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(Timeout.of(connectTimeout))
                                .setSocketTimeout(total).setValidateAfterInactivity(TimeValue.ofSeconds(2))
                                .setTimeToLive(TimeValue.ofMinutes(5)).build())
                        .setMaxConnTotal(maxConnections).setMaxConnPerRoute(maxConnections)
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(total)
                        .setConnectionRequestTimeout(total).build())
                .setIOReactorConfig(IOReactorConfig.custom().setIoThreadCount(2).setSoTimeout(total).build())
                .disableRedirectHandling().disableAutomaticRetries().disableCookieManagement().disableAuthCaching()
                .disableConnectionState().evictIdleConnections(TimeValue.ofSeconds(30))
                .setUserAgent("Vigia-Webhooks/1")
                .build();
        this.client.start();
        this.policy = policy;
        this.totalTimeout = totalTimeout;
        this.maxResponseBytes = maxResponseBytes;
        this.clock = clock;
    }

    /** The JVM's default TLS context: its trust store and the name's hostname verification. */
    public static SSLContext defaultTls() {
        try {
            return SSLContext.getDefault();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("no default TLS context", e);
        }
    }

    /** One attempt; an interrupt (the instance stopping) is thrown, not counted as the endpoint's failure. */
    public AttemptResult send(String url, WebhookMessage message) throws InterruptedException {
        long started = System.nanoTime();
        EndpointPolicy.Endpoint endpoint;
        try {
            endpoint = policy.endpoint(url);
        } catch (EndpointRefusedException e) {
            return AttemptResult.failure("refused: " + e.getMessage(), elapsed(started));
        }
        SimpleHttpRequest request = SimpleRequestBuilder.post(endpoint.uri())
                .addHeader("webhook-id", message.id())
                .addHeader("webhook-timestamp", Long.toString(message.timestampSeconds()))
                .addHeader("webhook-signature", message.signature())
                .setBody(message.body().getBytes(StandardCharsets.UTF_8), JSON)
                .build();
        Future<Answer> future = client.execute(SimpleRequestProducer.create(request),
                new StatusConsumer(maxResponseBytes), null);
        try {
            Answer answer = future.get(totalTimeout.toMillis(), TimeUnit.MILLISECONDS);
            return AttemptResult.response(answer.status(), elapsed(started),
                    AttemptResult.parseRetryAfter(answer.retryAfter(), clock.instant()));
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
        for (Throwable c = cause; c != null; c = c.getCause()) {
            if (c instanceof PinnedDnsResolver.RefusedAddressException refused) {
                return "refused: " + refused.getMessage();
            }
        }
        if (cause instanceof ConnectTimeoutException) {
            return "connect timeout";
        }
        if (cause instanceof SocketTimeoutException) {
            return "timeout after " + totalTimeout.toMillis() + " ms";
        }
        if (cause instanceof ConnectException) {
            return "connection refused";
        }
        if (cause instanceof SSLException) {
            return "TLS error: " + cause.getMessage();
        }
        if (cause instanceof IOException) {
            return "connection error: " + (cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage());
        }
        return "error: " + cause;
    }

    private static Duration elapsed(long startedNanos) {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }

    @Override
    public void close() {
        client.close(CloseMode.GRACEFUL);
    }

    /** What an attempt needs of a response: its status and {@code Retry-After}. */
    record Answer(int status, String retryAfter) {
    }

    /**
     * Answers as soon as the status line and headers are in (all an attempt needs), then reads and drops at most
     * {@code limit} bytes of the body; a longer body ends the connection rather than being read to its end.
     */
    static final class StatusConsumer implements AsyncResponseConsumer<Answer> {
        private final int limit;
        private long read;

        StatusConsumer(int limit) {
            this.limit = limit;
        }

        @Override
        public void consumeResponse(HttpResponse response, EntityDetails entity, HttpContext context,
                                    FutureCallback<Answer> callback) {
            Header retryAfter = response.getFirstHeader("retry-after");
            callback.completed(new Answer(response.getCode(), retryAfter == null ? null : retryAfter.getValue()));
        }

        @Override
        public void informationResponse(HttpResponse response, HttpContext context) {
        }

        @Override
        public void updateCapacity(CapacityChannel channel) throws IOException {
            channel.update(Math.max(1, limit));
        }

        @Override
        public void consume(ByteBuffer data) throws IOException {
            read += data.remaining();
            data.position(data.limit());
            if (read > limit) {
                throw new IOException("response body over " + limit + " bytes: connection closed");
            }
        }

        @Override
        public void streamEnd(List<? extends Header> trailers) {
        }

        @Override
        public void failed(Exception cause) {
        }

        @Override
        public void releaseResources() {
        }
    }
}
