package co.vigia.bench;

import co.vigia.contracts.Topics;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;

/** Counts the tallied events (or baseline records) of this figure on a topic, from its end at creation. */
final class EventCounter implements AutoCloseable {
    private final KafkaConsumer<String, String> consumer;
    private final int expected;
    private final Set<String> seen = new HashSet<>();
    private final AtomicBoolean stop = new AtomicBoolean();
    private final Thread reader;
    private volatile long last;
    private volatile String sample;

    private final String prefix;

    EventCounter(String bootstrap, String topic, int expected) {
        this(bootstrap, topic, expected, "ingest-");
    }

    /** Counts the tallied events whose externalId starts with {@code prefix}. */
    EventCounter(String bootstrap, String topic, int expected, String prefix) {
        this.prefix = prefix;
        this.consumer = KafkaRoundTrip.atEnd(bootstrap, topic);
        this.expected = expected;
        this.reader = new Thread(this::read, "bench-ingest-consumer");
        reader.start();
    }

    private void read() {
        int baseline = 0;
        while (!stop.get()) {
            for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(100))) {
                String value = r.value();
                String id;
                if (!r.topic().equals(Topics.VOTE_EVENTS)) {
                    id = "raw-" + baseline++; // the baseline's copies of one event: count records
                } else if (value.contains("\"co.vigia.vote.tallied\"") && value.contains("\"externalId\":\"" + prefix)) {
                    int at = value.indexOf("\"externalId\":\"") + 14;
                    id = value.substring(at, value.indexOf('"', at));
                } else {
                    continue;
                }
                synchronized (seen) {
                    if (seen.add(id)) {
                        last = System.nanoTime();
                        if (sample == null) {
                            sample = value;
                        }
                    }
                }
            }
        }
    }

    int count() {
        synchronized (seen) {
            return seen.size();
        }
    }

    void awaitAll(Duration within) {
        Machine.await(within, () -> count() >= expected);
    }

    /** When the last new one arrived; now, when none did (so a rate over nothing is 0, not infinite). */
    long lastNanos() {
        return last == 0 ? System.nanoTime() : last;
    }

    String sample() {
        return sample;
    }

    @Override
    public void close() {
        stop.set(true);
        try {
            reader.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        consumer.close();
    }
}
