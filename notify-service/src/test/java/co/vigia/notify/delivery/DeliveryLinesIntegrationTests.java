package co.vigia.notify.delivery;

import static co.vigia.notify.delivery.PendingDeliveries.BILL;
import static co.vigia.notify.delivery.PendingDeliveries.fanOut;
import static co.vigia.notify.delivery.PendingDeliveries.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Each delivery learns, when created, the delivery before it for the same subscription and bill: the order the worker
 * keeps. On real MongoDB (or the embedded server), with the crash and race cases that could break the chain.
 */
class DeliveryLinesIntegrationTests {

    private ScratchDatabase database;
    private DeliveryLines lines;

    @BeforeEach
    void connect() {
        database = new ScratchDatabase("delivery-lines");
        lines = new DeliveryLines(database.mongo);
    }

    @AfterEach
    void close() {
        database.close();
    }

    /** The delivery a line ends with, as stored. */
    private String lastOf(String subscriptionId, String subject) {
        DeliveryLines.DeliveryLine line = database.mongo.findById(DeliveryLines.lineId(subscriptionId, subject),
                DeliveryLines.DeliveryLine.class);
        return line == null ? null : line.lastId();
    }

    @Test
    void eachDeliveryOfALineFollowsTheOneCreatedBeforeIt() {
        List<String> previous = new ArrayList<>();
        for (Delivery d : line(0, 4)) {
            previous.add(lines.append(List.of(d)).get(0).previousId());
        }
        assertThat(previous).containsExactly(null, "event-0:subscription-1", "event-1:subscription-1",
                "event-2:subscription-1");
        assertThat(lastOf("subscription-1", BILL)).isEqualTo("event-3:subscription-1");
    }

    @Test
    void aFanOutStartsOneLineASubscriptionAndTheNextEventFollowsEachOfThem() {
        assertThat(lines.append(fanOut(0, 500))).extracting(Delivery::previousId).containsOnlyNulls();

        List<Delivery> next = fanOut(0, 500).stream().map(d -> PendingDeliveries.of("event-2", d.subscriptionId()))
                .toList();
        assertThat(lines.append(next)).extracting(Delivery::previousId)
                .containsExactlyElementsOf(fanOut(0, 500).stream().map(Delivery::id).toList());
    }

    @Test
    void anEventReadAgainAfterACrashBeforeItsInsertKeepsItsPlace() {
        lines.append(line(0, 1));
        lines.append(line(1, 2)); // appended, then the process died before the insert

        assertThat(lines.append(line(1, 2)).get(0).previousId()).isEqualTo("event-0:subscription-1");
        assertThat(lines.append(line(2, 3)).get(0).previousId()).isEqualTo("event-1:subscription-1");
    }

    @Test
    void creatorsRacingOnOneLineAreChainedOneAfterAnother() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Delivery> appended = new CopyOnWriteArrayList<>();
        for (Delivery d : line(0, 40)) {
            pool.execute(() -> appended.add(lines.append(List.of(d)).get(0)));
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

        // one chain: exactly one first, and every other delivery follows a distinct one
        assertThat(appended).hasSize(40);
        assertThat(appended).filteredOn(d -> d.previousId() == null).hasSize(1);
        assertThat(appended.stream().map(Delivery::previousId).filter(p -> p != null).distinct().count())
                .isEqualTo(39);
        assertThat(appended.stream().map(Delivery::id)).contains(lastOf("subscription-1", BILL));
    }

    @Test
    void twoDeliveriesOfOneLineInOneAppendAreRefused() {
        assertThatThrownBy(() -> lines.append(line(0, 2))).isInstanceOf(IllegalArgumentException.class);
    }
}
