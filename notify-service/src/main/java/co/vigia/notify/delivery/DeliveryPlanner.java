package co.vigia.notify.delivery;

import co.vigia.contracts.EventCodec;
import co.vigia.contracts.EventData;
import co.vigia.notify.WebhookProperties;
import co.vigia.notify.event.EventStore;
import co.vigia.notify.event.StoredEvent;
import co.vigia.notify.subscription.Subscription;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Creates deliveries (from Kafka, redelivery, replay, pings, notices) and wakes the worker for them. */
@Component
public class DeliveryPlanner {

    /** Deliveries created (and offered) at a time, out of an event's fan-out. */
    static final int CREATE_CHUNK = 500;

    private final DeliveryStore store;
    private final DeliveryLines lines;
    private final EventStore events;
    private final RetryPolicy retries;
    private final WorkerSignal signal;
    private final Clock clock;
    private final String source;
    private final String owner;
    private final Duration lease;

    public DeliveryPlanner(DeliveryStore store, DeliveryLines lines, EventStore events, RetryPolicy retries,
                           WorkerSignal signal, Clock clock, co.vigia.starter.VigiaProperties vigia,
                           WebhookProperties webhooks) {
        this.store = store;
        this.lines = lines;
        this.events = events;
        this.retries = retries;
        this.signal = signal;
        this.clock = clock;
        this.source = vigia.source();
        this.owner = webhooks.effectiveInstanceId();
        this.lease = webhooks.lease();
    }

    /** One delivery of {@code event} to {@code subscription}; {@code id} null for a fresh one. False if it existed. */
    public boolean schedule(StoredEvent event, Subscription subscription, String id, DeliveryTrigger trigger) {
        Delivery delivery = pending(event, subscription, id == null ? UUID.randomUUID().toString() : id, trigger,
                clock.instant());
        return !createAll(List.of(delivery), true).isEmpty();
    }

    /**
     * One delivery of {@code event} to each subscription (id {@code <eventId>:<subscriptionId>}), in writes of
     * {@link #CREATE_CHUNK}; returns how many were new (those that existed, from an earlier read of the same event,
     * are left alone). Each chunk is offered to the worker as soon as it is stored, so the first webhooks of a large
     * fan-out go while the rest are created: created in one go, 10,000 took 3 s before the first could start.
     * {@code mayExist} false (the event was just stored for the first time) spares the read for existing ones.
     */
    public int scheduleEach(StoredEvent event, List<Subscription> subscriptions, DeliveryTrigger trigger,
                            boolean mayExist) {
        Instant now = clock.instant();
        int created = 0;
        for (int from = 0; from < subscriptions.size(); from += CREATE_CHUNK) {
            created += createAll(subscriptions.subList(from, Math.min(subscriptions.size(), from + CREATE_CHUNK))
                    .stream().map(s -> pending(event, s, event.id() + ":" + s.id(), trigger, now)).toList(),
                    mayExist).size();
        }
        return created;
    }

    /**
     * Puts the deliveries that do not exist yet at the end of their lines, inserts them and offers them to the worker.
     * Those that exist (the event read again) are left out first: appending one again would put it behind itself.
     * Those due now that the worker has room to hold are inserted leased to this instance: the worker starts them
     * without claiming them (one write fewer each), and no other instance's read of the store takes them meanwhile.
     * Should this instance die first, its restart releases them at once, or their lease runs out for the others.
     */
    private List<Delivery> createAll(List<Delivery> deliveries, boolean mayExist) {
        Set<String> existing = mayExist ? store.existing(deliveries.stream().map(Delivery::id).toList()) : Set.of();
        Instant now = clock.instant();
        List<Delivery> fresh = new ArrayList<>();
        List<Delivery> dueNow = new ArrayList<>();
        for (Delivery d : deliveries) {
            if (!existing.contains(d.id())) {
                (d.nextAttemptAt().isAfter(now) ? fresh : dueNow).add(d);
            }
        }
        int held = signal.reserve(dueNow.size());
        List<Delivery> toCreate = new ArrayList<>(fresh.size() + dueNow.size());
        for (int i = 0; i < dueNow.size(); i++) {
            toCreate.add(i < held ? dueNow.get(i).leasedTo(owner, now.plus(lease)) : dueNow.get(i));
        }
        toCreate.addAll(fresh);
        List<Delivery> created;
        try {
            created = store.insertAllAbsent(lines.append(toCreate));
        } catch (RuntimeException e) {
            signal.offerReserved(List.of(), held);
            throw e;
        }
        List<Delivery> leased = new ArrayList<>(held);
        List<Delivery> others = new ArrayList<>();
        created.forEach(d -> (owner.equals(d.leaseOwner()) ? leased : others).add(d));
        signal.offerReserved(leased, held);
        signal.offer(others);
        return created;
    }

    private Delivery pending(StoredEvent event, Subscription subscription, String id, DeliveryTrigger trigger,
                             Instant now) {
        return Delivery.pending(id, event.id(), event.type(), event.subject(), event.time(), subscription.id(),
                subscription.subscriberId(), trigger, now, now.plus(retries.firstDelay()));
    }

    public Delivery scheduleNew(StoredEvent event, Subscription subscription, DeliveryTrigger trigger) {
        String id = UUID.randomUUID().toString();
        schedule(event, subscription, id, trigger);
        signal.wake();
        return store.findById(id).orElseThrow();
    }

    /** Stores a webhook-only event (a ping, a disabled notice): it exists only to be delivered. */
    public StoredEvent webhookOnlyEvent(EventData data) {
        Instant now = clock.instant();
        return events.insert(StoredEvent.webhookOnly(EventCodec.create(source, data, now), now));
    }

    public void wakeWorker() {
        signal.wake();
    }
}
