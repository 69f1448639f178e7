package co.vigia.notify.email;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The daily digests: at each follow's hour (Bogotá time) one email with the events since its last digest, grouped
 * by bill, and the followed bills' deadlines of the next 14 days; nothing on a day with nothing. Runs every minute
 * against the injected clock; {@link #runAt(Instant)} lets an operator (or a test) run it as of any instant.
 * A digest's id is {@code digest:<followId>:<date>}, so a crash between creating it and moving the follow's window
 * creates it once.
 */
public class DigestJob {

    public static final ZoneId BOGOTA = ZoneId.of("America/Bogota");

    private final MongoTemplate mongo;
    private final BillFactsClient bills;
    private final EmailMessages messages;
    private final EmailDeliveries deliveries;
    private final Clock clock;
    private final String messageIdDomain;

    public DigestJob(MongoTemplate mongo, BillFactsClient bills, EmailMessages messages, EmailDeliveries deliveries,
                     Clock clock, String messageIdDomain) {
        this.mongo = mongo;
        this.bills = bills;
        this.messages = messages;
        this.deliveries = deliveries;
        this.clock = clock;
        this.messageIdDomain = messageIdDomain;
    }

    /** What one run did: follows whose hour had come, digests created. */
    public record Run(Instant at, int due, int created) {
    }

    public Run runNow() {
        return runAt(clock.instant());
    }

    public Run runAt(Instant now) {
        int due = 0;
        int created = 0;
        for (EmailFollow follow : mongo.find(new Query(Criteria.where("status").is(FollowStatus.ACTIVE)
                .and("cadence").is(Cadence.DAILY)), EmailFollow.class)) {
            if (!isDue(follow, now)) {
                continue;
            }
            due++;
            try {
                created += digest(follow, now) ? 1 : 0;
            } catch (BillFactsClient.Unavailable e) {
                // a topic follow needs the bills' topics: its digest waits for the next run
            }
        }
        return new Run(now, due, created);
    }

    /** Its hour has come today (Bogotá) and its last digest was before that hour. */
    static boolean isDue(EmailFollow follow, Instant now) {
        ZonedDateTime local = now.atZone(BOGOTA);
        Instant todaysHour = local.toLocalDate().atTime(follow.digestHour(), 0).atZone(BOGOTA).toInstant();
        return !now.isBefore(todaysHour) && (follow.lastDigestAt() == null || follow.lastDigestAt().isBefore(todaysHour));
    }

    private boolean digest(EmailFollow follow, Instant now) {
        Instant since = follow.lastDigestAt() != null ? follow.lastDigestAt() : follow.confirmedAt();
        Criteria window = Criteria.where("receivedAt").gt(since).lte(now);
        if (!follow.everyBill() && follow.topics().isEmpty()) {
            window = window.and("billId").in(follow.billIds());
        }
        List<EmailMessages.DigestItem> items = new ArrayList<>();
        Set<String> billsSeen = new LinkedHashSet<>(follow.billIds());
        for (EmailEvent event : mongo.find(new Query(window).with(Sort.by("receivedAt", "_id")), EmailEvent.class)) {
            EventFamily family = EventFamily.of(event.type()).orElseThrow();
            List<String> topics = follow.topics().isEmpty() ? List.of() : bills.facts(event.billId())
                    .map(BillFacts::topics).orElse(List.of());
            if (follow.wants(family, event.billId(), topics)) {
                items.add(new EmailMessages.DigestItem(event.billId(), event.type(), event.data()));
                billsSeen.add(event.billId());
            }
        }
        List<BillFacts> followed = follow.families().contains(EventFamily.DEADLINES)
                ? billsSeen.stream().map(bills::factsOrId).toList() : List.of();
        LocalDate day = now.atZone(BOGOTA).toLocalDate();
        EmailLayout.Rendered mail = messages.digest(follow, day, items, followed, bills::factsOrId);
        boolean created = false;
        if (mail != null) {
            String id = "digest:" + follow.id() + ":" + day;
            // due at once, even when run as of another instant (an operator's or a test's run of tomorrow)
            Instant sendFrom = clock.instant();
            created = deliveries.create(new EmailDelivery(id, EmailKind.DIGEST, follow.address(), follow.id(), null,
                    MessageIds.of(id, follow.address(), messageIdDomain), mail.subject(), mail.text(), mail.html(),
                    messages.links().unsubscribe(follow.id()), EmailStatus.PENDING, List.of(), sendFrom, null,
                    sendFrom, null));
        }
        mongo.updateFirst(new Query(Criteria.where("_id").is(follow.id()).and("lastDigestAt").is(follow.lastDigestAt())),
                new Update().set("lastDigestAt", now), EmailFollow.class);
        return created;
    }
}
