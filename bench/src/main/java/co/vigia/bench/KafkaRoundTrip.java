package co.vigia.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The raw limit under the end-to-end figure: a produce → consume round trip on the same broker, at the same rate,
 * with the producer settings the services use (acks=all, idempotent, no linger) and a plain consumer.
 */
final class KafkaRoundTrip {

    private KafkaRoundTrip() {
    }

    static Properties producer(String bootstrap) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return p;
    }

    static Properties consumer(String bootstrap) {
        Properties c = new Properties();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        c.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        c.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        return c;
    }

    static void createTopic(String bootstrap, String topic, int partitions) {
        Properties a = new Properties();
        a.put("bootstrap.servers", bootstrap);
        try (Admin admin = Admin.create(a)) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get();
        } catch (Exception e) {
            if (!(e.getCause() instanceof org.apache.kafka.common.errors.TopicExistsException)) {
                throw new IllegalStateException("cannot create topic " + topic, e);
            }
        }
    }

    /** A consumer assigned to every partition of {@code topic}, at its end: it sees only what is sent from now. */
    static KafkaConsumer<String, String> atEnd(String bootstrap, String topic) {
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumer(bootstrap));
        List<TopicPartition> partitions = new ArrayList<>();
        consumer.partitionsFor(topic, Duration.ofSeconds(30))
                .forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position); // resolve the end now, before anything is sent
        return consumer;
    }

    /** Runs the round trip for {@code warmup} (not recorded) then {@code duration} at {@code rate} messages/s. */
    static Latencies measure(String bootstrap, int rate, Duration warmup, Duration duration, Duration deadline) {
        String topic = "bench-roundtrip";
        createTopic(bootstrap, topic, 3);
        String payload = "x".repeat(1000);
        Latencies latencies = new Latencies();
        Map<String, long[]> sent = new ConcurrentHashMap<>();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong received = new AtomicLong();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producer(bootstrap));
             KafkaConsumer<String, String> consumer = atEnd(bootstrap, topic)) {
            Thread reader = new Thread(() -> {
                while (!stop.get()) {
                    for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(100))) {
                        long now = System.nanoTime();
                        long[] meta = sent.remove(r.key());
                        if (meta != null && meta[1] == 1) {
                            latencies.record(now - meta[0]);
                        }
                        received.incrementAndGet();
                    }
                }
            }, "bench-roundtrip-consumer");
            reader.start();
            int warm = Pacer.run(rate, warmup, (i, scheduled) -> {
                sent.put("w" + i, new long[] {scheduled, 0});
                producer.send(new ProducerRecord<>(topic, "w" + i, payload));
            });
            int measured = Pacer.run(rate, duration, (i, scheduled) -> {
                sent.put("m" + i, new long[] {scheduled, 1});
                producer.send(new ProducerRecord<>(topic, "m" + i, payload));
            });
            producer.flush();
            Machine.await(deadline, () -> received.get() >= warm + measured);
            stop.set(true);
            try {
                reader.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return latencies;
    }
}
