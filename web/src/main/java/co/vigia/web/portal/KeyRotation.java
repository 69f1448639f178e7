package co.vigia.web.portal;

import co.vigia.web.client.ApiKey;
import co.vigia.web.client.ServiceClient;
import co.vigia.web.client.ServiceClients;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An NGO rotating its own API key through notify-service's {@code POST /api/subscribers/{id}/rotate-key} (the
 * previous key keeps working for an overlap notify-service sets). Older notify-service versions lack that operation,
 * so the portal offers rotation only when notify-service's OpenAPI document lists it (checked at most every 5 min).
 */
@Component
public class KeyRotation {

    static final String PATH = "/api/subscribers/{id}/rotate-key";
    private static final Duration RECHECK = Duration.ofMinutes(5);

    /** notify-service's answer: the new key, shown once, and until when the previous one works. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record RotatedKey(String id, String apiKey, Instant previousKeyExpiresAt) {
    }

    private final ServiceClient notify;
    private final JsonMapper json;
    private final Clock clock;
    private volatile Boolean available;
    private volatile Instant checkedAt = Instant.EPOCH;

    public KeyRotation(ServiceClients clients, JsonMapper json, Clock clock) {
        this.notify = clients.notifications();
        this.json = json;
        this.clock = clock;
    }

    /** Whether notify-service offers key rotation to subscribers. */
    public boolean available() {
        Instant now = clock.instant();
        if (available == null || checkedAt.plus(RECHECK).isBefore(now)) {
            checkedAt = now;
            try {
                String document = notify.call(null, r -> r.get().uri("/v3/api-docs").retrieve().body(String.class));
                JsonNode paths = json.readTree(document).path("paths");
                available = paths.has(PATH);
            } catch (RuntimeException e) {
                // not answering, or the document is not readable: ask again on the next page
                available = null;
                return false;
            }
        }
        return available;
    }

    public RotatedKey rotate(String subscriberId, ApiKey key) {
        try {
            return notify.call(key, r -> r.post().uri(PATH, subscriberId).retrieve().body(RotatedKey.class));
        } catch (HttpClientErrorException e) {
            throw NotifyRefusal.of(e, json);
        }
    }
}
