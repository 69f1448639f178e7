package co.vigia.notify.address;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Endpoints that may use {@code http} and non-public addresses despite the SSRF rules (the local run, tests):
 * each entry names a host and a port ({@code localhost:9000}, {@code [::1]:9000}); {@code host:*} allows every
 * port of that host, and only when written so. An entry without a port is a configuration error: allowing every
 * port of localhost would open the services' own admin ports, Kafka and MongoDB to any subscriber.
 */
public final class AllowList {

    private static final Pattern ENTRY = Pattern.compile("(\\[[0-9a-fA-F:.]+]|[^:\\[\\]/@\\s]+):(\\*|[1-9][0-9]{0,4})");

    private final Set<String> entries;

    private AllowList(Set<String> entries) {
        this.entries = entries;
    }

    public static AllowList none() {
        return new AllowList(Set.of());
    }

    /** Reads {@code host:port} entries; throws naming the first entry that is not one. */
    public static AllowList of(List<String> configured) {
        if (configured == null) {
            return none();
        }
        Set<String> entries = configured.stream().map(String::trim).filter(e -> !e.isEmpty()).map(AllowList::entry)
                .collect(Collectors.toUnmodifiableSet());
        return new AllowList(entries);
    }

    private static String entry(String raw) {
        Matcher m = ENTRY.matcher(raw);
        if (!m.matches() || (!m.group(2).equals("*") && Integer.parseInt(m.group(2)) > 65_535)) {
            throw new IllegalArgumentException("allowed webhook endpoint '" + raw + "' must be host:port (e.g. "
                    + "localhost:9000) or host:* to allow every port of that host");
        }
        return EndpointPolicy.normalHost(m.group(1)) + ":" + m.group(2);
    }

    /** Whether {@code host} (as {@link EndpointPolicy#normalHost} writes it) on {@code port} is allow-listed. */
    public boolean allows(String host, int port) {
        return entries.contains(host + ":" + port) || entries.contains(host + ":*");
    }

    @Override
    public String toString() {
        return String.join(",", entries.stream().sorted().toList()).toLowerCase(Locale.ROOT);
    }
}
