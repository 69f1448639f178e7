package co.vigia.notify.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LinkSignerTests {

    private final LinkSigner signer = new LinkSigner("a key of at least sixteen bytes".getBytes(StandardCharsets.UTF_8));
    private final Instant now = Instant.parse("2026-12-06T12:00:00Z");

    @Test
    void aSignedLinkGivesBackItsValueUntilItExpires() {
        String token = signer.sign(LinkSigner.Purpose.CONFIRM, "ana@ong.example", now.plus(Duration.ofHours(48)));
        assertThat(signer.verify(LinkSigner.Purpose.CONFIRM, token, now)).contains("ana@ong.example");
        assertThat(signer.verify(LinkSigner.Purpose.CONFIRM, token, now.plus(Duration.ofHours(49)))).isEmpty();
    }

    @Test
    void aLinkForOnePurposeDoesNotServeAnother() {
        String token = signer.sign(LinkSigner.Purpose.UNSUBSCRIBE, "follow-1", null);
        assertThat(signer.verify(LinkSigner.Purpose.UNSUBSCRIBE, token, now.plus(Duration.ofDays(3650)))).contains("follow-1");
        assertThat(signer.verify(LinkSigner.Purpose.CONFIRM, token, now)).isEmpty();
        assertThat(signer.verify(LinkSigner.Purpose.MANAGE, token, now)).isEmpty();
    }

    @Test
    void aTamperedOrForeignOrMalformedTokenIsRefused() {
        String token = signer.sign(LinkSigner.Purpose.MANAGE, "ana@ong.example", null);
        String other = new LinkSigner("another key, also sixteen bytes".getBytes(StandardCharsets.UTF_8))
                .sign(LinkSigner.Purpose.MANAGE, "ana@ong.example", null);
        assertThat(signer.verify(LinkSigner.Purpose.MANAGE, other, now)).isEmpty();
        assertThat(signer.verify(LinkSigner.Purpose.MANAGE, "x" + token, now)).isEmpty();
        assertThat(signer.verify(LinkSigner.Purpose.MANAGE, token.replace('.', '!'), now)).isEmpty();
        assertThat(signer.verify(LinkSigner.Purpose.MANAGE, "", now)).isEmpty();
        assertThat(signer.verify(LinkSigner.Purpose.MANAGE, null, now)).isEmpty();
        assertThat(signer.verify(LinkSigner.Purpose.MANAGE, "%%%.%%%", now)).isEmpty();
    }
}
