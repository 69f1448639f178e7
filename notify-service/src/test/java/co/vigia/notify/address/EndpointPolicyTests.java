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

    private final EndpointPolicy policy = new EndpointPolicy(AllowList.none(), EndpointPolicyTests::lookup);

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
            "/relative/path",
            // issue 23: forms that were accepted
            "https://[::ffff:0:7f00:1]/",             // IPv4-translated (::ffff:0:0:0/96) 127.0.0.1
            "https://[::ffff:0:a9fe:a9fe]/",          // IPv4-translated metadata address
            "https://[::ffff:0:808:808]/",            // IPv4-translated, even of a public address
            "https://192.88.99.1/hook",               // 6to4 relay anycast (192.88.99.0/24)
            "https://192.88.99.255/hook",
            "https://192.31.196.1/hook",              // AS112
            "https://192.175.48.1/hook",              // AS112 direct delegation
            "https://192.52.193.1/hook",              // AMT
            "https://192.0.0.9/hook",                 // IETF protocol assignments (PCP anycast)
            "https://[64:ff9b::a00:1]/hook",          // NAT64 wrapping 10.0.0.1
            "https://[64:ff9b::c0a8:101]/hook",       // NAT64 wrapping 192.168.1.1
            "https://[64:ff9b:1::1]/hook",            // local-use NAT64
            "https://[2002:a00:1::]/hook",            // 6to4 wrapping 10.0.0.1
            "https://[2002:a9fe:a9fe::]/hook",        // 6to4 wrapping 169.254.169.254
            "https://[2002:c058:6301::]/hook",        // 6to4 wrapping the 6to4 relay 192.88.99.1
            "https://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/hook", // Teredo
            "https://[2001:2::1]/hook",               // benchmarking (2001:2::/48)
            "https://[2001:10::1]/hook",              // ORCHID
            "https://[2001:db8::1]/hook",             // documentation
            "https://[3fff::1]/hook",                 // documentation (3fff::/20)
            "https://[2620:4f:8000::1]/hook",         // AS112-v6
            "https://[100::1]/hook",                  // discard-only
            "https://[100:0:0:1::1]/hook",            // dummy prefix
            "https://[5f00::1]/hook",                 // segment routing SIDs
            "https://[4000::1]/hook",                 // unassigned, outside 2000::/3
            "https://[::2]/hook",                     // IPv4-compatible / reserved ::/8
            "https://[fec0::1]/hook",                 // site-local
            "https://[fe80::1%25eth0]/hook",          // link-local with a zone
            // ports
            "https://ngo.example.org:0/hook",
            "https://ngo.example.org:99999/hook",
            "https://ngo.example.org:65536/hook",
            "https://ngo.example.org:-1/hook",
            "https://ngo.example.org:+443/hook",
            "https://ngo.example.org:0443/hook",
            "https://ngo.example.org:/hook",
            "https://ngo.example.org:abc/hook",
            "https://ngo.example.org:443:443/hook",
            "https://ngo.example.org:4294967739/hook", // 443 + 2^32
            "https://[2606:4700::1111]:0/hook",
            "https://[2606:4700::1111]:99999/hook"
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
    void acceptsPublicAddressesInsideSpecialRangesNeighbours() throws Exception {
        assertThat(policy.check("https://192.88.100.1/hook")).isNotNull();         // just past 192.88.99.0/24
        assertThat(policy.check("https://[2002:808:808::1]/hook")).isNotNull();    // 6to4 of 8.8.8.8
        assertThat(policy.check("https://[64:ff9b::808:808]/hook")).isNotNull();   // NAT64 of 8.8.8.8
        assertThat(policy.check("https://[2001:200::1]/hook")).isNotNull();        // just past 2001::/23
        assertThat(policy.check("https://ngo.example.org:8443/hook").getPort()).isEqualTo(8443);
        assertThat(policy.check("https://ngo.example.org:65535/hook").getPort()).isEqualTo(65535);
        assertThat(policy.check("https://ngo.example.org:1/hook").getPort()).isEqualTo(1);
    }

    @Test
    void aRefusedPortSaysWhy() {
        assertThatThrownBy(() -> policy.check("https://ngo.example.org:99999/")).hasMessage("port 99999 is not a port from 1 to 65535");
        assertThatThrownBy(() -> policy.check("https://ngo.example.org:0/")).hasMessage("port 0 is not a port from 1 to 65535");
        assertThatThrownBy(() -> policy.check("https://ngo.example.org:/")).hasMessageContaining("empty port");
        assertThatThrownBy(() -> policy.check("https://[::ffff:0:7f00:1]/"))
                .hasMessageContaining("IPv4-translated");
        assertThatThrownBy(() -> policy.check("https://192.88.99.1/")).hasMessageContaining("192.88.99.0/24");
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
    void allowListedEndpointsMayUseHttpAndLoopbackOnTheirPortOnly() throws Exception {
        EndpointPolicy local = new EndpointPolicy(AllowList.of(List.of("localhost:8099", " 127.0.0.1:8099 ",
                "[::1]:9000")), EndpointPolicyTests::lookup);
        assertThat(local.check("http://localhost:8099/hook")).isNotNull();
        assertThat(local.check("http://LOCALHOST.:8099/hook")).isNotNull();
        assertThat(local.check("http://127.0.0.1:8099/hook")).isNotNull();
        assertThat(local.check("http://[::1]:9000/hook")).isNotNull();
        // the HTTP client names an IPv6 literal without brackets when it resolves it
        assertThat(local.addresses("::1", 9000)).extracting(InetAddress::getHostAddress).containsExactly("0:0:0:0:0:0:0:1");
        assertThatThrownBy(() -> local.addresses("::1", 9001)).hasMessageContaining("loopback");
        assertThatThrownBy(() -> local.check("http://localhost:8083/api/subscribers")).hasMessageContaining("https");
        assertThatThrownBy(() -> local.check("https://localhost:27017/")).hasMessageContaining("loopback");
        assertThatThrownBy(() -> local.check("https://127.0.0.1/hook")).hasMessageContaining("loopback");
        assertThatThrownBy(() -> local.check("http://10.0.0.1:8099/hook")).isInstanceOf(EndpointRefusedException.class);
        assertThatThrownBy(() -> local.check("http://ngo.example.org/hook")).hasMessageContaining("https");
    }

    @Test
    void everyPortOfAHostIsAllowListedOnlyWhenWrittenWithAStar() throws Exception {
        EndpointPolicy local = new EndpointPolicy(AllowList.of(List.of("127.0.0.1:*")), EndpointPolicyTests::lookup);
        assertThat(local.check("http://127.0.0.1:8099/hook")).isNotNull();
        assertThat(local.check("http://127.0.0.1:27017/")).isNotNull();
        assertThatThrownBy(() -> local.check("http://localhost:8099/hook")).hasMessageContaining("https");
    }

    @ParameterizedTest(name = "an allow-list entry {0} is refused at start")
    @ValueSource(strings = {"localhost", "127.0.0.1", "localhost:", "localhost:0", "localhost:65536", "localhost:x",
            "http://localhost:9000", "[::1]", "::1:9000", "user@localhost:9000"})
    void allowListEntriesMustNameAPort(String entry) {
        assertThatThrownBy(() -> AllowList.of(List.of(entry))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("host:port");
    }

    @Test
    void theAddressesToConnectToAreTheOnesChecked() throws Exception {
        List<String> answers = new java.util.ArrayList<>(List.of("93.184.216.34", "127.0.0.1"));
        EndpointPolicy rebinding = new EndpointPolicy(AllowList.none(),
                host -> List.of(InetAddress.getByName(answers.removeFirst())));
        // one lookup, checked, answered: what the delivery connects to
        assertThat(rebinding.addresses("rebind.example.org", 443)).extracting(InetAddress::getHostAddress)
                .containsExactly("93.184.216.34");
        // the next lookup rebinds to loopback: refused, not connected to
        assertThatThrownBy(() -> rebinding.addresses("rebind.example.org", 443)).hasMessageContaining("loopback");
    }

    @Test
    void aDnsAnswerThatChangesIsCaughtAtTheNextCheck() throws Exception {
        AtomicReference<String> answer = new AtomicReference<>("93.184.216.34");
        EndpointPolicy rebinding = new EndpointPolicy(AllowList.none(),
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
