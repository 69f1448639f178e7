package co.vigia.notify.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Webhook secrets at rest: AES-256-GCM under a key id, bound to their subscription, and a key rotation. */
class SecretBoxTests {

    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    private static String key() {
        byte[] raw = new byte[32];
        new SecureRandom().nextBytes(raw);
        return Base64.getEncoder().encodeToString(raw);
    }

    private final String oldKey = key();
    private final String newKey = key();
    private final SecretBox old = SecretBox.fromKeyring("k1:" + oldKey);

    @Test
    void aSealedSecretOpensToItselfAndHoldsNoTraceOfIt() {
        String sealed = old.seal(SECRET, "sub-1");
        assertThat(sealed).startsWith("v1:k1:").doesNotContain(SECRET).doesNotContain(SECRET.substring(6));
        assertThat(old.open(sealed, "sub-1")).isEqualTo(SECRET);
        assertThat(old.seal(SECRET, "sub-1")).as("a fresh nonce each time").isNotEqualTo(sealed);
    }

    @Test
    void aSealedSecretCopiedToAnotherSubscriptionOrAlteredDoesNotOpen() {
        String sealed = old.seal(SECRET, "sub-1");
        assertThatThrownBy(() -> old.open(sealed, "sub-2")).isInstanceOf(SecretBox.SecretUnreadableException.class);
        char last = sealed.charAt(sealed.length() - 2);
        String altered = sealed.substring(0, sealed.length() - 2) + (last == 'A' ? 'B' : 'A') + sealed.charAt(sealed.length() - 1);
        assertThatThrownBy(() -> old.open(altered, "sub-1")).isInstanceOf(SecretBox.SecretUnreadableException.class);
        assertThatThrownBy(() -> old.open("v1:k1:AAAA", "sub-1")).hasMessageContaining("damaged");
    }

    @Test
    void aRotationSealsWithTheNewKeyOpensWithBothAndReSealsTheOld() {
        String sealedOld = old.seal(SECRET, "sub-1");
        SecretBox rotated = SecretBox.fromKeyring("k2:" + newKey + ", k1:" + oldKey);
        assertThat(rotated.currentKeyId()).isEqualTo("k2");
        assertThat(rotated.open(sealedOld, "sub-1")).isEqualTo(SECRET);
        assertThat(rotated.needsResealing(sealedOld)).isTrue();

        String resealed = rotated.reseal(sealedOld, "sub-1");
        assertThat(resealed).startsWith("v1:k2:");
        assertThat(rotated.needsResealing(resealed)).isFalse();
        assertThat(rotated.reseal(resealed, "sub-1")).isSameAs(resealed);

        // once the old key is dropped, only what was re-sealed opens
        SecretBox newOnly = SecretBox.fromKeyring("k2:" + newKey);
        assertThat(newOnly.open(resealed, "sub-1")).isEqualTo(SECRET);
        assertThatThrownBy(() -> newOnly.open(sealedOld, "sub-1"))
                .hasMessageContaining("key k1").hasMessageContaining("does not hold");
    }

    @Test
    void aPlainTextSecretFromBeforeSealingIsReadAndMarkedForResealing() {
        assertThat(old.open(SECRET, "sub-1")).isEqualTo(SECRET);
        assertThat(old.needsResealing(SECRET)).isTrue();
        assertThat(old.reseal(SECRET, "sub-1")).startsWith("v1:k1:");
        assertThatThrownBy(() -> old.open("something else", "sub-1")).hasMessageContaining("neither sealed");
    }

    @ParameterizedTest(name = "refuses the keyring \"{0}\"")
    @ValueSource(strings = {"", " ", "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=", "k1:AAEC", "k1:not base64!",
            "k 1:AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=",
            "k1:AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=,k1:AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8="})
    void refusesAKeyringThatIsNotOneOrMoreNamed256BitKeys(String keyring) {
        assertThatThrownBy(() -> SecretBox.fromKeyring(keyring)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("VIGIA_SECRET_KEYS")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8"));
    }
}
