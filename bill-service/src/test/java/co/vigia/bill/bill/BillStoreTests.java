package co.vigia.bill.bill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import co.vigia.bill.procedure.Procedure;
import co.vigia.contracts.BillKind;
import co.vigia.contracts.Chamber;
import co.vigia.starter.outbox.OutboxRelay;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.OptimisticLockingFailureException;

/** The one write path: a write a concurrent one beat is applied again to a fresh read, a few times at most. */
class BillStoreTests {

    BillRepository repository = mock(BillRepository.class);
    OutboxRelay relay = mock(OutboxRelay.class);
    BillStore store = new BillStore(repository, relay,
            Clock.fixed(Instant.parse("2023-06-01T12:00:00Z"), ZoneOffset.UTC));
    AtomicInteger reads = new AtomicInteger();

    @BeforeEach
    void bills() {
        when(repository.findById("bill-a")).thenAnswer(call -> {
            reads.incrementAndGet();
            LocalDate filed = LocalDate.of(2023, 3, 15);
            return Optional.of(new Bill("bill-a", "Bill A", null, BillKind.ORDINARY, Chamber.SENATE, Map.of(),
                    List.of(), List.of(), filed, 10, null, Procedure.filed(BillKind.ORDINARY, false, filed),
                    Instant.parse("2023-03-15T12:00:00Z")));
        });
        when(repository.findById("unknown")).thenReturn(Optional.empty());
    }

    @Test
    void aWriteBeatenByAConcurrentOneIsAppliedAgainToAFreshRead() {
        AtomicInteger saves = new AtomicInteger();
        when(repository.save(any(Bill.class))).thenAnswer(call -> {
            if (saves.incrementAndGet() < 3) {
                throw new OptimisticLockingFailureException("the deadline run wrote it meanwhile");
            }
            return call.getArgument(0);
        });
        AtomicInteger changes = new AtomicInteger();

        Optional<Integer> result = store.update("bill-a", bill -> changes.incrementAndGet());

        assertThat(result).contains(3);
        assertThat(reads).hasValue(3);
        verify(relay, times(1)).afterSave(eq(Bill.COLLECTION), eq("bill-a"), anyList());
    }

    @Test
    void itGivesUpAfterFiveAttempts() {
        when(repository.save(any(Bill.class))).thenThrow(new OptimisticLockingFailureException("always beaten"));

        assertThatThrownBy(() -> store.update("bill-a", bill -> Boolean.TRUE))
                .isInstanceOf(OptimisticLockingFailureException.class);
        verify(repository, times(5)).save(any(Bill.class));
        verify(relay, never()).afterSave(anyString(), anyString(), anyList());
    }

    @Test
    void aChangeThatChangesNothingIsNotSaved() {
        assertThat(store.update("bill-a", bill -> null)).isEmpty();
        verify(repository, never()).save(any(Bill.class));
    }

    @Test
    void anUnknownBillIsNamed() {
        assertThatThrownBy(() -> store.update("unknown", bill -> Boolean.TRUE))
                .isInstanceOf(UnknownBillException.class).hasMessage("bill 'unknown' does not exist");
    }
}
