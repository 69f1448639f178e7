package co.vigia.notify.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.index.IndexDefinition;
import org.springframework.data.mongodb.core.index.IndexField;
import org.springframework.data.mongodb.core.index.IndexInfo;
import org.springframework.data.mongodb.core.index.IndexOperations;
import org.springframework.data.mongodb.core.index.IndexOptions;

/** What the start does with an existing index: nothing when its period is right, collMod when it changed. */
class RetentionIndexesTests {

    /** The indexes a collection has, as MongoDB lists them, and what the start asked for. */
    private static final class Indexes implements IndexOperations {
        final List<IndexInfo> existing = new ArrayList<>();
        final List<String> calls = new ArrayList<>();

        @Override
        public String createIndex(IndexDefinition definition) {
            calls.add("create " + definition.getIndexKeys().toJson() + " " + definition.getIndexOptions().toJson());
            return "created";
        }

        @Override
        public void alterIndex(String name, IndexOptions options) {
            calls.add("alter " + name + " " + options.getExpire().toSeconds());
        }

        @Override
        public void dropIndex(String name) {
            calls.add("drop " + name);
        }

        @Override
        public void dropAllIndexes() {
            calls.add("drop all");
        }

        @Override
        public List<IndexInfo> getIndexInfo() {
            return existing;
        }
    }

    private static IndexInfo ttl(String name, String field, Long seconds) {
        org.bson.Document d = new org.bson.Document("name", name).append("key", new org.bson.Document(field, 1));
        if (seconds != null) {
            d.append("expireAfterSeconds", seconds);
        }
        return IndexInfo.indexInfoOf(d);
    }

    @Test
    void aMissingIndexIsCreatedWithThePeriod() {
        Indexes indexes = new Indexes();
        RetentionIndexes.ensureTtl(indexes, "deliveries", "settled", "completedAt", Duration.ofDays(90));
        assertThat(indexes.calls).singleElement().asString().startsWith("create {\"completedAt\": 1}")
                .contains("\"name\": \"settled\"").contains("\"expireAfterSeconds\": 7776000");
    }

    @Test
    void anIndexWithTheSamePeriodIsLeftAsItIs() {
        Indexes indexes = new Indexes();
        indexes.existing.add(ttl("settled", "completedAt", 7_776_000L));
        RetentionIndexes.ensureTtl(indexes, "deliveries", "settled", "completedAt", Duration.ofDays(90));
        assertThat(indexes.calls).isEmpty();
    }

    @Test
    void theEarlierThirtyDayEventIndexAndThePlainSettledIndexAreChangedInPlace() {
        Indexes events = new Indexes();
        events.existing.add(ttl("receivedAt", "receivedAt", 2_592_000L)); // the annotation's 30d of earlier versions
        RetentionIndexes.ensureTtl(events, "events", "receivedAt", "receivedAt", Duration.ofDays(90));
        assertThat(events.calls).containsExactly("alter receivedAt 7776000");

        Indexes deliveries = new Indexes();
        deliveries.existing.add(ttl("settled", "completedAt", null)); // a plain index of earlier versions
        RetentionIndexes.ensureTtl(deliveries, "deliveries", "settled", "completedAt", Duration.ofDays(90));
        assertThat(deliveries.calls).containsExactly("alter settled 7776000");
    }
}
