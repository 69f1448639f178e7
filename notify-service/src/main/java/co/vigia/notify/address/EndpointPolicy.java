package co.vigia.notify.address;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which webhook URLs may be called (SSRF defence). Only {@code https}, no credentials in the URL, a port from 1 to
 * 65535 written plainly, and a host whose every address is public. {@link #check} runs at registration;
 * {@link #addresses} runs at connect time and its answer is what the delivery connects to (one lookup, checked, then
 * used), so a DNS answer that changes between the check and the connection (rebinding) is never reached. Endpoints
 * in the {@link AllowList} (the local run and tests: {@code localhost:9000}) may use {@code http} and any address.
 */
public final class EndpointPolicy {

    private static final Pattern NUMERIC_PART = Pattern.compile("0x[0-9a-f]*|[0-9]+");
    private static final Pattern DOTTED_QUAD =
            Pattern.compile("(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}");
    /** The port as written after the host: digits only, no sign, no leading zero, no empty port. */
    private static final Pattern PORT = Pattern.compile("[1-9][0-9]{0,4}");

    private final AllowList allowList;
    private final HostResolver resolver;

    public EndpointPolicy(AllowList allowList, HostResolver resolver) {
        this.allowList = allowList;
        this.resolver = resolver;
    }

    /** A webhook URL as checked: its host (lower case, no trailing dot), its port, and whether it is allow-listed. */
    public record Endpoint(URI uri, String host, int port, boolean allowListed) {
    }

    /** The URL checked, with the addresses its host has now (registration); throws with the reason when refused. */
    public URI check(String url) throws EndpointRefusedException {
        Endpoint endpoint = endpoint(url);
        addresses(endpoint.host(), endpoint.port());
        return endpoint.uri();
    }

    /** Checks everything but the addresses: scheme, credentials, host, port, fragment, the allow-list. */
    public Endpoint endpoint(String url) throws EndpointRefusedException {
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
        checkPort(uri.getRawAuthority());
        if (uri.getHost() == null) {
            // not a host name an HTTP client accepts (e.g. 0x7f.0.0.1): say what it would have meant
            String raw = uri.getRawAuthority().replaceFirst(":[0-9]*$", "");
            Optional<InetAddress> numeric = numericIpv4(normalHost(raw));
            throw new EndpointRefusedException(numeric.flatMap(AddressPolicy::refusal)
                    .map(why -> "host " + raw + " is " + article(why) + ", which webhooks may not reach")
                    .orElse("host " + raw + " is not a valid host name"));
        }
        if (uri.getRawFragment() != null) {
            throw new EndpointRefusedException("must not have a fragment");
        }
        String host = normalHost(uri.getHost());
        int port = uri.getPort() != -1 ? uri.getPort() : scheme.equals("http") ? 80 : 443;
        boolean allowListed = allowList.allows(host, port);
        if (!scheme.equals("https") && !(scheme.equals("http") && allowListed)) {
            throw new EndpointRefusedException(allowListed ? "must use http or https" : "must use https");
        }
        return new Endpoint(uri, host, port, allowListed);
    }

    /** A port, when the authority has one, is 1 to 65535 in plain decimal. */
    private static void checkPort(String authority) throws EndpointRefusedException {
        int closing = authority.lastIndexOf(']');
        int colon = authority.indexOf(':', closing + 1);
        if (colon < 0) {
            return;
        }
        String port = authority.substring(colon + 1);
        if (port.isEmpty()) {
            throw new EndpointRefusedException("has an empty port; leave out the ':' or give a port from 1 to 65535");
        }
        if (!PORT.matcher(port).matches() || Integer.parseInt(port) > 65_535) {
            throw new EndpointRefusedException("port " + port + " is not a port from 1 to 65535");
        }
    }

    /**
     * The addresses to connect to for {@code host} on {@code port}: one lookup, every answer checked (an
     * allow-listed endpoint's are not). The caller connects to exactly these.
     */
    public List<InetAddress> addresses(String host, int port) throws EndpointRefusedException {
        String h = normalHost(host);
        List<InetAddress> found = lookup(h);
        if (!allowList.allows(h, port)) {
            for (InetAddress address : found) {
                Optional<String> refusal = AddressPolicy.refusal(address);
                if (refusal.isPresent()) {
                    throw new EndpointRefusedException("host " + h + " resolves to " + article(refusal.get())
                            + " (" + address.getHostAddress() + "), which webhooks may not reach");
                }
            }
        }
        return found;
    }

    private List<InetAddress> lookup(String host) throws EndpointRefusedException {
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

    private static String article(String kind) {
        return ("aeiouAEIOU".indexOf(kind.charAt(0)) >= 0 ? "an " : "a ") + kind;
    }

    /** Lower case, no trailing dot, an IPv6 literal in brackets (as a URL writes it; the HTTP client may not). */
    static String normalHost(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.contains(":") && !h.startsWith("[")) {
            return "[" + h + "]";
        }
        return h.endsWith(".") ? h.substring(0, h.length() - 1) : h;
    }
}
