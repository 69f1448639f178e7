package co.vigia.web.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The operator key, kept only as its SHA-256 hash. A presented key is hashed and compared in constant time
 * ({@link MessageDigest#isEqual}), so neither its length nor a matching prefix shows in the response time.
 * With no key configured nothing matches: the console then lets nobody in.
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
        if (hash == null || presented == null || presented.isBlank()) {
            return false;
        }
        return MessageDigest.isEqual(hash, sha256(presented.trim()));
    }

    static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    @Override
    public String toString() {
        return "OperatorKey[" + (isConfigured() ? "configured" : "none") + "]";
    }
}
