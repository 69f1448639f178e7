package co.vigia.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import co.vigia.web.Browserless;
import co.vigia.web.Browserless.Page;
import co.vigia.web.FakeNotify;
import co.vigia.web.WebAppTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The portal's and the console's doors over real HTTP (Tomcat, Spring Security's firewall), notify-service played by
 * {@link FakeNotify}: no protected page answers 2xx without a session, however its path is spelled; signing in
 * checks the key with notify-service, starts a new session (HttpOnly, SameSite cookie) and never sends the key back;
 * a form without its CSRF token is refused; the operator key is compared, a wrong one refused.
 */
class AccountSecurityTests extends WebAppTest {

    /** Pages behind a session: never 2xx without one. */
    static final List<String> PROTECTED = List.of("/portal", "/portal/endpoints/nuevo",
            "/portal/endpoints/endpoint-a", "/portal/entregas/delivery-a", "/ops", "/ops/resumen", "/ops/suscriptores");

    @LocalServerPort
    int port;

    /** At least 20 spellings of each protected route: parameters, encodings, dot segments, case, NUL, slashes. */
    static List<String> spellings(String route) {
        String tail = route.substring(route.indexOf('/', 1) < 0 ? route.length() : route.indexOf('/', 1));
        String area = route.substring(0, route.length() - tail.length());
        String letter = area.substring(1, 2);
        String encodedLetter = "%" + Integer.toHexString(letter.charAt(0));
        List<String> s = new ArrayList<>(List.of(
                route,
                route + "/",
                route + ";x",
                route + ";jsessionid=forged",
                area + ";x" + tail,
                "/" + encodedLetter + area.substring(2) + tail,
                "/" + encodedLetter.toUpperCase() + area.substring(2) + tail,
                route.replace("/", "%2F"),
                area + "%2F" + tail.replaceFirst("^/", ""),
                "/" + route,
                area + "/" + tail,
                "/." + route,
                area + "/." + tail,
                "/x/.." + route,
                "/x/..;" + route,
                area + "/..;" + route,
                route.toUpperCase(),
                area.toUpperCase() + tail,
                route + "%00",
                route + "%00.css",
                route + "?lang=en",
                route + "/.",
                route + "%2e",
                route.replace(area, area + "%2f."),
                "/css/..;" + route,
                "/css/.." + route,
                route + "#x",
                route.replaceFirst("/", "\\\\")));
        return s;
    }

    @Test
    void noProtectedPageAnswers2xxWithoutASessionHoweverItsPathIsSpelled() {
        List<String> answered = new ArrayList<>();
        int tried = 0;
        for (String route : PROTECTED) {
            for (String path : spellings(route)) {
                Page page = Browserless.raw(port, path);
                tried++;
                if (page.status() >= 200 && page.status() < 300) {
                    answered.add(path + " -> " + page.status());
                }
                assertThat(page.body()).as(path).doesNotContain(FakeNotify.A.url()).doesNotContain("worst-endpoints")
                        .doesNotContain("data-subscriber");
            }
        }
        assertThat(tried).isGreaterThanOrEqualTo(20 * PROTECTED.size());
        assertThat(answered).as("spellings answered 2xx without a session").isEmpty();
    }

    @Test
    void withoutASessionAPageSendsToTheSignInPage() {
        Page page = new Browserless(base()).get("/portal/endpoints/endpoint-a");
        assertThat(page.status()).isEqualTo(302);
        assertThat(page.header("Location")).endsWith("/portal/entrar");
        assertThat(new Browserless(base()).get("/ops").header("Location")).endsWith("/ops/entrar");
    }

    @Test
    void signingInChecksTheKeyStartsANewSessionAndNeverSendsTheKeyBack() {
        Browserless browser = new Browserless(base());
        Page form = browser.get("/portal/entrar");
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.header("Content-Security-Policy")).contains("script-src 'self'");
        String before = browser.cookie("JSESSIONID");
        assertThat(before).as("the form's CSRF token lives in a session").isNotNull();

        Page wrong = browser.post("/portal/entrar", "/portal/entrar", Map.of("apiKey", "vgs_guessed"));
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.body()).contains("aria-invalid=\"true\"").doesNotContain("vgs_guessed");

        Page signedIn = browser.post("/portal/entrar", "/portal/entrar", Map.of("apiKey", FakeNotify.A.key()));
        assertThat(signedIn.status()).isEqualTo(302);
        assertThat(signedIn.header("Location")).endsWith("/portal");
        String setCookie = String.join("\n", signedIn.headers("Set-Cookie"));
        assertThat(setCookie).contains("JSESSIONID").contains("HttpOnly").containsIgnoringCase("SameSite=Lax");
        assertThat(browser.cookie("JSESSIONID")).as("a new session id after signing in").isNotEqualTo(before);

        Page home = browser.get("/portal");
        assertThat(home.status()).isEqualTo(200);
        assertThat(home.body()).contains(FakeNotify.A.url()).contains(FakeNotify.A.name())
                .doesNotContain(FakeNotify.A.key());
        assertThat(home.header("Cache-Control")).contains("no-store");
        assertThat(String.join(" ", home.headers("Set-Cookie"))).doesNotContain(FakeNotify.A.key());
    }

    @Test
    void aFormWithoutItsCsrfTokenIsRefused() {
        Browserless browser = new Browserless(base());
        browser.post("/portal/entrar", "/portal/entrar", Map.of("apiKey", FakeNotify.A.key()));
        Page forged = browser.post("/portal/endpoints/endpoint-a/pausar", null, Map.of());
        assertThat(forged.status()).isEqualTo(403);
        Page signIn = new Browserless(base()).post("/portal/entrar", null, Map.of("apiKey", FakeNotify.A.key()));
        assertThat(signIn.status()).isEqualTo(403);
    }

    @Test
    void theOperatorSignsInWithTheOperatorKeyOnly() {
        Browserless browser = new Browserless(base());
        assertThat(browser.post("/ops/entrar", "/ops/entrar", Map.of("operatorKey", "not-the-key")).status())
                .isEqualTo(401);
        assertThat(browser.post("/ops/entrar", "/ops/entrar", Map.of("operatorKey", FakeNotify.A.key())).status())
                .isEqualTo(401);
        assertThat(browser.get("/ops").status()).isEqualTo(302);
        Page signedIn = browser.post("/ops/entrar", "/ops/entrar", Map.of("operatorKey", OPERATOR_KEY));
        assertThat(signedIn.header("Location")).endsWith("/ops");
        Page console = browser.get("/ops");
        assertThat(console.status()).isEqualTo(200);
        assertThat(console.body()).contains("data-service=\"notify-service\"").doesNotContain(OPERATOR_KEY);
        // the console's session is not the portal's
        assertThat(browser.get("/portal").status()).isEqualTo(302);
    }

    @Test
    void signingOutEndsTheSession() {
        Browserless browser = new Browserless(base());
        browser.post("/portal/entrar", "/portal/entrar", Map.of("apiKey", FakeNotify.B.key()));
        assertThat(browser.get("/portal").status()).isEqualTo(200);
        Page out = browser.post("/portal/salir", "/portal", Map.of());
        assertThat(out.status()).isEqualTo(302);
        assertThat(out.header("Location")).contains("/portal/entrar");
        assertThat(browser.get("/portal").status()).isEqualTo(302);
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
