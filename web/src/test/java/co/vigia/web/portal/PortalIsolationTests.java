package co.vigia.web.portal;

import static org.assertj.core.api.Assertions.assertThat;

import co.vigia.web.Browserless;
import co.vigia.web.Browserless.Page;
import co.vigia.web.FakeNotify;
import co.vigia.web.WebAppTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A signed-in NGO tries another's endpoint and delivery through every portal page and action: each is "not found",
 * shows nothing of the other's, and every call the portal made to notify-service carried the signed-in NGO's own key
 * (notify-service's own isolation is tested in notify-service; the browser test tries it against the real one).
 */
class PortalIsolationTests extends WebAppTest {

    @LocalServerPort
    int port;

    @Test
    void anNgoNeverSeesOrTouchesAnothersEndpointOrDelivery() {
        Browserless a = new Browserless("http://localhost:" + port);
        a.post("/portal/entrar", "/portal/entrar", Map.of("apiKey", FakeNotify.A.key()));
        Page own = a.get("/portal/endpoints/" + FakeNotify.A.endpointId());
        assertThat(own.status()).isEqualTo(200);
        assertThat(own.body()).contains(FakeNotify.A.url()).contains("data-delivery=\"" + FakeNotify.A.deliveryId());
        NOTIFY.clearKeysSeen();

        String b = FakeNotify.B.endpointId();
        List<Page> tries = List.of(
                a.get("/portal/endpoints/" + b),
                a.get("/portal/endpoints/" + b + "?outcome=FAILED"),
                a.get("/portal/endpoints/" + b + "/eliminar"),
                a.get("/portal/endpoints/" + b + "/rotar-secreto"),
                a.get("/portal/entregas/" + FakeNotify.B.deliveryId()),
                a.post("/portal/endpoints/" + b + "/pausar", "/portal", Map.of()),
                a.post("/portal/endpoints/" + b + "/eliminar", "/portal", Map.of()),
                a.post("/portal/endpoints/" + b + "/prueba", "/portal", Map.of()),
                a.post("/portal/endpoints/" + b + "/rotar-secreto", "/portal", Map.of()),
                a.post("/portal/entregas/" + FakeNotify.B.deliveryId() + "/reenviar", "/portal", Map.of()),
                a.post("/portal/endpoints/" + b + "/repetir", "/portal", Map.of("since", "2026-12-01")));
        for (Page page : tries) {
            assertThat(page.status()).isIn(404, 302);
            assertThat(page.body()).doesNotContain(FakeNotify.B.url()).doesNotContain(FakeNotify.B.name());
            if (page.status() == 302) {
                // a form answers by redirecting to a page that must itself be "not found"
                Page after = a.get(page.header("Location").replaceFirst("^https?://[^/]+", ""));
                assertThat(after.status()).as(page.header("Location")).isEqualTo(404);
                assertThat(after.body()).doesNotContain(FakeNotify.B.url());
            }
        }
        assertThat(NOTIFY.keysSeen()).isNotEmpty().allMatch(FakeNotify.A.key()::equals);
        assertThat(a.get("/portal").body()).doesNotContain(FakeNotify.B.url());
    }
}
