package co.vigia.notify.address;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/** Resolves a DNS name to every address it has (tests give fixed answers, or answers that change). */
@FunctionalInterface
public interface HostResolver {

    List<InetAddress> resolve(String host) throws UnknownHostException;

    /** The JVM's resolver; its positive cache also serves the HTTP client's own lookup right after the check. */
    static HostResolver system() {
        return host -> List.of(InetAddress.getAllByName(host));
    }
}
