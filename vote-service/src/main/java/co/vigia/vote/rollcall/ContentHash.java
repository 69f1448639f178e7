package co.vigia.vote.rollcall;

import co.vigia.contracts.EventCodec;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The SHA-256 of a request as JSON: the same {@code externalId} with another hash is a conflict. */
final class ContentHash {

    private ContentHash() {
    }

    static String of(RollCallRequest request) {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
        // the same bytes as writeValueAsBytes, digested as they are written: no 16 KB array per roll call
        try (OutputStream out = new DigestOutputStream(OutputStream.nullOutputStream(), sha256)) {
            EventCodec.mapper().writeValue(out, request);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return HexFormat.of().formatHex(sha256.digest());
    }
}
