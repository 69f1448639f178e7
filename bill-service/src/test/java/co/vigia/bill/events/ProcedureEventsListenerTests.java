package co.vigia.bill.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyIterable;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import co.vigia.bill.bill.Bill;
import co.vigia.bill.bill.BillRepository;
import co.vigia.bill.bill.BillRecorder;
import co.vigia.bill.bill.BillStore;
import co.vigia.bill.procedure.Procedure;
import co.vigia.contracts.BillKind;
import co.vigia.contracts.Chamber;
import co.vigia.contracts.CloudEvent;
import co.vigia.contracts.Debate;
import co.vigia.contracts.EventCodec;
import co.vigia.contracts.Topics;
import co.vigia.contracts.VoteOutcome;
import co.vigia.contracts.objection.ObjectionAuthor;
import co.vigia.contracts.objection.ObjectionFiled;
import co.vigia.contracts.objection.ObjectionKind;
import co.vigia.contracts.objection.Stance;
import co.vigia.contracts.vote.VoteTallied;
import co.vigia.starter.VigiaProperties;
import co.vigia.starter.kafka.PoisonEventException;
import co.vigia.starter.metrics.EventMetrics;
import co.vigia.starter.outbox.OutboxRelay;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.SerializationUtils;

/**
 * How a batch of vote records is applied and where it stops, on the real {@link ProcedureEvents} over an in-memory stand-in
 * for the repository (each read gives a fresh bill, as MongoDB would); Kafka's side is in the integration tests.
 */
class ProcedureEventsListenerTests {

    static final Set<String> KNOWN = Set.of("bill-a", "bill-b");

    BillRepository repository = mock(BillRepository.class);
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    ProcedureEventsListener listener;
    /** Per save: the bill's id and how many timeline entries it carried then. */
    List<String> saves = new ArrayList<>();
    long offset;

    @BeforeEach
    void setUp() {
        Clock clock = Clock.fixed(Instant.parse("2023-06-01T12:00:00Z"), ZoneOffset.UTC);
        ProcedureEvents service = new ProcedureEvents(new BillStore(repository, mock(OutboxRelay.class), clock),
                new BillRecorder(clock, new VigiaProperties("/test/bill-service", null, null, null)));
        listener = new ProcedureEventsListener(service, new EventMetrics(meters));
        when(repository.findAllById(anyIterable())).thenAnswer(call -> {
            List<Bill> found = new ArrayList<>();
            for (Object id : (Iterable<?>) call.getArgument(0)) {
                if (KNOWN.contains(id)) {
                    found.add(freshBill((String) id));
                }
            }
            return found;
        });
        when(repository.findById(anyString())).thenAnswer(call -> KNOWN.contains(call.<String>getArgument(0))
                ? Optional.of(freshBill(call.getArgument(0))) : Optional.empty());
        when(repository.save(any(Bill.class))).thenAnswer(call -> {
            Bill bill = call.getArgument(0);
            saves.add(bill.getId() + ":" + bill.getTimeline().size());
            return bill;
        });
    }

    static Bill freshBill(String id) {
        LocalDate filed = LocalDate.of(2023, 3, 15);
        return new Bill(id, "Bill " + id, null, BillKind.ORDINARY, Chamber.SENATE, Map.of(), List.of(), List.of(),
                filed, 10, null, Procedure.filed(BillKind.ORDINARY, false, filed), Instant.parse("2023-03-15T12:00:00Z"));
    }

    ConsumerRecord<String, CloudEvent> vote(String billId) {
        VoteTallied data = new VoteTallied(UUID.randomUUID().toString(), null, billId, Chamber.SENATE, "Comisión Primera",
                Debate.FIRST, LocalDate.of(2023, 4, 11), 23, 15, 3, 0, 5, 0, false, "SIMPLE", 10, VoteOutcome.NO_QUORUM,
                true);
        return record(billId, EventCodec.create("/test/vote-service", data, Instant.now()));
    }

    ConsumerRecord<String, CloudEvent> record(String key, CloudEvent value) {
        return new ConsumerRecord<>(Topics.VOTE_EVENTS, 0, offset++, key, value);
    }

    /** What ErrorHandlingDeserializer hands a batch listener for bytes that are not a CloudEvent. */
    ConsumerRecord<String, CloudEvent> unreadable(String key) {
        byte[] bytes = "not a CloudEvent".getBytes(StandardCharsets.UTF_8);
        RecordHeaders headers = new RecordHeaders();
        SerializationUtils.deserializationException(headers, bytes,
                new DeserializationException("failed", bytes, false, new IllegalArgumentException("bad JSON")), false);
        return new ConsumerRecord<>(Topics.VOTE_EVENTS, 0, offset++, 0L, TimestampType.CREATE_TIME, 0, bytes.length, key,
                null, headers, Optional.empty());
    }

    double counted(String outcome) {
        Counter counter = meters.find("vigia.events.consumed").tags("topic", Topics.VOTE_EVENTS, "outcome", outcome)
                .counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void aBatchOfVotesOnTwoBillsReadsThemOnceAndWritesEachOnceInRecordOrder() {
        List<ConsumerRecord<String, CloudEvent>> batch = List.of(vote("bill-a"), vote("bill-b"), vote("bill-a"),
                vote("bill-a"), vote("bill-b"));

        listener.onVoteEvents(batch);

        verify(repository, times(1)).findAllById(anyIterable());
        verify(repository, never()).findById(anyString());
        assertThat(saves).containsExactly("bill-a:3", "bill-b:2");
        assertThat(counted("applied")).isEqualTo(5);
    }

    @Test
    void aBillsEventsAreWrittenAtMostAHundredAtATime() {
        List<ConsumerRecord<String, CloudEvent>> batch = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            batch.add(vote("bill-a"));
        }

        listener.onVoteEvents(batch);

        assertThat(saves).containsExactly("bill-a:100", "bill-a:200", "bill-a:250");
        verify(repository, never()).findById(anyString()); // the saved bill goes on to the next write
        assertThat(counted("applied")).isEqualTo(250);
    }

    @Test
    void theSameEventTwiceInABatchIsAppliedOnceAndCountedAsADuplicate() {
        ConsumerRecord<String, CloudEvent> first = vote("bill-a");

        listener.onVoteEvents(List.of(first, record("bill-a", first.value())));

        assertThat(saves).containsExactly("bill-a:1");
        assertThat(counted("applied")).isEqualTo(1);
        assertThat(counted("duplicate")).isEqualTo(1);
    }

    @Test
    void anUnreadableRecordStopsTheBatchAtItsIndexAfterTheRecordsBeforeItAreWritten() {
        List<ConsumerRecord<String, CloudEvent>> batch = List.of(vote("bill-a"), vote("bill-b"), unreadable("bill-a"),
                vote("bill-a"));

        BatchListenerFailedException failure = catchThrowableOfType(BatchListenerFailedException.class,
                () -> listener.onVoteEvents(batch));

        assertThat(failure.getIndex()).isEqualTo(2);
        assertThat(failure.getCause()).isInstanceOf(PoisonEventException.class)
                .hasCauseInstanceOf(DeserializationException.class);
        assertThat(saves).containsExactly("bill-a:1", "bill-b:1"); // the vote after it comes back, it is not applied
        assertThat(counted("applied")).isEqualTo(2);
    }

    @Test
    void aVoteAboutAnUnknownBillIsPoisonFoundBeforeAnyWriteSoNothingAfterItIsApplied() {
        List<ConsumerRecord<String, CloudEvent>> batch = List.of(vote("bill-a"), vote("unknown"), vote("bill-a"),
                vote("bill-b"));

        BatchListenerFailedException failure = catchThrowableOfType(BatchListenerFailedException.class,
                () -> listener.onVoteEvents(batch));

        assertThat(failure.getIndex()).isEqualTo(1);
        assertThat(failure.getCause()).isInstanceOf(PoisonEventException.class).hasMessageContaining("unknown bill");
        assertThat(saves).containsExactly("bill-a:1");
        assertThat(counted("applied")).isEqualTo(1);
    }

    @Test
    void aVoteLackingItsFieldsIsPoisonAtItsIndex() {
        VoteTallied lacking = new VoteTallied(UUID.randomUUID().toString(), null, "bill-a", Chamber.SENATE, null, null,
                null, 0, 0, 0, 0, 0, 0, false, null, 0, null, false);
        List<ConsumerRecord<String, CloudEvent>> batch = List.of(vote("bill-a"),
                record("bill-a", EventCodec.create("/test/vote-service", lacking, Instant.now())));

        BatchListenerFailedException failure = catchThrowableOfType(BatchListenerFailedException.class,
                () -> listener.onVoteEvents(batch));

        assertThat(failure.getIndex()).isEqualTo(1);
        assertThat(failure.getCause()).isInstanceOf(PoisonEventException.class);
        assertThat(saves).containsExactly("bill-a:1");
    }

    @Test
    void aTransientFailureOfABillsWriteStopsTheBatchAtThatBillsFirstRecordAndKeepsTheCauseForTheRetry() {
        DataAccessResourceFailureException down = new DataAccessResourceFailureException("MongoDB is down");
        when(repository.save(any(Bill.class))).thenAnswer(call -> {
            Bill bill = call.getArgument(0);
            if (bill.getId().equals("bill-b")) {
                throw down;
            }
            saves.add(bill.getId() + ":" + bill.getTimeline().size());
            return bill;
        });
        List<ConsumerRecord<String, CloudEvent>> batch = List.of(vote("bill-a"), vote("bill-b"), vote("bill-a"));

        BatchListenerFailedException failure = catchThrowableOfType(BatchListenerFailedException.class,
                () -> listener.onVoteEvents(batch));

        // not PoisonEventException: the starter's error handler retries it with back-off
        assertThat(failure.getIndex()).isEqualTo(1);
        assertThat(failure.getCause()).isSameAs(down);
        assertThat(saves).containsExactly("bill-a:2");
        // only the record before the failure is committed (and counted); the last one comes back as a duplicate
        assertThat(counted("applied")).isEqualTo(1);
    }

    @Test
    void aReadFailureStopsTheBatchAtItsFirstVote() {
        DataAccessResourceFailureException down = new DataAccessResourceFailureException("MongoDB is down");
        when(repository.findAllById(anyIterable())).thenThrow(down);
        ConsumerRecord<String, CloudEvent> opinion = record("bill-a", EventCodec.create("/test/vote-service",
                new ObjectionFiled(UUID.randomUUID().toString(), "bill-a", ObjectionAuthor.ATTORNEY_GENERAL, null,
                        ObjectionKind.OPINION, Stance.OPPOSES, List.of(), LocalDate.of(2023, 3, 22), null, null),
                Instant.now()));

        BatchListenerFailedException failure = catchThrowableOfType(BatchListenerFailedException.class,
                () -> listener.onVoteEvents(List.of(opinion, vote("bill-a"))));

        assertThat(failure.getIndex()).isEqualTo(1);
        assertThat(failure.getCause()).isSameAs(down);
        assertThat(counted("ignored")).isEqualTo(1);
    }

    @Test
    void aConcurrentWriteMakesItReadTheBillAgainAndApplyTheEventsOnceToIt() {
        AtomicInteger attempts = new AtomicInteger();
        when(repository.save(any(Bill.class))).thenAnswer(call -> {
            if (attempts.incrementAndGet() == 1) {
                throw new OptimisticLockingFailureException("the deadline clock wrote it meanwhile");
            }
            Bill bill = call.getArgument(0);
            saves.add(bill.getId() + ":" + bill.getTimeline().size());
            return bill;
        });

        listener.onVoteEvents(List.of(vote("bill-a"), vote("bill-a")));

        verify(repository, times(1)).findById("bill-a");
        assertThat(saves).containsExactly("bill-a:2");
        assertThat(counted("applied")).isEqualTo(2);
    }

    @Test
    void otherEventTypesAreIgnoredWithoutTouchingABill() {
        ConsumerRecord<String, CloudEvent> opinion = record("bill-a", EventCodec.create("/test/vote-service",
                new ObjectionFiled(UUID.randomUUID().toString(), "bill-a", ObjectionAuthor.ATTORNEY_GENERAL, null,
                        ObjectionKind.OPINION, Stance.OPPOSES, List.of(), LocalDate.of(2023, 3, 22), null, null),
                Instant.now()));

        listener.onVoteEvents(List.of(opinion));

        verify(repository, never()).findAllById(anyIterable());
        assertThat(counted("ignored")).isEqualTo(1);
    }
}
