package co.vigia.notify.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import co.vigia.notify.address.AllowList;
import co.vigia.notify.address.EndpointPolicy;
import co.vigia.notify.address.HostResolver;
import co.vigia.notify.signing.WebhookSigner;
import co.vigia.testsupport.WebhookReceiver;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsExchange;
import com.sun.net.httpserver.HttpsServer;
import java.io.FileInputStream;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SSRF at connect time: the delivery connects to the addresses its one checked lookup answered (no second lookup a
 * DNS rebinding could change), and over TLS it still sends the name (SNI) and verifies the certificate against it.
 */
class PinnedConnectionTests {

    private static final String BODY = "{\"type\":\"co.vigia.ping\",\"timestamp\":\"2026-12-06T10:00:00Z\",\"data\":{}}";

    @TempDir
    static Path dir;
    private static HttpsServer tls;
    private static SSLContext clientTls;
    private static final List<String> sniSeen = new CopyOnWriteArrayList<>();

    /** A TLS receiver on 127.0.0.1 whose self-signed certificate names only {@code hook.test}. */
    @BeforeAll
    static void tlsReceiver() throws Exception {
        Path store = dir.resolve("hook.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "hook", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=hook.test",
                "-ext", "SAN=dns:hook.test", "-validity", "2", "-storetype", "PKCS12", "-keystore", store.toString(),
                "-storepass", "changeit").redirectErrorStream(true).start();
        keytool.getInputStream().readAllBytes();
        assertThat(keytool.waitFor()).isZero();
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = new FileInputStream(store.toFile())) {
            keys.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory km = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        km.init(keys, "changeit".toCharArray());
        SSLContext serverTls = SSLContext.getInstance("TLS");
        serverTls.init(km.getKeyManagers(), null, null);
        TrustManagerFactory tm = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tm.init(keys);
        clientTls = SSLContext.getInstance("TLS");
        clientTls.init(null, tm.getTrustManagers(), null);

        tls = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 10);
        tls.setHttpsConfigurator(new HttpsConfigurator(serverTls));
        tls.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            if (((HttpsExchange) exchange).getSSLSession() instanceof ExtendedSSLSession session) {
                session.getRequestedServerNames().forEach(n -> sniSeen.add(((SNIHostName) n).getAsciiName()));
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        tls.start();
        Files.deleteIfExists(store);
    }

    @AfterAll
    static void stop() {
        tls.stop(0);
    }

    private static WebhookMessage message() {
        long ts = Instant.now().getEpochSecond();
        return new WebhookMessage("evt-pin", ts, BODY,
                WebhookSigner.signatureHeader("evt-pin", ts, BODY, List.of(WebhookSigner.newSecret())));
    }

    private static WebhookSender sender(EndpointPolicy policy) {
        return new WebhookSender(policy, Duration.ofSeconds(2), Duration.ofSeconds(3), 20 * 1024, 8, clientTls,
                Clock.systemUTC());
    }

    @Test
    void theConnectionGoesToTheAddressTheOneCheckedLookupAnswered() throws Exception {
        AtomicInteger lookups = new AtomicInteger();
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            // hook.test exists in no DNS: only this resolver's answer can have been connected to
            HostResolver dns = host -> {
                lookups.incrementAndGet();
                return List.of(InetAddress.getByName("127.0.0.1"));
            };
            try (WebhookSender sender = sender(new EndpointPolicy(
                    AllowList.of(List.of("hook.test:" + receiver.port())), dns))) {
                AttemptResult result = sender.send("http://hook.test:" + receiver.port() + "/hook", message());
                assertThat(result.verdict()).isEqualTo(AttemptResult.Verdict.DELIVERED);
            }
            assertThat(lookups).hasValue(1);
            assertThat(receiver.received("/hook")).singleElement()
                    .satisfies(r -> assertThat(r.header("host")).isEqualTo("hook.test:" + receiver.port()));
        }
    }

    @Test
    void aNameThatNowResolvesToLoopbackIsRefusedWithoutAConnection() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            // registered while public; the lookup at connect time answers loopback (DNS rebinding)
            HostResolver rebound = host -> List.of(InetAddress.getByName("127.0.0.1"));
            try (WebhookSender sender = sender(new EndpointPolicy(AllowList.none(), rebound))) {
                AttemptResult result = sender.send("https://rebind.test:" + receiver.port() + "/hook", message());
                assertThat(result.verdict()).isEqualTo(AttemptResult.Verdict.RETRY);
                assertThat(result.error()).startsWith("refused: host rebind.test resolves to a loopback address");
            }
            assertThat(receiver.received()).isEmpty();
        }
    }

    @Test
    void overTlsTheNameIsSentAsSniAndTheCertificateIsVerifiedAgainstIt() throws Exception {
        int port = tls.getAddress().getPort();
        HostResolver dns = host -> List.of(InetAddress.getByName("127.0.0.1"));
        EndpointPolicy policy = new EndpointPolicy(AllowList.of(List.of("hook.test:" + port, "other.test:" + port)), dns);
        try (WebhookSender sender = sender(policy)) {
            sniSeen.clear();
            AttemptResult ok = sender.send("https://hook.test:" + port + "/hook", message());
            assertThat(ok.verdict()).isEqualTo(AttemptResult.Verdict.DELIVERED);
            assertThat(sniSeen).containsExactly("hook.test");

            // the same address under a name the certificate does not carry: refused by hostname verification
            AttemptResult wrongName = sender.send("https://other.test:" + port + "/hook", message());
            assertThat(wrongName.verdict()).isEqualTo(AttemptResult.Verdict.RETRY);
            assertThat(wrongName.statusCode()).isNull();
            assertThat(wrongName.error()).containsIgnoringCase("other.test");
        }
    }
}
