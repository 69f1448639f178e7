package co.vigia.notify.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A dead endpoint's circuit opens and its slots stay its own: another endpoint is never held up by it. */
class EndpointGatesTests {

    private final EndpointGates gates = new EndpointGates(EndpointGates.registry(10, 5, 50, Duration.ofSeconds(30)),
            2, Duration.ofSeconds(30));

    @Test
    void failuresOpenOnlyTheFailingEndpointsCircuit() {
        for (int i = 0; i < 5; i++) {
            assertThat(gates.tryEnter("dead")).isEqualTo(EndpointGates.Entry.ADMITTED);
            gates.exit("dead", false, Duration.ofSeconds(15));
        }
        assertThat(gates.state("dead")).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(gates.openCircuits()).isEqualTo(1);
        assertThat(gates.tryEnter("dead")).isEqualTo(EndpointGates.Entry.OPEN);
        assertThat(gates.tryEnter("healthy")).isEqualTo(EndpointGates.Entry.ADMITTED);
        gates.exit("healthy", true, Duration.ofMillis(5));
        assertThat(gates.state("healthy")).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(gates.openCircuits()).as("the healthy endpoint's closed circuit is not counted").isEqualTo(1);
    }

    @Test
    void aSlowEndpointHoldsAtMostItsOwnSlots() {
        assertThat(gates.tryEnter("slow")).isEqualTo(EndpointGates.Entry.ADMITTED);
        assertThat(gates.tryEnter("slow")).isEqualTo(EndpointGates.Entry.ADMITTED);
        assertThat(gates.tryEnter("slow")).isEqualTo(EndpointGates.Entry.BUSY);
        assertThat(gates.tryEnter("other")).isEqualTo(EndpointGates.Entry.ADMITTED);
        gates.cancel("slow");
        assertThat(gates.tryEnter("slow")).isEqualTo(EndpointGates.Entry.ADMITTED);
    }
}
