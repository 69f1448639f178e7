package co.vigia.web.ops;

import static org.assertj.core.api.Assertions.assertThat;

import co.vigia.web.Browserless;
import co.vigia.web.Browserless.Page;
import co.vigia.web.WebAppTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The console's organisations, with notify-service played by {@code FakeNotify}: a new NGO's key is shown once (on the
 * answer to the form, never on the list), notify-service's field errors show beside the field, suspend and reactivate
 * go through with the operator key.
 */
class SubscribersTests extends WebAppTest {

    @LocalServerPort
    int port;

    @Test
    void anOperatorRegistersSuspendsAndReactivatesAnNgo() {
        NOTIFY.operatorKey(OPERATOR_KEY);
        Browserless ops = new Browserless("http://localhost:" + port);
        ops.post("/ops/entrar", "/ops/entrar", Map.of("operatorKey", OPERATOR_KEY));

        Page refused = ops.post("/ops/suscriptores", "/ops/suscriptores", Map.of("name", "", "contactEmail", "o@o.example"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("id=\"name-error\"").contains("must not be blank");

        Page created = ops.post("/ops/suscriptores", "/ops/suscriptores",
                Map.of("name", "Observatorio", "contactEmail", "o@o.example"));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body()).contains("id=\"new-api-key\"").contains("vgs_shown-once");
        Page list = ops.get("/ops/suscriptores");
        assertThat(list.body()).contains("data-subscriber=\"ngo-new\"").doesNotContain("vgs_shown-once");

        Page suspended = ops.post("/ops/suscriptores/ngo-new/suspender", "/ops/suscriptores", Map.of());
        assertThat(suspended.status()).isEqualTo(302);
        assertThat(ops.get("/ops/suscriptores").body()).contains("data-status=\"SUSPENDED\"")
                .contains("Organización suspendida: Observatorio");
        ops.post("/ops/suscriptores/ngo-new/reactivar", "/ops/suscriptores", Map.of());
        assertThat(ops.get("/ops/suscriptores").body()).contains("data-status=\"ACTIVE\"");
    }
}
