package co.vigia.web.site;

import co.vigia.web.client.UpstreamUnavailableException;
import co.vigia.web.client.WebProperties;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * The services' public answers, kept for {@code vigia.web.public-cache-ttl} (10 s by default): a crowd reading one
 * bill costs the services one request per interval, and a crowd arriving at once on a cold entry sends one request,
 * not one per reader (loads are atomic per key). When a service fails, the last good answer of the past
 * {@code vigia.web.stale-if-error} (5 min) is served instead, as HTTP's stale-if-error does; with none, the failure
 * reaches the page, which says which part is missing. Only public reads come here; a call with a caller's key
 * never does.
 */
@Component
public class PublicCache {

    private static final int MAX_ENTRIES = 5_000;

    private final Cache<String, Object> fresh;
    private final Cache<String, Object> lastGood;

    public PublicCache(WebProperties properties) {
        this.fresh = Caffeine.newBuilder().expireAfterWrite(properties.publicCacheTtl()).maximumSize(MAX_ENTRIES)
                .build();
        this.lastGood = Caffeine.newBuilder().expireAfterWrite(properties.staleIfError()).maximumSize(MAX_ENTRIES)
                .build();
    }

    @SuppressWarnings("unchecked")
    public <T> T get(String key, Supplier<T> load) {
        try {
            return (T) fresh.get(key, k -> {
                T value = load.get();
                if (value != null) {
                    lastGood.put(k, value);
                }
                return value;
            });
        } catch (UpstreamUnavailableException e) {
            Object stale = lastGood.getIfPresent(key);
            if (stale == null) {
                throw e;
            }
            return (T) stale;
        }
    }

    /** Forgets everything (tests). */
    public void clear() {
        fresh.invalidateAll();
        lastGood.invalidateAll();
    }
}
