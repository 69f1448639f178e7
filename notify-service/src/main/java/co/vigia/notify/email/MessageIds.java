package co.vigia.notify.email;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A {@code Message-ID} derived from what the email is about (an event id, a digest's day) and the address, so the
 * same email sent twice (a crash between sending and recording) carries the same id and a reader, or a mail client
 * that drops duplicates, recognises it (plain Java).
 */
public final class MessageIds {

    private MessageIds() {
    }

    public static String of(String about, String address, String domain) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest((about + "\n" + address).getBytes(StandardCharsets.UTF_8));
            return "<" + HexFormat.of().formatHex(hash, 0, 16) + "@" + domain + ">";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
