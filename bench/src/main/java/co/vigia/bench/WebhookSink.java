package co.vigia.bench;

import co.vigia.testsupport.WebhookReceiver;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The subscribers' endpoints: the test receiver on loopback answering 204 at once. Requests are counted per
 * group (the first path segment after {@code /hooks/}), distinct per path and {@code webhook-id}, so duplicates and
 * losses can be told apart; a group may have a listener (the end-to-end figure times each arrival).
 */
final class WebhookSink implements AutoCloseable {

    /** Called on the sink's thread for each request of a group, with its arrival time. */
    interface Listener {
        void received(String path, String webhookId, String body, long arrivedNanos);
    }

    /** What one group received. */
    static final class Group {
        final AtomicLong requests = new AtomicLong();
        final Map<String, Boolean> distinct = new ConcurrentHashMap<>();
        final AtomicLong firstNanos = new AtomicLong();
        final AtomicLong lastNanos = new AtomicLong();
        volatile String sampleBody;
        volatile Listener listener;

        long requests() {
            return requests.get();
        }

        long distinct() {
            return distinct.size();
        }
    }

    private final WebhookReceiver receiver;
    private final Map<String, Group> groups = new ConcurrentHashMap<>();

    int port() {
        return receiver.port();
    }

    private WebhookSink(int threads) {
        // counts only: keeping every request would hold the fan-out's hundred thousand bodies
        receiver = new WebhookReceiver(threads).recording(false).listener(this::count);
    }

    static WebhookSink start(int threads) {
        return new WebhookSink(threads);
    }

    /** The URL to register for {@code group/name}. */
    String url(String group, String name) {
        return receiver.url("/hooks/" + group + "/" + name);
    }

    Group group(String name) {
        return groups.computeIfAbsent(name, k -> new Group());
    }

    private void count(WebhookReceiver.Received request) {
        String path = request.path().substring("/hooks/".length());
        int slash = path.indexOf('/');
        Group group = group(slash < 0 ? path : path.substring(0, slash));
        String webhookId = request.webhookId();
        group.requests.incrementAndGet();
        group.distinct.put(path + " " + webhookId, Boolean.TRUE);
        group.firstNanos.compareAndSet(0, request.arrivedNanos());
        group.lastNanos.accumulateAndGet(request.arrivedNanos(), Math::max);
        if (group.sampleBody == null) {
            group.sampleBody = request.body();
        }
        Listener listener = group.listener;
        if (listener != null) {
            listener.received(path, webhookId, request.body(), request.arrivedNanos());
        }
    }

    @Override
    public void close() {
        receiver.close();
    }
}
