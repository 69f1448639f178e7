package co.vigia.notify.address;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Optional;

/**
 * Which IP addresses a webhook may never reach: anything that is not a public unicast address. Plain Java; the
 * same rules run at registration and on the very address a delivery connects to. The ranges are those of IANA's
 * IPv4 and IPv6 Special-Purpose Address Registries (RFC 6890 and later), plus multicast and, for IPv6, everything
 * outside global unicast (2000::/3); 6to4 and NAT64 addresses are judged by the IPv4 address they carry.
 */
public final class AddressPolicy {

    private AddressPolicy() {
    }

    /** Why {@code address} is refused, or empty when it is a public unicast address. */
    public static Optional<String> refusal(InetAddress address) {
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            return ipv4(b, 0);
        }
        if (address instanceof Inet6Address) {
            return ipv6(b);
        }
        return Optional.of("unknown address family");
    }

    private static Optional<String> ipv4(byte[] b, int at) {
        int a0 = b[at] & 0xff;
        int a1 = b[at + 1] & 0xff;
        int a2 = b[at + 2] & 0xff;
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
        if (a0 == 192 && a1 == 88 && a2 == 99) {
            return Optional.of("6to4 relay anycast address (192.88.99.0/24)");
        }
        if ((a0 == 192 && a1 == 31 && a2 == 196) || (a0 == 192 && a1 == 175 && a2 == 48)) {
            return Optional.of("AS112 DNS sink address (192.31.196.0/24, 192.175.48.0/24)");
        }
        if (a0 == 192 && a1 == 52 && a2 == 193) {
            return Optional.of("AMT relay anycast address (192.52.193.0/24)");
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
        int b0 = b[0] & 0xff;
        int b1 = b[1] & 0xff;
        int b2 = b[2] & 0xff;
        int b3 = b[3] & 0xff;
        if (allZero(b, 0, 16)) {
            return Optional.of("unspecified address (::)");
        }
        if (allZero(b, 0, 15) && b[15] == 1) {
            return Optional.of("loopback address (::1)");
        }
        if (allZero(b, 0, 10) && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
            return Optional.of("IPv4-mapped IPv6 address (::ffff:0:0/96)");
        }
        if (allZero(b, 0, 8) && (b[8] & 0xff) == 0xff && (b[9] & 0xff) == 0xff && b[10] == 0 && b[11] == 0) {
            return Optional.of("IPv4-translated IPv6 address (::ffff:0:0:0/96)");
        }
        if (allZero(b, 0, 12)) {
            return Optional.of("IPv4-compatible IPv6 address (::/96)");
        }
        if (b0 == 0x00 && b1 == 0x64 && b2 == 0xff && b3 == 0x9b) {
            if (allZero(b, 4, 12)) {
                return ipv4(b, 12).map(why -> "NAT64 address (64:ff9b::/96) embedding a " + why);
            }
            return Optional.of("local-use NAT64 address (64:ff9b:1::/48)");
        }
        if ((b0 & 0xe0) != 0x20) {
            return Optional.of(outsideGlobalUnicast(b0, b1));
        }
        if (b0 == 0x20 && b1 == 0x01 && (b2 & 0xfe) == 0) {
            return Optional.of(b2 == 0 && b3 == 0 ? "Teredo address (2001::/32)"
                    : "IETF protocol assignment address (2001::/23)");
        }
        if (b0 == 0x20 && b1 == 0x01 && b2 == 0x0d && b3 == 0xb8) {
            return Optional.of("documentation address (2001:db8::/32)");
        }
        if (b0 == 0x3f && b1 == 0xff && (b2 & 0xf0) == 0) {
            return Optional.of("documentation address (3fff::/20)");
        }
        if (b0 == 0x26 && b1 == 0x20 && b2 == 0x00 && b3 == 0x4f && (b[4] & 0xff) == 0x80 && b[5] == 0) {
            return Optional.of("AS112 DNS sink address (2620:4f:8000::/48)");
        }
        if (b0 == 0x20 && b1 == 0x02) {
            return ipv4(b, 2).map(why -> "6to4 address (2002::/16) embedding a " + why);
        }
        return Optional.empty();
    }

    /** Everything outside 2000::/3 that is not one of the forms above: named where IANA names it. */
    private static String outsideGlobalUnicast(int b0, int b1) {
        if (b0 == 0xfe && (b1 & 0xc0) == 0x80) {
            return "link-local address (fe80::/10)";
        }
        if (b0 == 0xfe && (b1 & 0xc0) == 0xc0) {
            return "site-local address (fec0::/10)";
        }
        if ((b0 & 0xfe) == 0xfc) {
            return "unique-local address (fc00::/7)";
        }
        if (b0 == 0xff) {
            return "multicast address (ff00::/8)";
        }
        if (b0 == 0x01 && b1 == 0x00) {
            return "discard-only or dummy address (100::/64, 100:0:0:1::/64)";
        }
        if (b0 == 0x5f && b1 == 0x00) {
            return "segment routing address (5f00::/16)";
        }
        return "address outside global unicast (2000::/3)";
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
