package co.vigia.starter.kafka;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntConsumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.core.log.LogAccessor;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.SerializationUtils;

/**
 * Applies a batch listener's poll in record order and tells the container what to commit: every record before the
 * first one that could not be applied, which is named in a {@link BatchListenerFailedException} so the shared error
 * handler dead-letters it at once when it is poison ({@link PoisonEventException}, unreadable bytes) or retries it with
 * back-off otherwise, and the records after it are read again.
 *
 * <p>A listener gives two steps: {@link Preparer} turns each readable record into an item (or null when the record needs
 * nothing, e.g. an event type it ignores), throwing when the record can never be applied; {@link Applier} applies the
 * prepared items in one go (one read, one bulk write) and, when it stops part-way, says at which item with
 * {@link StoppedAt}. Any other exception from the applier stops the poll at its first item: nothing after the records
 * that needed no work is committed, so every step must be idempotent (a redelivery changes nothing).
 */
public final class PollBatch {

    private static final LogAccessor LOG = new LogAccessor(PollBatch.class);

    private PollBatch() {
    }

    /** Turns one readable record into an item to apply, or null when it needs nothing. */
    @FunctionalInterface
    public interface Preparer<V, T> {
        T prepare(ConsumerRecord<String, V> record);
    }

    /** Applies the items in order; throws {@link StoppedAt} naming the first item it did not apply. */
    @FunctionalInterface
    public interface Applier<T> {
        void apply(List<T> items);
    }

    /** Thrown by an {@link Applier}: items before {@code item} are applied, that one failed with the cause. */
    public static final class StoppedAt extends RuntimeException {
        private final int item;

        public StoppedAt(int item, RuntimeException cause) {
            super(cause.getMessage(), cause);
            this.item = item;
        }

        public int item() {
            return item;
        }
    }

    /** {@link #apply(List, Preparer, Applier, IntConsumer)} without counting what was committed. */
    public static <V, T> void apply(List<ConsumerRecord<String, V>> records, Preparer<V, T> prepare, Applier<T> apply) {
        apply(records, prepare, apply, committed -> { });
    }

    /**
     * Prepares the records in order up to the first that fails, applies the items prepared, then throws a
     * {@link BatchListenerFailedException} at the first record not applied, if any. {@code committed} hears how many
     * records, from the start of the poll, are done (they will be committed), before anything is thrown.
     */
    public static <V, T> void apply(List<ConsumerRecord<String, V>> records, Preparer<V, T> prepare, Applier<T> apply,
                                    IntConsumer committed) {
        int stop = records.size();
        RuntimeException cause = null;
        List<T> items = new ArrayList<>(records.size());
        List<Integer> itemRecords = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            ConsumerRecord<String, V> record = records.get(i);
            Optional<PoisonEventException> unreadable = unreadable(record);
            if (unreadable.isPresent()) {
                stop = i;
                cause = unreadable.get();
                break;
            }
            try {
                T item = prepare.prepare(record);
                if (item != null) {
                    items.add(item);
                    itemRecords.add(i);
                }
            } catch (RuntimeException e) {
                stop = i;
                cause = e;
                break;
            }
        }
        if (!items.isEmpty()) {
            try {
                apply.apply(items);
            } catch (StoppedAt e) {
                int at = itemRecords.get(Math.min(Math.max(e.item(), 0), items.size() - 1));
                if (at < stop) {
                    stop = at;
                    cause = (RuntimeException) e.getCause();
                }
            } catch (RuntimeException e) {
                stop = itemRecords.get(0);
                cause = e;
            }
        }
        committed.accept(stop);
        if (cause != null) {
            ConsumerRecord<String, V> failed = records.get(stop);
            throw new BatchListenerFailedException("Record " + where(failed) + " not applied: " + cause.getMessage(),
                    cause, stop);
        }
    }

    /**
     * Why a record can never be read, if so. The ErrorHandlingDeserializer hands a batch listener an unreadable record
     * as a null value with the failure in a header: named as the cause, the dead-letter recoverer publishes its bytes.
     */
    public static Optional<PoisonEventException> unreadable(ConsumerRecord<String, ?> record) {
        DeserializationException failure = SerializationUtils.getExceptionFromHeader(record,
                SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER, LOG);
        if (failure != null) {
            return Optional.of(new PoisonEventException("record " + where(record) + " is unreadable: "
                    + failure.getMessage(), failure));
        }
        if (record.value() == null) {
            return Optional.of(new PoisonEventException("record " + where(record) + " has no value"));
        }
        return Optional.empty();
    }

    private static String where(ConsumerRecord<String, ?> record) {
        return record.topic() + "-" + record.partition() + "@" + record.offset();
    }
}
