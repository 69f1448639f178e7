package co.vigia.notify.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Signatures checked against the reference Standard Webhooks library (com.standardwebhooks), not our own code. */
class WebhookSignerTests {

    private static final String BODY = "{\"type\":\"co.vigia.bill.registered\",\"timestamp\":\"2023-03-15T10:00:00Z\",\"data\":{}}";

    private static Map<String, List<String>> headers(String id, long ts, String signature) {
        return Map.of("webhook-id", List.of(id), "webhook-timestamp", List.of(Long.toString(ts)),
                "webhook-signature", List.of(signature));
    }

    @Test
    void newSecretsAreWhsecWithThirtyTwoRandomBytes() {
        String secret = WebhookSigner.newSecret();
        assertThat(secret).startsWith("whsec_");
        assertThat(Base64.getDecoder().decode(secret.substring(6))).hasSize(32);
        assertThat(WebhookSigner.newSecret()).isNotEqualTo(secret);
    }

    @Test
    void theReferenceLibraryVerifiesOurSignature() throws Exception {
        String secret = WebhookSigner.newSecret();
        long now = Instant.now().getEpochSecond();
        String signature = WebhookSigner.signatureHeader("evt-1", now, BODY, List.of(secret));
        new Webhook(secret).verify(BODY, headers("evt-1", now, signature));
        assertThat(signature).isEqualTo(new Webhook(secret).sign("evt-1", now, BODY));
    }

    @Test
    void duringARotationEitherSecretVerifies() throws Exception {
        String current = WebhookSigner.newSecret();
        String previous = WebhookSigner.newSecret();
        long now = Instant.now().getEpochSecond();
        String signature = WebhookSigner.signatureHeader("evt-2", now, BODY, List.of(current, previous));
        assertThat(signature.split(" ")).hasSize(2);
        new Webhook(current).verify(BODY, headers("evt-2", now, signature));
        new Webhook(previous).verify(BODY, headers("evt-2", now, signature));
        assertThatThrownBy(() -> new Webhook(WebhookSigner.newSecret()).verify(BODY, headers("evt-2", now, signature)))
                .isInstanceOf(WebhookVerificationException.class);
    }

    @Test
    void aTamperedBodyOrIdFailsVerification() {
        String secret = WebhookSigner.newSecret();
        long now = Instant.now().getEpochSecond();
        String signature = WebhookSigner.signatureHeader("evt-3", now, BODY, List.of(secret));
        assertThatThrownBy(() -> new Webhook(secret).verify(BODY.replace("registered", "lapsed"),
                headers("evt-3", now, signature))).isInstanceOf(WebhookVerificationException.class);
        assertThatThrownBy(() -> new Webhook(secret).verify(BODY, headers("evt-4", now, signature)))
                .isInstanceOf(WebhookVerificationException.class);
    }
}
