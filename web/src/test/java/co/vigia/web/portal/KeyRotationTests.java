package co.vigia.web.portal;

import static org.assertj.core.api.Assertions.assertThat;

import co.vigia.web.Browserless;
import co.vigia.web.Browserless.Page;
import co.vigia.web.FakeNotify;
import co.vigia.web.WebAppTest;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An NGO rotates its API key in the portal (notify-service offering the operation): the new key is shown once, the
 * session goes on with it under a new session id, and every later call to notify-service carries it.
 */
class KeyRotationTests extends WebAppTest {

    @LocalServerPort
    int port;

    @Test
    void theNewKeyIsShownOnceAndTheSessionGoesOnWithIt() {
        Browserless b = new Browserless("http://localhost:" + port);
        b.post("/portal/entrar", "/portal/entrar", Map.of("apiKey", FakeNotify.B.key()));
        assertThat(b.get("/portal").body()).contains("href=\"/portal/clave\"");
        String before = b.cookie("JSESSIONID");

        Page rotated = b.post("/portal/clave", "/portal/clave", Map.of());
        assertThat(rotated.status()).isEqualTo(200);
        Matcher key = Pattern.compile("id=\"new-api-key\" class=\"secret\">(vgs_[^<]+)<").matcher(rotated.body());
        assertThat(key.find()).as(rotated.body()).isTrue();
        String newKey = key.group(1);
        assertThat(newKey).isNotEqualTo(FakeNotify.B.key());
        assertThat(rotated.body()).contains("id=\"key-window\"");
        assertThat(b.cookie("JSESSIONID")).isNotEqualTo(before);

        NOTIFY.clearKeysSeen();
        assertThat(b.get("/portal").status()).isEqualTo(200);
        assertThat(NOTIFY.keysSeen()).isNotEmpty().allMatch(newKey::equals);
        assertThat(b.get("/portal").body()).doesNotContain(newKey);
    }
}
