package co.vigia.notify.delivery;

import static co.vigia.notify.delivery.PendingDeliveries.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import co.vigia.notify.subscription.Subscription;
import co.vigia.notify.subscription.SubscriptionStore;
import co.vigia.notify.subscription.SubscriptionStatus;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import java.time.Instant;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An endpoint's last success and failing-since on its subscription, on real MongoDB (or the embedded server): a
 * success ends a failing spell at once, other successes are written together once a second, and that late write
 * never erases a failure recorded in between.
 */
class EndpointHealthIntegrationTests {

    /** Write commands the test's client sent, by name ({@code update}, {@code findAndModify}, ...). */
    private final Queue<String> writes = new ConcurrentLinkedQueue<>();
    private ScratchDatabase database;
    private EndpointHealth health;

    @BeforeEach
    void connect() {
        database = new ScratchDatabase("endpoint-health", new CommandListener() {
            @Override
            public void commandStarted(CommandStartedEvent event) {
                if (List.of("update", "findAndModify", "insert", "delete").contains(event.getCommandName())) {
                    writes.add(event.getCommandName());
                }
            }
        });
        // the repository, store and planner serve only disable(), not tested here
        health = new EndpointHealth(new SubscriptionStore(database.mongo), null, null, null);
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void aSuccessOfAFailingEndpointClearsItsFailingSinceAtOnce() {
        Subscription failing = insert(subscription("subscription-1", NOW.minusSeconds(3600), NOW.minusSeconds(7200)));

        health.succeeded(failing, NOW);

        Subscription now = read("subscription-1");
        assertThat(now.failingSince()).isNull();
        assertThat(now.lastSuccessAt()).isEqualTo(NOW);
    }

    @Test
    void successesOfHealthyEndpointsAreWrittenTogetherByWriteSuccesses() {
        // half never succeeded, half last succeeded two minutes ago
        List<Subscription> healthy = IntStream.range(0, 50).mapToObj(i -> insert(
                subscription("subscription-" + i, null, i % 2 == 0 ? null : NOW.minusSeconds(120)))).toList();
        Subscription recent = insert(subscription("subscription-recent", null, NOW.minusSeconds(10)));
        writes.clear();

        healthy.forEach(s -> health.succeeded(s, NOW));
        health.succeeded(recent, NOW);

        assertThat(writes).as("nothing written before writeSuccesses").isEmpty();
        assertThat(healthy).allSatisfy(s -> assertThat(read(s.id()).lastSuccessAt()).isEqualTo(s.lastSuccessAt()));

        health.writeSuccesses();

        assertThat(writes).as("one bulk write for all of them").containsExactly("update");
        assertThat(healthy).allSatisfy(s -> assertThat(read(s.id()).lastSuccessAt()).isEqualTo(NOW));
        assertThat(read("subscription-recent").lastSuccessAt()).as("recent enough: not written")
                .isEqualTo(NOW.minusSeconds(10));

        writes.clear();
        health.writeSuccesses();
        assertThat(writes).as("written once").isEmpty();
    }

    @Test
    void aFailureRecordedBetweenASuccessAndItsWriteKeepsItsFailingSince() {
        Subscription healthy = insert(subscription("subscription-1", null, null));

        health.succeeded(healthy, NOW);
        health.failed("subscription-1", NOW.plusSeconds(1));
        health.writeSuccesses();

        Subscription now = read("subscription-1");
        assertThat(now.failingSince()).isEqualTo(NOW.plusSeconds(1));
        assertThat(now.lastSuccessAt()).isEqualTo(NOW);
    }

    private Subscription insert(Subscription subscription) {
        return database.mongo.insert(subscription);
    }

    private Subscription read(String id) {
        return database.mongo.findById(id, Subscription.class);
    }

    private static Subscription subscription(String id, Instant failingSince, Instant lastSuccessAt) {
        return new Subscription(id, "subscriber-1", "https://hooks.example.org/" + id, null, List.of(), List.of(),
                SubscriptionStatus.ACTIVE, null, null, List.of(), failingSince, lastSuccessAt, NOW.minusSeconds(86_400),
                NOW.minusSeconds(86_400), null);
    }
}
