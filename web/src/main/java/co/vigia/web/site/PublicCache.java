package co.vigia.web.site;

import co.vigia.web.client.WebProperties;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.cache.CacheManager;
import org.springframework.cache.annotation.EnableCaching;
import org.springframework.cache.caffeine.CaffeineCacheManager;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The services' public answers kept for {@code vigia.web.public-cache-ttl} (10 s by default): a crowd reading one
 * bill costs the services one request per interval. Only public reads are cached; a call with a caller's key never
 * is. Failures are not cached, so a service that comes back is seen on the next request.
 */
@Configuration(proxyBeanMethods = false)
@EnableCaching
public class PublicCache {

    public static final String NAME = "public";

    @Bean
    CacheManager cacheManager(WebProperties properties) {
        CaffeineCacheManager manager = new CaffeineCacheManager(NAME);
        manager.setCaffeine(Caffeine.newBuilder().expireAfterWrite(properties.publicCacheTtl()).maximumSize(5_000));
        return manager;
    }
}
