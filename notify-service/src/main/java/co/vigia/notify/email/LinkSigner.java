package co.vigia.notify.email;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signed links (plain Java): a token {@code base64url(purpose|value|expiresEpochSecond).base64url(HMAC-SHA256)}.
 * The purpose is signed too, so an unsubscribe token cannot be replayed as a confirmation. Expiry 0 never expires.
 */
public final class LinkSigner {

    private static final Base64.Encoder ENCODE = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODE = Base64.getUrlDecoder();

    /** What a link does. */
    public enum Purpose { CONFIRM, UNSUBSCRIBE, MANAGE }

    private final byte[] key;

    public LinkSigner(byte[] key) {
        if (key.length < 16) {
            throw new IllegalArgumentException("the link key needs at least 16 bytes");
        }
        this.key = key.clone();
    }

    public String sign(Purpose purpose, String value, Instant expires) {
        long until = expires == null ? 0 : expires.getEpochSecond();
        byte[] payload = (purpose.name() + "|" + value + "|" + until).getBytes(StandardCharsets.UTF_8);
        return ENCODE.encodeToString(payload) + "." + ENCODE.encodeToString(mac(payload));
    }

    /** The signed value, when the token is intact, for this purpose and not expired at {@code now}. */
    public Optional<String> verify(Purpose purpose, String token, Instant now) {
        if (token == null) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        if (dot <= 0) {
            return Optional.empty();
        }
        byte[] payload;
        byte[] signature;
        try {
            payload = DECODE.decode(token.substring(0, dot));
            signature = DECODE.decode(token.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (!MessageDigest.isEqual(mac(payload), signature)) {
            return Optional.empty();
        }
        String[] parts = new String(payload, StandardCharsets.UTF_8).split("\\|", -1);
        if (parts.length != 3 || !parts[0].equals(purpose.name())) {
            return Optional.empty();
        }
        long until = Long.parseLong(parts[2]);
        if (until != 0 && now.getEpochSecond() > until) {
            return Optional.empty();
        }
        return Optional.of(parts[1]);
    }

    private byte[] mac(byte[] payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
