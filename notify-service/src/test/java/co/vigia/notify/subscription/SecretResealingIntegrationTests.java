package co.vigia.notify.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.vigia.notify.delivery.ScratchDatabase;
import co.vigia.notify.secret.SecretBox;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Secrets at rest across a key rotation and from before secrets were sealed, on real MongoDB (or the embedded
 * server): the start-up pass seals every plain-text secret and every one under an older key with the current key,
 * and refuses to start when a stored secret's key is missing from the keyring.
 */
class SecretResealingIntegrationTests {

    private static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");
    private final ScratchDatabase database = new ScratchDatabase("secret-reseal");
    private final String k1 = "k1:" + key();
    private final String k2 = "k2:" + key();

    @AfterEach
    void close() {
        database.close();
    }

    private static String key() {
        byte[] raw = new byte[32];
        new SecureRandom().nextBytes(raw);
        return Base64.getEncoder().encodeToString(raw);
    }

    private Subscription subscription(String id, SigningSecret... secrets) {
        return database.mongo.insert(new Subscription(id, "ngo-1", "https://hooks.example.org/" + id, null,
                List.of("*"), List.of(), SubscriptionStatus.ACTIVE, null, null, List.of(secrets), null, null, NOW, NOW,
                null));
    }

    private List<String> stored(String id) {
        Document d = database.mongo.getCollection("subscriptions").find(new Document("_id", id)).first();
        return d.getList("secrets", Document.class).stream().map(s -> s.getString("secret")).toList();
    }

    @Test
    void aKeyRotationReSealsEverySecretWithTheNewKeyAndPlainTextIsMigrated() {
        SecretBox before = SecretBox.fromKeyring(k1);
        subscription("sealed-k1", new SigningSecret(before.seal("whsec_current", "sealed-k1"), NOW, null),
                new SigningSecret(before.seal("whsec_previous", "sealed-k1"), NOW, NOW.plusSeconds(3600)));
        subscription("plain", new SigningSecret("whsec_fromBeforeSealing", NOW, null));

        SecretBox rotated = SecretBox.fromKeyring(k2 + "," + k1);
        SecretResealing.Result result = new SecretResealing(database.mongo, rotated).resealAll();

        assertThat(result.resealed()).isEqualTo(2);
        assertThat(stored("sealed-k1")).allSatisfy(s -> assertThat(s).startsWith("v1:k2:"));
        assertThat(stored("plain")).singleElement().satisfies(s -> assertThat(s).startsWith("v1:k2:")
                .doesNotContain("fromBeforeSealing"));
        // the old key can go now: what is stored opens with the new one alone, and signs as before
        SecretBox newOnly = SecretBox.fromKeyring(k2);
        Subscription sealed = database.mongo.findById("sealed-k1", Subscription.class);
        assertThat(sealed.signingSecrets(NOW, newOnly)).containsExactly("whsec_current", "whsec_previous");
        assertThat(database.mongo.findById("plain", Subscription.class).signingSecrets(NOW, newOnly))
                .containsExactly("whsec_fromBeforeSealing");
        assertThat(new SecretResealing(database.mongo, newOnly).resealAll().resealed()).isZero();
    }

    @Test
    void aSecretWhoseKeyWasDroppedTooSoonStopsTheStartNamingTheKey() {
        SecretBox before = SecretBox.fromKeyring(k1);
        subscription("orphan", new SigningSecret(before.seal("whsec_x", "orphan"), NOW, null));
        SecretResealing withoutK1 = new SecretResealing(database.mongo, SecretBox.fromKeyring(k2));
        assertThatThrownBy(() -> withoutK1.run(null)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("[k1]").hasMessageContaining("VIGIA_SECRET_KEYS");
        assertThat(stored("orphan")).singleElement().satisfies(s -> assertThat(s).startsWith("v1:k1:"));
    }
}
