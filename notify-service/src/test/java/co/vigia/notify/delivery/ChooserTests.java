package co.vigia.notify.delivery;

import static co.vigia.notify.delivery.PendingDeliveries.line;
import static co.vigia.notify.delivery.PendingDeliveries.of;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The dispatch loop's choice for each due candidate: one subscription's events for one bill go in order (behind an
 * earlier one attempted here a candidate waits in memory, behind one elsewhere it is parked), no delivery is taken
 * twice at once, and neither the instance's slots nor an endpoint's share is exceeded.
 */
class ChooserTests {

    private final EndpointGates gates = new EndpointGates(EndpointGates.registry(10, 5, 50, Duration.ofSeconds(30)),
            2, Duration.ofSeconds(30));

    @Test
    void aCandidateBehindOneAttemptedHereWaitsInMemoryAndGoesToTheNextPollWhenThatOneIsDone() {
        Chooser chooser = new Chooser(gates, 4);
        List<Delivery> line = line(0, 2);
        assertThat(chooser.choose(line.get(0), null, false)).isInstanceOf(Choice.Start.class);

        assertThat(chooser.choose(line.get(1), line.get(0), false)).isInstanceOf(Choice.Held.class);
        assertThat(chooser.choose(line.get(1), line.get(0), false)).as("taken once").isInstanceOf(Choice.Held.class);

        gates.exit(line.get(0).subscriptionId(), true, Duration.ofMillis(5));
        assertThat(chooser.finished(line.get(0))).containsExactly(line.get(1));
        assertThat(chooser.freeSlots()).isEqualTo(4);
        assertThat(chooser.choose(line.get(1), null, false)).isInstanceOf(Choice.Start.class);
    }

    @Test
    void aCandidateBehindOneOfTheSamePollGoesLaterWithoutAWriteAndBehindAnyOtherIsParked() {
        Chooser chooser = new Chooser(gates, 4);
        List<Delivery> line = line(0, 2);

        assertThat(chooser.choose(line.get(1), line.get(0), true)).isEqualTo(new Choice.Later(line.get(1)));
        assertThat(chooser.choose(line.get(1), line.get(0), false))
                .isEqualTo(new Choice.Park(line.get(1), line.get(0)));
        assertThat(chooser.choose(line.get(1), line.get(0), false)).as("parking it already")
                .isInstanceOf(Choice.Held.class);
        chooser.parked(line.get(1));
        assertThat(chooser.freeSlots()).as("parking takes no slot").isEqualTo(4);
    }

    @Test
    void anEndpointWithItsShareInFlightOrItsCircuitOpenHoldsNoSlot() {
        Chooser chooser = new Chooser(gates, 4);
        assertThat(chooser.choose(of("event-1", "busy"), null, false)).isInstanceOf(Choice.Start.class);
        assertThat(chooser.choose(of("event-2", "busy"), null, false)).isInstanceOf(Choice.Start.class);
        Delivery third = of("event-3", "busy");
        assertThat(chooser.choose(third, null, false)).isEqualTo(new Choice.Later(third));

        for (int i = 0; i < 5; i++) {
            gates.tryEnter("dead");
            gates.exit("dead", false, Duration.ofSeconds(1));
        }
        Delivery toDead = of("event-1", "dead");
        assertThat(chooser.choose(toDead, null, false)).isEqualTo(new Choice.CircuitOpen(toDead));
        assertThat(chooser.freeSlots()).isEqualTo(2);
    }

    @Test
    void noMoreStartThanThereAreSlots() {
        Chooser chooser = new Chooser(gates, 2);
        assertThat(chooser.choose(of("event-1", "a"), null, false)).isInstanceOf(Choice.Start.class);
        assertThat(chooser.choose(of("event-1", "b"), null, false)).isInstanceOf(Choice.Start.class);
        Delivery third = of("event-1", "c");
        assertThat(chooser.choose(third, null, false)).isInstanceOf(Choice.NoSlot.class);
        assertThat(chooser.idle()).isFalse();

        chooser.cancel(of("event-1", "a"));
        chooser.finished(of("event-1", "a"));
        assertThat(chooser.choose(third, null, false)).as("not left taken by the refusal")
                .isInstanceOf(Choice.Start.class);
    }
}
