package co.vigia.bench;

import co.vigia.devstack.Service;
import co.vigia.testsupport.Api;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;

/**
 * Figure 5: {@code faultEvents} votes streamed through vote-service while notify-service is SIGKILLed once a third of
 * their webhooks arrived, then restarted. Each event matches one subscription (ten subscriptions over twenty bills),
 * so every accepted vote must arrive exactly once: lost = accepted votes not delivered within the bound (lost, or so
 * late that they count as lost), duplicates = requests beyond the first per (endpoint, webhook-id).
 */
final class FaultTest {

    static final int BILLS = 20;
    static final int SUBSCRIPTIONS = 10;

    record Result(int events, int accepted, long delivered, long lost, long duplicates, long requests,
                  long deliveredAtKill, Duration killToHealthy, Duration restartToDrained, Duration killToDrained,
                  boolean drained, String loadAverage) {
    }

    private FaultTest() {
    }

    static void prepare(BenchStack stack, WebhookSink sink) {
        List<String> bills = new ArrayList<>();
        for (int b = 0; b < BILLS; b++) {
            bills.add("fault-bill-" + b);
            stack.bill("fault-bill-" + b, "SENATE");
        }
        stack.subscriptions("fault", SUBSCRIPTIONS, 1,
                i -> List.of(bills.get(i), bills.get(i + SUBSCRIPTIONS)), i -> sink.url("fault", "f" + i));
    }

    static Result measure(BenchStack stack, WebhookSink sink, BenchSettings s) {
        WebhookSink.Group group = sink.group("fault");
        Set<String> deliveredIds = ConcurrentHashMap.newKeySet();
        group.listener = (path, webhookId, body, arrived) ->
                deliveredIds.add(Api.JSON.readTree(body).path("data").path("externalId").asString(""));
        Set<String> accepted = ConcurrentHashMap.newKeySet();
        int batchSize = Math.max(1, s.batchSize());
        Thread producer = new Thread(() -> {
            for (int from = 0; from < s.faultEvents(); from += batchSize) {
                List<Map<String, Object>> batch = new ArrayList<>();
                for (int n = from; n < Math.min(s.faultEvents(), from + batchSize); n++) {
                    batch.add(BenchStack.rollCallWithoutQuorum("fault-v-" + n, "fault-bill-" + (n % BILLS)));
                }
                try {
                    HttpResponse<String> response = Api.HTTP.send(stack.vote.request("POST", "/api/votes:batch",
                            Api.JSON.writeValueAsString(batch)), HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() == 200) {
                        for (JsonNode item : Api.JSON.readTree(response.body()).path("items")) {
                            if ("CREATED".equals(item.path("result").asString())) {
                                accepted.add(item.path("externalId").asString());
                            }
                        }
                    }
                } catch (java.io.IOException e) {
                    // an unanswered batch: its votes are not counted as accepted
                } catch (InterruptedException e) {
                    return;
                }
                // a steady stream rather than one burst, so the kill lands mid-stream
                Machine.sleep(20);
            }
        }, "bench-fault-producer");
        producer.setDaemon(true);
        producer.start();

        int killAt = s.faultEvents() / 3;
        Machine.await(s.deadline(), () -> deliveredIds.size() >= killAt || !producer.isAlive());
        long deliveredAtKill = deliveredIds.size();
        long killed = System.nanoTime();
        stack.devstack().service(Service.NOTIFY).kill();
        // notify stays down for a few seconds while votes keep arriving: its consumer lag grows
        Machine.sleep(3000);
        long restarted = System.nanoTime();
        stack.devstack().startService(Service.NOTIFY);
        stack.devstack().awaitHealthy(BenchStack.START_TIMEOUT);
        long healthy = System.nanoTime();
        try {
            producer.join(s.deadline().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        boolean drained = Machine.await(s.deadline(), () -> !producer.isAlive() && deliveredIds.containsAll(accepted));
        long drainedAt = group.lastNanos.get() == 0 ? System.nanoTime() : group.lastNanos.get();
        // late duplicates would arrive after the last new delivery: give them a moment to show
        Machine.sleep(3000);
        group.listener = null;
        long lost = accepted.stream().filter(id -> !deliveredIds.contains(id)).count();
        return new Result(s.faultEvents(), accepted.size(), deliveredIds.size(), lost,
                group.requests() - group.distinct(), group.requests(), deliveredAtKill,
                Duration.ofNanos(healthy - killed), Duration.ofNanos(drainedAt - restarted),
                Duration.ofNanos(drainedAt - killed), drained, Machine.loadAverage());
    }
}
