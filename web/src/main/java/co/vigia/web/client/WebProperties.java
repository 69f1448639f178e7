package co.vigia.web.client;

import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code vigia.web.*}: where the services are, how long to wait for them, and how the site names itself. */
@ConfigurationProperties("vigia.web")
public record WebProperties(URI publicUrl, ZoneId zone, Map<Upstream, URI> services, Duration connectTimeout,
                            Duration readTimeout, Duration publicCacheTtl, Duration staleIfError) {

    public WebProperties {
        for (Upstream u : Upstream.values()) {
            if (services == null || services.get(u) == null) {
                throw new IllegalArgumentException("vigia.web.services." + u.key() + " is not set");
            }
        }
        services = Map.copyOf(services);
    }

    public URI service(Upstream upstream) {
        return services.get(upstream);
    }

    /** The public URL without a trailing slash, for canonical links. */
    public String base() {
        String s = publicUrl.toString();
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
