package co.vigia.notify.signing;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Standard Webhooks signatures: {@code v1,} + base64 HMAC-SHA256 of {@code id.timestamp.body}, keyed with the
 * base64 bytes after {@code whsec_}. Several secrets (during a rotation) give several space-separated
 * signatures, and a receiver holding any one of them verifies.
 */
public final class WebhookSigner {

    public static final String SECRET_PREFIX = "whsec_";
    /** 32 random bytes: above the 24 the Standard Webhooks spec asks for. */
    static final int SECRET_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private WebhookSigner() {
    }

    public static String newSecret() {
        byte[] key = new byte[SECRET_BYTES];
        RANDOM.nextBytes(key);
        return SECRET_PREFIX + Base64.getEncoder().encodeToString(key);
    }

    /** The {@code webhook-signature} header value for every secret given. */
    public static String signatureHeader(String id, long timestampSeconds, String body, List<String> secrets) {
        if (secrets.isEmpty()) {
            throw new IllegalArgumentException("no signing secret");
        }
        return secrets.stream().map(secret -> sign(id, timestampSeconds, body, secret)).collect(Collectors.joining(" "));
    }

    public static String sign(String id, long timestampSeconds, String body, String secret) {
        String encoded = secret.startsWith(SECRET_PREFIX) ? secret.substring(SECRET_PREFIX.length()) : secret;
        byte[] key = Base64.getDecoder().decode(encoded);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] digest = mac.doFinal((id + "." + timestampSeconds + "." + body).getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }
}
