package co.vigia.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import co.vigia.testsupport.WebhookReceiver.Received;
import co.vigia.testsupport.WebhookReceiver.Reply;
import com.standardwebhooks.Webhook;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WebhookReceiverTests {

    static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    static final String BODY = "{\"type\":\"co.vigia.vote.tallied\",\"data\":{\"billId\":\"sometimiento\"}}";

    @Test
    void aRequestSignedWithTheEndpointsSecretIsVerifiedAndAnotherIsNot() throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            receiver.secret("/ngo", SECRET);
            Api api = new Api(receiver.url(""), null);
            assertThat(api.send("POST", "/ngo", BODY, signed("msg_1", SECRET)).status()).isEqualTo(204);
            assertThat(api.send("POST", "/ngo", BODY, signed("msg_2", "whsec_" + "A".repeat(32))).status()).isEqualTo(204);

            assertThat(receiver.received("/ngo")).extracting(Received::webhookId, Received::verified)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("msg_1", true),
                            org.assertj.core.groups.Tuple.tuple("msg_2", false));
            Received first = receiver.received("/ngo").get(0);
            assertThat(first.endpoint()).isEqualTo("ngo");
            assertThat(first.type()).isEqualTo("co.vigia.vote.tallied");
            assertThat(first.subject()).isEqualTo("sometimiento");
            assertThat(first.signedWith(SECRET)).isTrue();
        }
    }

    @Test
    void anEndpointAnswersWhatItIsToldAndTheReceiverComesBackOnItsPort() {
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            Api api = new Api(receiver.url(""), null);
            receiver.answer("/gone", Reply.status(410));
            assertThat(api.post("/gone", "{}").status()).isEqualTo(410);
            assertThat(api.post("/other", "{}").status()).isEqualTo(204);

            int port = receiver.port();
            receiver.down();
            assertThat(api.post("/other", "{}").status()).as("nothing listens").isEqualTo(-1);
            receiver.up();
            assertThat(receiver.port()).isEqualTo(port);
            assertThat(api.post("/other", "{}").status()).isEqualTo(204);
            assertThat(receiver.received()).hasSize(3);
        }
    }

    private static Map<String, String> signed(String id, String secret) throws Exception {
        long now = Instant.now().getEpochSecond();
        return Map.of("webhook-id", id, "webhook-timestamp", String.valueOf(now),
                "webhook-signature", new Webhook(secret).sign(id, now, BODY));
    }
}
