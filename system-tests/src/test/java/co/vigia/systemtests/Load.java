package co.vigia.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import co.vigia.contracts.CloudEvent;
import co.vigia.contracts.EventCodec;
import co.vigia.contracts.Topics;
import co.vigia.contracts.vote.VoteTallied;
import co.vigia.testsupport.Api;
import co.vigia.testsupport.TestStack;
import co.vigia.testsupport.TopicReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import tools.jackson.databind.JsonNode;

/**
 * The load the fault tests put through the public APIs: bills in their first debate, and roll calls without
 * quorum on them (each a {@code co.vigia.vote.tallied} event that moves nothing), posted in batches.
 */
final class Load {

    /** How many events each fault drives: 2,000 in CI, 10,000 in the benchmark. */
    static final int EVENTS = Integer.getInteger("vigia.system-tests.events", 2000);
    static final int BILLS = 20;

    private Load() {
    }

    /** {@code count} bills in their first debate, ids {@code <prefix>-<n>}. */
    static List<String> bills(Vigia vigia, String prefix, int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = prefix + "-" + i;
            vigia.bill(id, "Proyecto " + id, "2023-03-15");
            vigia.action(id, "ASSIGNED_TO_COMMITTEE", "2023-03-22", "Comisión Primera");
            ids.add(id);
        }
        return ids;
    }

    /** {@code count} roll calls without quorum, spread over the bills, external ids {@code <prefix>-v<n>}. */
    static List<Map<String, Object>> votes(String prefix, List<String> bills, int count) {
        List<Map<String, Object>> votes = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            votes.add(Vigia.rollCall(prefix + "-v" + i, bills.get(i % bills.size()), "FIRST", "COMMITTEE",
                    "Comisión Primera", "2023-05-10", 19, 3, 2, 14));
        }
        return votes;
    }

    /** Posts the votes in batches; returns the external ids vote-service accepted (created, even if waiting). */
    static Set<String> postInBatches(Api vote, List<Map<String, Object>> votes, int batchSize) {
        Set<String> accepted = new HashSet<>();
        for (int from = 0; from < votes.size(); from += batchSize) {
            List<Map<String, Object>> batch = votes.subList(from, Math.min(votes.size(), from + batchSize));
            Api.Response response = vote.post("/api/votes:batch", batch);
            if (!response.ok()) {
                continue; // the caller decides what an unanswered batch means
            }
            for (JsonNode item : response.json().path("items")) {
                if (!"REJECTED".equals(item.path("result").asString())) {
                    accepted.add(item.path("externalId").asString());
                }
            }
        }
        return accepted;
    }

    /** The tallied events on Kafka for these external ids, waiting (bounded) until all are there. */
    static List<CloudEvent> talliedEvents(TestStack stack, Set<String> externalIds, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        List<CloudEvent> found;
        do {
            found = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (CloudEvent e : TopicReader.events(stack.topics().readAll(List.of(Topics.VOTE_EVENTS), SystemStack.READ_TOPICS))) {
                if (e.type().equals("co.vigia.vote.tallied")) {
                    String externalId = EventCodec.data(e, VoteTallied.class).externalId();
                    if (externalIds.contains(externalId) && seen.add(externalId)) {
                        found.add(e);
                    }
                }
            }
            if (found.size() >= externalIds.size()) {
                return found;
            }
            sleep(1000);
        } while (System.nanoTime() < deadline);
        return found;
    }

    static void await(String what, Duration within, BooleanSupplier condition) {
        long deadline = System.nanoTime() + within.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("timed out waiting for " + what).isLessThan(deadline);
            sleep(250);
        }
    }

    static Thread inBackground(String name, Runnable work) {
        Thread t = new Thread(work, name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    static void join(Thread t, Duration within) {
        try {
            t.join(within.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        assertThat(t.isAlive()).as(t.getName() + " finished within " + within).isFalse();
    }

    static void sleep(long millis) {
        try {
            TimeUnit.MILLISECONDS.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
