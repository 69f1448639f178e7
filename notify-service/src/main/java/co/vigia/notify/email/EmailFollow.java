package co.vigia.notify.email;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One person's wish to hear about bills by email: the bills (ids), or the topics, or neither (every tracked bill),
 * the families of events, instant or daily at {@code digestHour} (Bogotá time), the language. {@code lastDigestAt}
 * is the end of the window the last digest covered.
 */
@Document("email_follows")
@CompoundIndex(name = "address_status", def = "{'address': 1, 'status': 1}")
@CompoundIndex(name = "status_cadence", def = "{'status': 1, 'cadence': 1}")
public record EmailFollow(@Id String id, String address, List<String> billIds, List<String> topics,
                          Set<EventFamily> families, Cadence cadence, int digestHour, Language language,
                          FollowStatus status, Instant createdAt, Instant confirmedAt, Instant endedAt,
                          Instant lastDigestAt) {

    public boolean everyBill() {
        return billIds.isEmpty() && topics.isEmpty();
    }

    /** Whether an event of {@code family} about a bill with these topics is wanted. */
    public boolean wants(EventFamily family, String billId, List<String> billTopics) {
        if (!families.contains(family)) {
            return false;
        }
        return everyBill() || billIds.contains(billId) || billTopics.stream().anyMatch(topics::contains);
    }
}
