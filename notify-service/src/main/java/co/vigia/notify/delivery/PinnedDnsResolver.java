package co.vigia.notify.delivery;

import co.vigia.notify.address.EndpointPolicy;
import co.vigia.notify.address.EndpointRefusedException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.List;
import org.apache.hc.client5.http.DnsResolver;

/**
 * The HTTP client's only way to turn a webhook's host into addresses: one lookup, every answer checked by the
 * {@link EndpointPolicy}, and the client connects to exactly those addresses (TLS still sends the name as SNI and
 * verifies the certificate against it). There is no second lookup to rebind.
 */
final class PinnedDnsResolver implements DnsResolver {

    /** A lookup whose answer the policy refused; its message is the reason. */
    static final class RefusedAddressException extends UnknownHostException {
        RefusedAddressException(String reason) {
            super(reason);
        }
    }

    private final EndpointPolicy policy;

    PinnedDnsResolver(EndpointPolicy policy) {
        this.policy = policy;
    }

    @Override
    public List<InetSocketAddress> resolve(String host, int port) throws UnknownHostException {
        try {
            return policy.addresses(host, port).stream().map(a -> new InetSocketAddress(a, port)).toList();
        } catch (EndpointRefusedException e) {
            throw new RefusedAddressException(e.getMessage());
        }
    }

    /** Without the port the allow-list cannot be read: every address must then be public. */
    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        try {
            return policy.addresses(host, 0).toArray(InetAddress[]::new);
        } catch (EndpointRefusedException e) {
            throw new RefusedAddressException(e.getMessage());
        }
    }

    @Override
    public String resolveCanonicalHostname(String host) {
        return host;
    }
}
