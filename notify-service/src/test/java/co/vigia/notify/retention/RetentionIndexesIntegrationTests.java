package co.vigia.notify.retention;

import static org.assertj.core.api.Assertions.assertThat;

import co.vigia.notify.delivery.Attempt;
import co.vigia.notify.delivery.Delivery;
import co.vigia.notify.delivery.DeliveryStatus;
import co.vigia.notify.delivery.DeliveryStore;
import co.vigia.notify.delivery.DeliveryTrigger;
import co.vigia.notify.delivery.ScratchDatabase;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.bson.BsonDocument;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.index.IndexInfo;

/**
 * Retention as MongoDB TTL indexes, on real MongoDB or the embedded server: delivery records by {@code completedAt},
 * which only a settled delivery has, and stored events by {@code receivedAt}, each with the configured period. The
 * embedded server accepts the index and then ignores it (it keeps no secondary indexes), so the test reads the
 * {@code createIndexes} commands the service sends, and on real MongoDB the indexes themselves too.
 */
class RetentionIndexesIntegrationTests {

    private static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");
    private final List<BsonDocument> createIndexes = new CopyOnWriteArrayList<>();
    private final ScratchDatabase database = new ScratchDatabase("retention", new CommandListener() {
        @Override
        public void commandStarted(CommandStartedEvent event) {
            if (event.getCommandName().equals("createIndexes")) {
                createIndexes.add(event.getCommand().clone());
            }
        }
    });

    @AfterEach
    void close() {
        database.close();
    }

    private BsonDocument sent(String collection) {
        return createIndexes.stream().filter(c -> c.getString("createIndexes").getValue().equals(collection))
                .map(c -> c.getArray("indexes").get(0).asDocument()).findFirst().orElseThrow();
    }

    @Test
    void deliveryRecordsAndStoredEventsGetATtlIndexWithTheConfiguredPeriod() {
        new RetentionIndexes(database.mongo, new RetentionProperties(Duration.ofDays(90), Duration.ofDays(120)))
                .afterPropertiesSet();

        BsonDocument deliveries = sent(Delivery.COLLECTION);
        assertThat(deliveries.getDocument("key")).isEqualTo(BsonDocument.parse("{completedAt: 1}"));
        assertThat(deliveries.getString("name").getValue()).isEqualTo(RetentionIndexes.DELIVERIES_INDEX);
        assertThat(deliveries.getNumber("expireAfterSeconds").longValue()).isEqualTo(Duration.ofDays(90).toSeconds());
        BsonDocument events = sent("events");
        assertThat(events.getDocument("key")).isEqualTo(BsonDocument.parse("{receivedAt: 1}"));
        assertThat(events.getNumber("expireAfterSeconds").longValue()).isEqualTo(Duration.ofDays(120).toSeconds());

        // real MongoDB keeps them (the embedded server lists no secondary index)
        List<IndexInfo> kept = database.mongo.indexOps(Delivery.COLLECTION).getIndexInfo();
        kept.stream().filter(i -> i.getName().equals(RetentionIndexes.DELIVERIES_INDEX)).findFirst()
                .ifPresent(i -> assertThat(i.getExpireAfter()).contains(Duration.ofDays(90)));
    }

    @Test
    void onlyASettledDeliveryHasTheFieldItsRetentionCountsFrom() throws Exception {
        DeliveryStore store = new DeliveryStore(database.mongo);
        try {
            Delivery pending = Delivery.pending("e-1:s-1", "e-1", "co.vigia.bill.registered", "bill-1", NOW, "s-1",
                    "ngo-1", DeliveryTrigger.EVENT, NOW, NOW);
            store.insertAllAbsent(List.of(pending));
            Delivery claimed = store.claim(pending, "notify-a", NOW, Duration.ofSeconds(60)).orElseThrow();
            Delivery retrying = store.complete(claimed, new Attempt(NOW, 503, 12, "HTTP 503", "notify-a"),
                    DeliveryStatus.PENDING, NOW.plusSeconds(5), "HTTP 503").orElseThrow();
            assertThat(raw(pending.id()).get("completedAt")).isNull();

            Delivery again = store.claim(retrying, "notify-a", NOW.plusSeconds(5), Duration.ofSeconds(60)).orElseThrow();
            store.complete(again, new Attempt(NOW.plusSeconds(5), 204, 9, null, "notify-a"), DeliveryStatus.DELIVERED,
                    null, null).orElseThrow();
            assertThat(raw(pending.id()).getDate("completedAt")).isNotNull();
        } finally {
            store.close();
        }
    }

    private Document raw(String id) {
        return database.mongo.getCollection(Delivery.COLLECTION).find(new Document("_id", id)).first();
    }
}
