package co.vigia.starter.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.listener.BatchListenerFailedException;

class PollBatchTests {

    private final List<String> applied = new ArrayList<>();
    private final AtomicInteger committed = new AtomicInteger(-1);

    private static List<ConsumerRecord<String, String>> poll(String... values) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            records.add(new ConsumerRecord<>("t", 0, i, "k", values[i]));
        }
        return records;
    }

    private static String prepare(ConsumerRecord<String, String> record) {
        return switch (record.value()) {
            case "poison" -> throw new PoisonEventException("refused " + record.offset());
            case "ignored" -> null;
            default -> record.value();
        };
    }

    @Test
    void aWholePollIsAppliedAndCommitted() {
        PollBatch.apply(poll("a", "ignored", "b"), PollBatchTests::prepare, applied::addAll, committed::set);

        assertThat(applied).containsExactly("a", "b");
        assertThat(committed).hasValue(3);
    }

    @Test
    void aPoisonRecordIsNamedAndTheRecordsBeforeItAreApplied() {
        assertThatThrownBy(() -> PollBatch.apply(poll("a", "b", "poison", "c"), PollBatchTests::prepare,
                applied::addAll, committed::set))
                .isInstanceOfSatisfying(BatchListenerFailedException.class, e -> {
                    assertThat(e.getIndex()).isEqualTo(2);
                    assertThat(e.getCause()).isInstanceOf(PoisonEventException.class);
                });
        assertThat(applied).containsExactly("a", "b");
        assertThat(committed).hasValue(2);
    }

    @Test
    void anEmptyValueIsPoisonAndNothingAfterItIsPrepared() {
        List<ConsumerRecord<String, String>> records = poll("a", "x", "b");
        records.set(1, new ConsumerRecord<>("t", 0, 1, "k", null));

        assertThatThrownBy(() -> PollBatch.apply(records, PollBatchTests::prepare, applied::addAll, committed::set))
                .isInstanceOfSatisfying(BatchListenerFailedException.class, e -> {
                    assertThat(e.getIndex()).isEqualTo(1);
                    assertThat(e.getCause()).isInstanceOf(PoisonEventException.class).hasMessageContaining("t-0@1");
                });
        assertThat(applied).containsExactly("a");
    }

    @Test
    void anApplierThatStopsPartWayNamesTheRecordOfThatItem() {
        assertThatThrownBy(() -> PollBatch.apply(poll("a", "ignored", "b", "c"), PollBatchTests::prepare, items -> {
            applied.add(items.get(0));
            throw new PollBatch.StoppedAt(1, new IllegalStateException("store down"));
        }, committed::set)).isInstanceOfSatisfying(BatchListenerFailedException.class, e -> {
            assertThat(e.getIndex()).isEqualTo(2);
            assertThat(e.getCause()).isInstanceOf(IllegalStateException.class);
        });
        assertThat(committed).hasValue(2);
    }

    @Test
    void anApplierFailureBeforeThePoisonMovesTheStopEarlier() {
        assertThatThrownBy(() -> PollBatch.apply(poll("a", "b", "poison"), PollBatchTests::prepare, items -> {
            throw new PollBatch.StoppedAt(1, new IllegalStateException("conflict"));
        }, committed::set)).isInstanceOfSatisfying(BatchListenerFailedException.class,
                e -> assertThat(e.getIndex()).isEqualTo(1));
    }

    @Test
    void anyOtherApplierFailureCommitsOnlyTheRecordsBeforeTheFirstItem() {
        assertThatThrownBy(() -> PollBatch.apply(poll("ignored", "a", "b"), PollBatchTests::prepare, items -> {
            throw new IllegalStateException("MongoDB unreachable");
        }, committed::set)).isInstanceOfSatisfying(BatchListenerFailedException.class,
                e -> assertThat(e.getIndex()).isEqualTo(1));
        assertThat(committed).hasValue(1);
    }
}
