package co.vigia.notify.address;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Which IP addresses a webhook may never reach: anything that is not a public unicast address. Plain Java;
 * the same rules run at registration and again right before every connection.
 */
public final class AddressPolicy {

    private AddressPolicy() {
    }

    /** Why {@code address} is refused, or empty when it is a public unicast address. */
    public static Optional<String> refusal(InetAddress address) {
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            return ipv4(b);
        }
        if (address instanceof Inet6Address) {
            return ipv6(b);
        }
        return Optional.of("unknown address family");
    }

    private static Optional<String> ipv4(byte[] b) {
        int a0 = b[0] & 0xff;
        int a1 = b[1] & 0xff;
        int a2 = b[2] & 0xff;
        if (a0 == 0) {
            return Optional.of("unspecified address (0.0.0.0/8)");
        }
        if (a0 == 127) {
            return Optional.of("loopback address (127.0.0.0/8)");
        }
        if (a0 == 10 || (a0 == 172 && (a1 & 0xf0) == 16) || (a0 == 192 && a1 == 168)) {
            return Optional.of("private address (RFC 1918)");
        }
        if (a0 == 100 && (a1 & 0xc0) == 64) {
            return Optional.of("carrier-grade NAT address (100.64.0.0/10)");
        }
        if (a0 == 169 && a1 == 254) {
            return Optional.of("link-local address (169.254.0.0/16, cloud metadata)");
        }
        if (a0 == 192 && a1 == 0 && (a2 == 0 || a2 == 2)) {
            return Optional.of("reserved address (192.0.0.0/24, 192.0.2.0/24)");
        }
        if ((a0 == 198 && (a1 == 18 || a1 == 19)) || (a0 == 198 && a1 == 51 && a2 == 100)
                || (a0 == 203 && a1 == 0 && a2 == 113)) {
            return Optional.of("reserved address (benchmarking or documentation)");
        }
        if (a0 >= 224 && a0 <= 239) {
            return Optional.of("multicast address (224.0.0.0/4)");
        }
        if (a0 >= 240) {
            return Optional.of("reserved or broadcast address (240.0.0.0/4)");
        }
        return Optional.empty();
    }

    private static Optional<String> ipv6(byte[] b) {
        if (allZero(b, 0, 16)) {
            return Optional.of("unspecified address (::)");
        }
        if (allZero(b, 0, 15) && b[15] == 1) {
            return Optional.of("loopback address (::1)");
        }
        int b0 = b[0] & 0xff;
        int b1 = b[1] & 0xff;
        if (allZero(b, 0, 10) && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
            return Optional.of("IPv4-mapped IPv6 address");
        }
        if (allZero(b, 0, 12)) {
            return Optional.of("IPv4-compatible IPv6 address");
        }
        if (b0 == 0xfe && (b1 & 0xc0) == 0x80) {
            return Optional.of("link-local address (fe80::/10)");
        }
        if (b0 == 0xfe && (b1 & 0xc0) == 0xc0) {
            return Optional.of("site-local address (fec0::/10)");
        }
        if ((b0 & 0xfe) == 0xfc) {
            return Optional.of("unique-local address (fc00::/7)");
        }
        if (b0 == 0xff) {
            return Optional.of("multicast address (ff00::/8)");
        }
        if (b0 == 0x20 && b1 == 0x02) {
            return embedded(b, 2, "6to4 address (2002::/16)");
        }
        if (b0 == 0x00 && b1 == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b) {
            if (allZero(b, 4, 12)) {
                return embedded(b, 12, "NAT64 address (64:ff9b::/96)");
            }
            return Optional.of("local-use NAT64 address (64:ff9b:1::/48)");
        }
        if (b0 == 0x20 && b1 == 0x01 && b[2] == 0 && b[3] == 0) {
            return Optional.of("Teredo address (2001::/32)");
        }
        if (b0 == 0x20 && b1 == 0x01 && (b[2] & 0xff) == 0x0d && (b[3] & 0xff) == 0xb8) {
            return Optional.of("documentation address (2001:db8::/32)");
        }
        if (b0 == 0x01 && b1 == 0x00 && allZero(b, 2, 8)) {
            return Optional.of("discard-only address (100::/64)");
        }
        return Optional.empty();
    }

    /** 6to4 and NAT64 carry an IPv4 address: refuse them when that address is refused. */
    private static Optional<String> embedded(byte[] b, int offset, String form) {
        byte[] v4 = {b[offset], b[offset + 1], b[offset + 2], b[offset + 3]};
        try {
            return ipv4(InetAddress.getByAddress(v4).getAddress()).map(why -> form + " embedding a " + why);
        } catch (UnknownHostException e) {
            return Optional.of(form);
        }
    }

    private static boolean allZero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
