package co.vigia.bill.bill;

import co.vigia.starter.outbox.OutboxRelay;
import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;

/**
 * Reads bills and writes them: the one place that retries a write a concurrent one beat (the deadline run, a clerk,
 * a vote), and that nudges the relay with the outbox each write carries.
 */
@Component
public class BillStore {

    private static final Logger log = LoggerFactory.getLogger(BillStore.class);
    private static final int ATTEMPTS = 5;

    private final BillRepository bills;
    private final OutboxRelay relay;
    private final Clock clock;

    public BillStore(BillRepository bills, OutboxRelay relay, Clock clock) {
        this.bills = bills;
        this.relay = relay;
        this.clock = clock;
    }

    public Optional<Bill> find(String id) {
        return bills.findById(id);
    }

    public Bill get(String id) {
        return bills.findById(id).orElseThrow(() -> new UnknownBillException(id));
    }

    /** The bills with these ids that exist, by id: one query for a whole batch of events. */
    public Map<String, Bill> read(Collection<String> ids) {
        Map<String, Bill> found = new HashMap<>();
        bills.findAllById(ids).forEach(bill -> found.put(bill.getId(), bill));
        return found;
    }

    Bill insert(Bill bill) {
        Bill saved = bills.insert(bill);
        relay.afterSave(Bill.COLLECTION, saved.getId(), saved.getOutbox());
        return saved;
    }

    /** What a write saved: the bill as saved (to change again without reading it back) and the change's result. */
    public record Saved<R>(Bill bill, R result) {
    }

    /** Reads the bill and {@link #update(Bill, Function) updates} it; throws {@link UnknownBillException}. */
    public <R> Optional<R> update(String id, Function<Bill, R> change) {
        return update(get(id), change).map(Saved::result);
    }

    /**
     * Applies {@code change} to {@code bill} as read and saves it under its version; when a concurrent write got there
     * first, reads the bill again and applies the change again. The change returns {@code null} when it changed
     * nothing, and nothing is saved then; when it throws, nothing is saved either.
     */
    public <R> Optional<Saved<R>> update(Bill bill, Function<Bill, R> change) {
        Bill current = bill;
        for (int attempt = 1; ; attempt++) {
            R result = change.apply(current);
            if (result == null) {
                return Optional.empty();
            }
            current.touch(clock.instant());
            Bill saved;
            try {
                saved = bills.save(current);
            } catch (OptimisticLockingFailureException e) {
                if (attempt >= ATTEMPTS) {
                    throw e;
                }
                log.debug("Bill {} changed concurrently, retrying ({})", current.getId(), attempt);
                current = get(current.getId());
                continue;
            }
            // the outbox as just saved: the relay sends it without reading the bill back
            relay.afterSave(Bill.COLLECTION, saved.getId(), saved.getOutbox());
            return Optional.of(new Saved<>(saved, result));
        }
    }
}
