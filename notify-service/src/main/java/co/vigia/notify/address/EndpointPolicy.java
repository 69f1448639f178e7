package co.vigia.notify.address;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Which webhook URLs may be called (SSRF defence). Only {@code https}, no credentials in the URL, and a host
 * whose every address is public: checked when a subscription is registered and again before every
 * connection, so a DNS answer that changes later is caught. Hosts in the allow-list (the local run and
 * tests: {@code localhost,127.0.0.1}) may use {@code http} and any address.
 */
public final class EndpointPolicy {

    private static final Pattern NUMERIC_PART = Pattern.compile("0x[0-9a-f]*|[0-9]+");
    private static final Pattern DOTTED_QUAD =
            Pattern.compile("(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}");

    private final Set<String> allowedHosts;
    private final HostResolver resolver;

    public EndpointPolicy(List<String> allowedHosts, HostResolver resolver) {
        this.allowedHosts = allowedHosts == null ? Set.of() : allowedHosts.stream().map(String::trim)
                .filter(h -> !h.isEmpty()).map(EndpointPolicy::normalHost).collect(Collectors.toUnmodifiableSet());
        this.resolver = resolver;
    }

    /** The URL checked, with the addresses its host has now; throws with the reason when it is refused. */
    public URI check(String url) throws EndpointRefusedException {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException | NullPointerException e) {
            throw new EndpointRefusedException("is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getRawAuthority() == null) {
            throw new EndpointRefusedException("must be an absolute URL with a host");
        }
        if (uri.getRawUserInfo() != null || uri.getRawAuthority().contains("@")) {
            throw new EndpointRefusedException("must not carry credentials (user:password@)");
        }
        if (uri.getHost() == null) {
            // not a host name an HTTP client accepts (e.g. 0x7f.0.0.1): say what it would have meant
            String raw = uri.getRawAuthority().replaceFirst(":[0-9]*$", "");
            Optional<InetAddress> numeric = numericIpv4(normalHost(raw));
            throw new EndpointRefusedException(numeric.flatMap(AddressPolicy::refusal)
                    .map(why -> "host " + raw + " is a " + why + ", which webhooks may not reach")
                    .orElse("host " + raw + " is not a valid host name"));
        }
        if (uri.getRawFragment() != null) {
            throw new EndpointRefusedException("must not have a fragment");
        }
        String host = normalHost(uri.getHost());
        boolean allowListed = allowedHosts.contains(host);
        if (!scheme.equals("https") && !(scheme.equals("http") && allowListed)) {
            throw new EndpointRefusedException(allowListed ? "must use http or https" : "must use https");
        }
        if (!allowListed) {
            for (InetAddress address : addresses(host)) {
                Optional<String> refusal = AddressPolicy.refusal(address);
                if (refusal.isPresent()) {
                    throw new EndpointRefusedException("host " + host + " resolves to a " + refusal.get()
                            + " (" + address.getHostAddress() + "), which webhooks may not reach");
                }
            }
        }
        return uri;
    }

    private List<InetAddress> addresses(String host) throws EndpointRefusedException {
        try {
            if (host.startsWith("[") || host.contains(":")) {
                return List.of(InetAddress.getByName(host)); // an IPv6 literal, no lookup
            }
            Optional<InetAddress> numeric = numericIpv4(host);
            if (numeric.isPresent()) {
                if (!DOTTED_QUAD.matcher(host).matches() && AddressPolicy.refusal(numeric.get()).isEmpty()) {
                    throw new EndpointRefusedException("host " + host + " is a non-canonical IPv4 spelling; write "
                            + numeric.get().getHostAddress() + " or a DNS name");
                }
                return List.of(numeric.get());
            }
            List<InetAddress> resolved = resolver.resolve(host);
            if (resolved.isEmpty()) {
                throw new EndpointRefusedException("host " + host + " does not resolve");
            }
            return resolved;
        } catch (UnknownHostException e) {
            throw new EndpointRefusedException("host " + host + " does not resolve");
        }
    }

    /**
     * Reads a host the way inet_aton does (decimal, octal {@code 0177}, hex {@code 0x7f}, one to four parts:
     * {@code 2130706433}, {@code 127.1}), so every spelling an HTTP stack might accept is checked as the
     * address it means.
     */
    static Optional<InetAddress> numericIpv4(String host) {
        String[] parts = host.split("\\.", -1);
        if (parts.length > 4) {
            return Optional.empty();
        }
        List<Long> values = new ArrayList<>();
        for (String part : parts) {
            if (!NUMERIC_PART.matcher(part).matches()) {
                return Optional.empty();
            }
            try {
                if (part.startsWith("0x")) {
                    values.add(part.length() == 2 ? 0L : Long.parseLong(part.substring(2), 16));
                } else if (part.length() > 1 && part.startsWith("0")) {
                    values.add(Long.parseLong(part.substring(1), 8));
                } else {
                    values.add(Long.parseLong(part));
                }
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        long address = 0;
        int n = values.size();
        for (int i = 0; i < n - 1; i++) {
            if (values.get(i) > 255) {
                return Optional.empty();
            }
            address |= values.get(i) << (8 * (3 - i));
        }
        long last = values.get(n - 1);
        if (last >= (1L << (8 * (5 - n)))) {
            return Optional.empty();
        }
        address |= last;
        byte[] bytes = {(byte) (address >>> 24), (byte) (address >>> 16), (byte) (address >>> 8), (byte) address};
        try {
            return Optional.of(InetAddress.getByAddress(bytes));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    private static String normalHost(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.endsWith(".") ? h.substring(0, h.length() - 1) : h;
    }
}
