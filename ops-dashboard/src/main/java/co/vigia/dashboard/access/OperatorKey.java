package co.vigia.dashboard.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The operator key, kept only as its SHA-256 hash. A presented key is hashed and compared in constant time
 * ({@link MessageDigest#isEqual}), so neither its length nor a matching prefix shows in the response time.
 * With no key configured nothing matches: the dashboard then shows nothing to anyone.
 */
public final class OperatorKey {

    private final byte[] hash;

    public OperatorKey(String key) {
        this.hash = key == null || key.isBlank() ? null : sha256(key.trim());
    }

    public boolean isConfigured() {
        return hash != null;
    }

    public boolean matches(String presented) {
        if (hash == null || presented == null || presented.isEmpty()) {
            return false;
        }
        return MessageDigest.isEqual(hash, sha256(presented.trim()));
    }

    /** The key from an {@code Authorization: Bearer <key>} header, or null. */
    public static String bearer(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String key = authorization.substring(7).trim();
        return key.isEmpty() ? null : key;
    }

    static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
