package co.vigia.notify.secret;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals webhook signing secrets for storage: AES-256-GCM with a random 96-bit nonce, the owner's id (the
 * subscription's) as associated data, so a sealed value copied to another subscription does not open. Stored as
 * {@code v1:<keyId>:<base64url(nonce | ciphertext | tag)>}. The keyring comes from {@code VIGIA_SECRET_KEYS}
 * ({@code id:base64key,...}, each key 32 random bytes): the first key seals, every listed key opens the values
 * sealed with it, so a rotation adds a new first key, re-seals (see {@link #needsResealing}) and then drops the old
 * one. Plain Java.
 */
public final class SecretBox {

    private static final String VERSION = "v1";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9_-]{1,32}");
    /** How secrets were stored before they were sealed; such a value is read as is until it is re-sealed. */
    private static final String PLAIN_PREFIX = "whsec_";

    private final String currentId;
    private final Map<String, SecretKey> keys;
    private final SecureRandom random = new SecureRandom();

    private SecretBox(String currentId, Map<String, SecretKey> keys) {
        this.currentId = currentId;
        this.keys = keys;
    }

    /** Reads {@code id:base64key[,id:base64key...]}; throws naming what is wrong (never the key itself). */
    public static SecretBox fromKeyring(String keyring) {
        if (keyring == null || keyring.isBlank()) {
            throw new IllegalArgumentException("VIGIA_SECRET_KEYS is empty: give at least one key as id:base64 "
                    + "(32 random bytes, e.g. k1:$(openssl rand -base64 32)); webhook secrets are stored encrypted with it");
        }
        Map<String, SecretKey> keys = new LinkedHashMap<>();
        for (String entry : keyring.split(",")) {
            String e = entry.trim();
            int colon = e.indexOf(':');
            String id = colon < 0 ? e : e.substring(0, colon);
            if (colon < 0 || !KEY_ID.matcher(id).matches()) {
                throw new IllegalArgumentException("VIGIA_SECRET_KEYS: each key must be id:base64 with an id of 1-32 "
                        + "letters, digits, '-' or '_'");
            }
            byte[] raw;
            try {
                raw = Base64.getDecoder().decode(e.substring(colon + 1).trim());
            } catch (IllegalArgumentException notBase64) {
                throw new IllegalArgumentException("VIGIA_SECRET_KEYS: key " + id + " is not base64");
            }
            if (raw.length != 32) {
                throw new IllegalArgumentException("VIGIA_SECRET_KEYS: key " + id + " has " + raw.length
                        + " bytes; AES-256 needs 32");
            }
            if (keys.put(id, new SecretKeySpec(raw, "AES")) != null) {
                throw new IllegalArgumentException("VIGIA_SECRET_KEYS: key id " + id + " is listed twice");
            }
        }
        return new SecretBox(keys.keySet().iterator().next(), Map.copyOf(keys));
    }

    /** The id of the key new values are sealed with. */
    public String currentKeyId() {
        return currentId;
    }

    public Set<String> keyIds() {
        return keys.keySet();
    }

    /** {@code secret} sealed with the current key, bound to {@code ownerId}. */
    public String seal(String secret, String ownerId) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(currentId), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(ownerId.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            byte[] out = ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array();
            return VERSION + ":" + currentId + ":" + Base64.getUrlEncoder().withoutPadding().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /** The secret in {@code stored}: opened with the key it names, or a not yet sealed value as it is. */
    public String open(String stored, String ownerId) {
        if (isPlain(stored)) {
            return stored;
        }
        List<String> parts = parts(stored);
        SecretKey key = keys.get(parts.get(1));
        if (key == null) {
            throw new SecretUnreadableException("a webhook secret is sealed with key " + parts.get(1)
                    + ", which VIGIA_SECRET_KEYS does not hold (it holds " + String.join(", ", keys.keySet()) + ")");
        }
        byte[] raw;
        try {
            raw = Base64.getUrlDecoder().decode(parts.get(2));
        } catch (IllegalArgumentException e) {
            raw = new byte[0];
        }
        if (raw.length <= NONCE_BYTES) {
            throw new SecretUnreadableException("a webhook secret sealed with key " + parts.get(1) + " is damaged");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, raw, 0, NONCE_BYTES));
            cipher.updateAAD(ownerId.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(raw, NONCE_BYTES, raw.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new SecretUnreadableException("a webhook secret sealed with key " + parts.get(1)
                    + " does not open: the key is not the one it was sealed with, or the value was altered");
        }
    }

    /** The key id {@code stored} names; null for a value that is not sealed. */
    public static String keyIdOf(String stored) {
        return isPlain(stored) ? null : parts(stored).get(1);
    }

    /** Whether {@code stored} should be sealed again: it is plain text, or sealed with a key that is not current. */
    public boolean needsResealing(String stored) {
        return !currentId.equals(keyIdOf(stored));
    }

    /** {@code stored} opened and sealed with the current key (a value sealed with it already is returned as is). */
    public String reseal(String stored, String ownerId) {
        return needsResealing(stored) ? seal(open(stored, ownerId), ownerId) : stored;
    }

    private static boolean isPlain(String stored) {
        return stored.startsWith(PLAIN_PREFIX);
    }

    private static List<String> parts(String stored) {
        String[] parts = stored.split(":", 3);
        if (parts.length != 3 || !parts[0].equals(VERSION)) {
            throw new SecretUnreadableException("a stored webhook secret is neither sealed (" + VERSION
                    + ":<key id>:...) nor a whsec_ value");
        }
        return List.of(parts);
    }

    /** A stored secret that cannot be opened with this keyring. */
    public static final class SecretUnreadableException extends RuntimeException {
        public SecretUnreadableException(String message) {
            super(message);
        }
    }
}
