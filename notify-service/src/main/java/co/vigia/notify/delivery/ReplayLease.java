package co.vigia.notify.delivery;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A replay running for a subscription, on any instance: at most one at a time. It is deleted when the replay ends;
 * if its instance dies first, it lapses at {@code expiresAt} (and MongoDB's TTL monitor removes it).
 */
@Document("replay_leases")
record ReplayLease(@Id String subscriptionId, String owner, @Indexed(expireAfter = "0s") Instant expiresAt) {
}
