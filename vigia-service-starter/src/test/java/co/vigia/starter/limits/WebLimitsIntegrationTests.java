package co.vigia.starter.limits;

import static org.assertj.core.api.Assertions.assertThat;

import co.vigia.devstack.test.RawHttp;
import co.vigia.devstack.test.WithTestInfrastructure;
import co.vigia.starter.security.ServiceRoutes;
import co.vigia.startertest.StarterTestApplication;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The bounds every service shares, on a running Tomcat: bodies, slow bodies, undecodable query strings and paths,
 * TRACE, dates out of range and loose JSON are each a 4xx problem+json naming the field, logged without a stack trace.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        classes = {StarterTestApplication.class, WebLimitsIntegrationTests.Things.class,
                WebLimitsIntegrationTests.ThingRoutes.class},
        properties = {"vigia.web.body-read-timeout=2s", "server.tomcat.connection-timeout=3s",
                "vigia.web.json.max-document-length=4MB"})
@WithTestInfrastructure
@ExtendWith(OutputCaptureExtension.class)
class WebLimitsIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Map<String, String> OPERATOR = Map.of("Authorization", "Bearer test-operator-key",
            "Content-Type", "application/json");

    @LocalServerPort
    int port;

    @Test
    void aBodyOverTheLimitIsA413BeforeItIsRead(CapturedOutput output) throws Exception {
        byte[] body = ("{\"name\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);
        RawHttp.Response response = RawHttp.send("localhost", port, "POST", "/api/limits/things", OPERATOR, body);
        assertProblem(response, 413, "body-too-large");
        assertThat(output).doesNotContain("ERROR").doesNotContain("\tat ");
    }

    @Test
    void aChunkedBodyIsCutAtTheLimit() throws Exception {
        StringBuilder request = new StringBuilder("POST /api/limits/things HTTP/1.1\r\nHost: localhost\r\n"
                + "Authorization: Bearer test-operator-key\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n");
        String chunk = " ".repeat(64 * 1024);
        request.append("b\r\n{\"name\":\"a\"\r\n"); // then blanks: no string or document limit comes first
        for (int i = 0; i < 20; i++) {
            request.append(Integer.toHexString(chunk.length())).append("\r\n").append(chunk).append("\r\n");
        }
        request.append("1\r\n}\r\n0\r\n\r\n");
        RawHttp.Response response = RawHttp.raw("localhost", port, request.toString().getBytes(StandardCharsets.UTF_8));
        assertProblem(response, 413, "body-too-large");
    }

    @Test
    void aBodyTricklingInIsRefusedAtTheDeadline() throws Exception {
        long started = System.nanoTime();
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/limits/things HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                    + "Authorization: Bearer test-operator-key\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 100\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            try {
                for (int i = 0; i < 12; i++) { // a byte every 500 ms: under the 3 s read timeout, past the 2 s deadline
                    out.write(i == 0 ? '{' : ' ');
                    out.flush();
                    Thread.sleep(500);
                }
            } catch (java.io.IOException closed) {
                // the server gave up on the body and closed
            }
            RawHttp.Response response = readAnswer(socket);
            assertProblem(response, 408, "body-too-slow");
        }
        assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(15_000);
    }

    @Test
    void undecodableQueryStringsAndPathsAreA400Problem(CapturedOutput output) throws Exception {
        for (String target : new String[] {"/actuator/health?x=%", "/api/limits/things?q=%zz", "/api/limits/things?%=1",
                "/api/limits/things?q=%C3%28", "/api/limits/things?q=%00", "/api/limits/things?q=%E2%80%AE"}) {
            assertProblem(RawHttp.send("localhost", port, "GET", target, Map.of(), null), 400, "malformed-query");
        }
        for (String target : new String[] {"/api/x%00y", "/api/limits/%2F", "/api/limits/%5C", "/api/%2e%2e/%00"}) {
            RawHttp.Response response = RawHttp.send("localhost", port, "GET", target, Map.of(), null);
            assertThat(response.status()).as(target).isEqualTo(400);
            assertProblemJson(response);
        }
        assertThat(output).doesNotContain("ERROR").doesNotContain("\tat ");
    }

    @Test
    void aClientAskingForHtmlStillGetsTheProblem() throws Exception {
        Map<String, String> html = Map.of("Accept", "text/html");
        assertProblem(RawHttp.send("localhost", port, "GET", "/api/limits/things?since=yesterday", html, null), 400,
                "validation");
        RawHttp.Response missing = RawHttp.send("localhost", port, "GET", "/api/no-such-thing", html, null);
        assertThat(missing.status()).isIn(401, 404); // deny by default: an unknown route without a key is a 401
        assertProblemJson(missing);
        RawHttp.Response wrongType = RawHttp.send("localhost", port, "POST", "/api/limits/things",
                Map.of("Authorization", "Bearer test-operator-key", "Content-Type", "text/plain"),
                "x".getBytes(StandardCharsets.UTF_8));
        assertThat(wrongType.status()).isEqualTo(415);
        assertProblemJson(wrongType);
    }

    @Test
    void traceIsA405Problem() throws Exception {
        RawHttp.Response response = RawHttp.send("localhost", port, "TRACE", "/api/limits/things", Map.of(), null);
        assertThat(response.status()).isEqualTo(405);
        assertProblemJson(response);
    }

    @Test
    void aDateOutOfRangeIsA400NamingTheParameter() throws Exception {
        for (String since : new String[] {"-999999999-01-01", "+999999999-12-31", "0999-12-31"}) {
            RawHttp.Response response = RawHttp.send("localhost", port, "GET", "/api/limits/things?since=" + since,
                    Map.of(), null);
            JsonNode problem = assertProblem(response, 400, "validation");
            assertThat(problem.path("errors").get(0).path("field").asString()).isEqualTo("since");
            assertThat(problem.path("detail").asString()).contains("1000-01-01").contains("9999-12-31");
        }
        assertProblem(RawHttp.send("localhost", port, "GET", "/api/limits/things?at=%2B999999999-12-31T00:00:00Z",
                Map.of(), null), 400, "validation");
        assertThat(RawHttp.send("localhost", port, "GET", "/api/limits/things?since=2024-02-29", Map.of(), null)
                .status()).isEqualTo(200);
    }

    @Test
    void looseJsonIsRefusedNamingTheField() throws Exception {
        Map<String, String> cases = Map.of(
                "{\"name\":\"a\",\"name\":\"b\",\"count\":1,\"active\":true}", "name",
                "{\"name\":12345,\"count\":1,\"active\":true}", "name",
                "{\"name\":\"a\",\"count\":1.5,\"active\":true}", "count",
                "{\"name\":\"a\",\"count\":1,\"active\":1}", "active",
                "{\"name\":\"a\",\"count\":1,\"active\":true,\"since\":\"-999999999-01-01\"}", "since");
        for (Map.Entry<String, String> bad : cases.entrySet()) {
            RawHttp.Response response = post(bad.getKey());
            JsonNode problem = assertProblem(response, 400, "malformed-body");
            assertThat(problem.path("detail").asString()).as(bad.getKey()).startsWith(bad.getValue() + ": ");
            assertThat(response.body()).doesNotContain("co.vigia").doesNotContain("tools.jackson")
                    .doesNotContain("java.lang");
        }
        assertProblem(post("{\"name\":\"a\",\"count\":1,\"active\":true} {}"), 400, "malformed-body");
        assertProblem(post("[".repeat(100)), 400, "malformed-body");
        assertProblem(post("{\"name\":\"" + "x".repeat(300_000) + "\",\"count\":1,\"active\":true}"), 400,
                "malformed-body");
        assertThat(post("{\"name\":\"a\",\"count\":1,\"active\":true}").status()).isEqualTo(200);
    }

    private RawHttp.Response post(String body) throws Exception {
        return RawHttp.send("localhost", port, "POST", "/api/limits/things", OPERATOR,
                body.getBytes(StandardCharsets.UTF_8));
    }

    private static RawHttp.Response readAnswer(Socket socket) throws Exception {
        return RawHttp.read(socket.getInputStream());
    }

    /** JSON is UTF-8 (RFC 8259): a charset, when given, must say so. */
    private static void assertProblemJson(RawHttp.Response response) {
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.contentType().replace(" ", "")).isIn("application/problem+json",
                "application/problem+json;charset=UTF-8");
    }

    private static JsonNode assertProblem(RawHttp.Response response, int status, String slug) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertProblemJson(response);
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.path("type").asString()).isEqualTo("https://vigia.co/problems/" + slug);
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        return problem;
    }

    record Thing(String name, int count, boolean active, LocalDate since) {
    }

    static class ThingRoutes implements ServiceRoutes {
        @Override
        public void authorize(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry routes) {
            routes.requestMatchers(HttpMethod.GET, "/api/limits/things").permitAll()
                    .requestMatchers(HttpMethod.POST, "/api/limits/things").hasRole("OPERATOR");
        }
    }

    @RestController
    static class Things {

        @PostMapping("/api/limits/things")
        Thing create(@RequestBody Thing thing) {
            return thing;
        }

        @GetMapping("/api/limits/things")
        Map<String, Object> list(@RequestParam(required = false) LocalDate since,
                                 @RequestParam(required = false) Instant at,
                                 @RequestParam(required = false) String q) {
            return Map.of("since", String.valueOf(since), "at", String.valueOf(at));
        }
    }
}
