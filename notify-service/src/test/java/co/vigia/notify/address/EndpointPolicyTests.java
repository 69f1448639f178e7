package co.vigia.notify.address;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** SSRF: webhook URLs may only reach public addresses, over https, unless the host is allow-listed. */
class EndpointPolicyTests {

    /** A fixed DNS: names used below resolve to the address the test needs, without the network. */
    private static final Map<String, String> DNS = Map.of(
            "ngo.example.org", "93.184.216.34",
            "localhost", "127.0.0.1",
            "internal.example.org", "10.1.2.3",
            "metadata.example.org", "169.254.169.254",
            "mixed.example.org", "93.184.216.34,192.168.1.10",
            "v6private.example.org", "fd12:3456::1");

    private final EndpointPolicy policy = new EndpointPolicy(List.of(), EndpointPolicyTests::lookup);

    private static List<InetAddress> lookup(String host) throws UnknownHostException {
        String answer = DNS.get(host);
        if (answer == null) {
            throw new UnknownHostException(host);
        }
        List<InetAddress> addresses = new java.util.ArrayList<>();
        for (String a : answer.split(",")) {
            addresses.add(InetAddress.getByName(a));
        }
        return addresses;
    }

    @ParameterizedTest(name = "refuses {0}")
    @ValueSource(strings = {
            "https://127.0.0.1/hook",                 // loopback
            "https://127.8.9.10/hook",                // loopback /8
            "https://localhost/hook",                 // loopback by name, not allow-listed
            "https://10.0.0.5/hook",                  // private 10/8
            "https://172.16.0.1/hook",                // private 172.16/12
            "https://172.31.255.254/hook",            // private 172.16/12, upper end
            "https://192.168.0.1/hook",               // private 192.168/16
            "https://169.254.169.254/latest/meta-data", // link-local: cloud metadata
            "https://100.64.0.1/hook",                // carrier-grade NAT
            "https://224.0.0.1/hook",                 // multicast
            "https://0.0.0.0/hook",                   // unspecified
            "https://240.0.0.1/hook",                 // reserved 240/4
            "https://255.255.255.255/hook",           // broadcast
            "https://2130706433/hook",                // decimal spelling of 127.0.0.1
            "https://0177.0.0.1/hook",                // octal spelling of 127.0.0.1
            "https://0x7f.0.0.1/hook",                // hex spelling of 127.0.0.1
            "https://0x7f000001/hook",                // one hex number
            "https://127.1/hook",                     // short form of 127.0.0.1
            "https://[::1]/hook",                     // IPv6 loopback
            "https://[::]/hook",                      // IPv6 unspecified
            "https://[::ffff:127.0.0.1]/hook",        // IPv4-mapped loopback
            "https://[::ffff:7f00:1]/hook",           // IPv4-mapped loopback, hex
            "https://[::ffff:a9fe:a9fe]/hook",        // IPv4-mapped metadata address
            "https://[::127.0.0.1]/hook",             // IPv4-compatible
            "https://[fe80::1]/hook",                 // IPv6 link-local
            "https://[fc00::1]/hook",                 // unique-local
            "https://[fd00:ec2::254]/hook",           // unique-local (cloud metadata over IPv6)
            "https://[ff02::1]/hook",                 // IPv6 multicast
            "https://[2002:7f00:1::]/hook",           // 6to4 wrapping 127.0.0.1
            "https://[2002:c0a8:101::]/hook",         // 6to4 wrapping 192.168.1.1
            "https://[64:ff9b::a9fe:a9fe]/hook",      // NAT64 wrapping 169.254.169.254
            "https://[64:ff9b::7f00:1]/hook",         // NAT64 wrapping 127.0.0.1
            "https://internal.example.org/hook",      // a name that resolves to a private address
            "https://metadata.example.org/hook",      // a name that resolves to the metadata address
            "https://mixed.example.org/hook",         // one public and one private answer: refused
            "https://v6private.example.org/hook",     // a name with a unique-local IPv6 answer
            "https://nowhere.example.org/hook",       // does not resolve
            "http://ngo.example.org/hook",            // plain http to a public host
            "ftp://ngo.example.org/hook",             // not http(s)
            "https://user:pw@ngo.example.org/hook",   // credentials in the URL
            "not a url",
            "/relative/path"
    })
    void refuses(String url) {
        assertThatThrownBy(() -> policy.check(url)).isInstanceOf(EndpointRefusedException.class);
    }

    @Test
    void acceptsHttpsToAPublicHostAndAPublicLiteral() throws Exception {
        assertThat(policy.check("https://ngo.example.org/hooks/vigia?x=1").getHost()).isEqualTo("ngo.example.org");
        assertThat(policy.check("https://93.184.216.34/hook").getPort()).isEqualTo(-1);
        assertThat(policy.check("https://[2606:4700::1111]/hook")).isNotNull();
    }

    @Test
    void refusalNamesTheAddressAndItsKind() {
        assertThatThrownBy(() -> policy.check("https://metadata.example.org/"))
                .hasMessageContaining("link-local").hasMessageContaining("169.254.169.254");
        assertThatThrownBy(() -> policy.check("https://0x7f.0.0.1/")).hasMessageContaining("loopback");
    }

    @Test
    void aPublicAddressSpelledInDecimalIsRefusedAsAmbiguous() {
        assertThatThrownBy(() -> policy.check("https://1572395042/hook")).hasMessageContaining("non-canonical");
    }

    @Test
    void allowListedHostsMayUseHttpAndLoopback() throws Exception {
        EndpointPolicy local = new EndpointPolicy(List.of("localhost", " 127.0.0.1 "), EndpointPolicyTests::lookup);
        assertThat(local.check("http://localhost:8099/hook")).isNotNull();
        assertThat(local.check("http://127.0.0.1:8099/hook")).isNotNull();
        assertThatThrownBy(() -> local.check("http://10.0.0.1/hook")).isInstanceOf(EndpointRefusedException.class);
        assertThatThrownBy(() -> local.check("http://ngo.example.org/hook")).hasMessageContaining("https");
    }

    @Test
    void aDnsAnswerThatChangesIsCaughtAtTheNextCheck() throws Exception {
        AtomicReference<String> answer = new AtomicReference<>("93.184.216.34");
        EndpointPolicy rebinding = new EndpointPolicy(List.of(),
                host -> List.of(InetAddress.getByName(answer.get())));
        assertThat(rebinding.check("https://rebind.example.org/hook")).isNotNull();
        answer.set("127.0.0.1");
        assertThatThrownBy(() -> rebinding.check("https://rebind.example.org/hook")).hasMessageContaining("loopback");
    }

    @Test
    void numericSpellingsReadLikeInetAton() {
        assertThat(EndpointPolicy.numericIpv4("2130706433")).get().extracting(InetAddress::getHostAddress)
                .isEqualTo("127.0.0.1");
        assertThat(EndpointPolicy.numericIpv4("0300.0250.1.1")).get().extracting(InetAddress::getHostAddress)
                .isEqualTo("192.168.1.1");
        assertThat(EndpointPolicy.numericIpv4("10.1")).get().extracting(InetAddress::getHostAddress)
                .isEqualTo("10.0.0.1");
        assertThat(EndpointPolicy.numericIpv4("ngo.example.org")).isEmpty();
        assertThat(EndpointPolicy.numericIpv4("256.1.1.1")).isEmpty();
    }
}
