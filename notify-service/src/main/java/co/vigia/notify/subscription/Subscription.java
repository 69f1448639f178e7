package co.vigia.notify.subscription;

import co.vigia.notify.secret.SecretBox;
import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One webhook endpoint of a subscriber and the events it wants. {@code failingSince} is the first failed
 * attempt with no success after it; it drives disabling after days of failure.
 */
@Document("subscriptions")
public record Subscription(@Id String id, @Indexed String subscriberId, String url, String description,
                           List<String> eventTypes, List<String> billIds, SubscriptionStatus status,
                           String disabledReason, Instant disabledAt, List<SigningSecret> secrets,
                           Instant failingSince, Instant lastSuccessAt, Instant createdAt, Instant updatedAt,
                           @Version Long version) {

    public EventFilter filter() {
        return new EventFilter(eventTypes, billIds);
    }

    /** The secrets that sign a webhook sent now, opened: the current one, and a replaced one within its grace period. */
    public List<String> signingSecrets(Instant now, SecretBox box) {
        return secrets.stream().filter(s -> s.signsAt(now)).map(s -> box.open(s.sealed(), id)).toList();
    }

    public Subscription with(String newUrl, String newDescription, List<String> newTypes, List<String> newBills,
                             SubscriptionStatus newStatus, Instant now) {
        boolean reenabled = newStatus == SubscriptionStatus.ACTIVE && status != SubscriptionStatus.ACTIVE;
        return new Subscription(id, subscriberId, newUrl, newDescription, newTypes, newBills, newStatus,
                newStatus == SubscriptionStatus.DISABLED ? disabledReason : null,
                newStatus == SubscriptionStatus.DISABLED ? disabledAt : null, secrets,
                reenabled ? null : failingSince, lastSuccessAt, createdAt, now, version);
    }

    public Subscription withSecrets(List<SigningSecret> newSecrets, Instant now) {
        return new Subscription(id, subscriberId, url, description, eventTypes, billIds, status, disabledReason,
                disabledAt, newSecrets, failingSince, lastSuccessAt, createdAt, now, version);
    }
}
