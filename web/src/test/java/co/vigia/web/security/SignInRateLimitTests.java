package co.vigia.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import co.vigia.web.Browserless;
import co.vigia.web.Browserless.Page;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Sign-in attempts are limited per client: past the limit a wrong key is not even checked, and a right one waits too,
 * with 429 and Retry-After; the portal's and the console's limits are counted apart.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "vigia.ops.operator-key=" + SignInRateLimitTests.OPERATOR_KEY,
        "vigia.web.sign-in.attempts=3",
        "vigia.web.sign-in.period=1h",
        "vigia.ops.poll-interval=1h",
        // nothing listens there: the portal's attempt is answered 503, never by a service of another run
        "vigia.web.services.notify=http://127.0.0.1:9", "vigia.web.services.bill=http://127.0.0.1:9",
        "vigia.web.services.vote=http://127.0.0.1:9"})
class SignInRateLimitTests {

    static final String OPERATOR_KEY = "operator-key-for-rate-limit-tests";

    @LocalServerPort
    int port;

    @Test
    void pastThreeAttemptsAClientIsToldToWait() {
        Browserless browser = new Browserless("http://localhost:" + port);
        for (int i = 0; i < 3; i++) {
            assertThat(browser.post("/ops/entrar", "/ops/entrar", Map.of("operatorKey", "guess-" + i)).status())
                    .isEqualTo(401);
        }
        Page limited = browser.post("/ops/entrar", "/ops/entrar", Map.of("operatorKey", OPERATOR_KEY));
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.header("Retry-After")).isEqualTo("3600");
        assertThat(limited.body()).contains("operatorKey-error");
        assertThat(browser.get("/ops").status()).as("not signed in").isEqualTo(302);

        // the portal counts its own attempts (notify-service is not running: 503, but not limited)
        assertThat(browser.post("/portal/entrar", "/portal/entrar", Map.of("apiKey", "vgs_x")).status())
                .isNotEqualTo(429);
    }
}
