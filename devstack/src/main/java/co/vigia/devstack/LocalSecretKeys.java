package co.vigia.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The key notify-service seals webhook secrets with in a local run ({@code VIGIA_SECRET_KEYS}): the one given, or
 * one generated for the run; with a data directory it is kept there ({@code secret-keys}, owner-only), so the secrets
 * stored in that directory still open after a restart.
 *
 * @param keyring {@code id:base64key}, as notify-service reads it
 * @param origin  where it came from, for the start-up log
 */
public record LocalSecretKeys(String keyring, String origin) {

    static final String FILE = "secret-keys";

    /** {@code given} when set; else the key kept in {@code dataDir} (made on first use), or a new one when null. */
    static LocalSecretKeys resolve(String given, Path dataDir) {
        if (given != null && !given.isBlank()) {
            return new LocalSecretKeys(given.trim(), "from VIGIA_SECRET_KEYS");
        }
        if (dataDir == null) {
            return new LocalSecretKeys(generate(), "generated for this run (secrets stored now do not outlive it)");
        }
        Path file = dataDir.resolve(FILE);
        try {
            if (Files.exists(file)) {
                return new LocalSecretKeys(Files.readString(file).trim(), "kept in " + file);
            }
            Files.createDirectories(dataDir);
            String keyring = generate();
            Files.writeString(file, keyring + "\n");
            String kept = "generated and kept in " + file;
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                kept += " (readable as the file system's defaults allow: it has no POSIX permissions)";
            }
            return new LocalSecretKeys(keyring, kept);
        } catch (IOException e) {
            throw new IllegalStateException("cannot keep the local secret key in " + file + ": " + e.getMessage(), e);
        }
    }

    private static String generate() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return "local:" + Base64.getEncoder().encodeToString(key);
    }
}
