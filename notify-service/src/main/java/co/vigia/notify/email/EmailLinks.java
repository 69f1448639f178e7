package co.vigia.notify.email;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;

/**
 * Every link an email carries: confirm (signed, expiring), unsubscribe and preferences (signed, lasting as long as
 * the follow or the address), and the bill's page on the web app ({@code /proyectos/{id}}).
 */
public class EmailLinks {

    private final LinkSigner signer;
    private final String apiBaseUrl;
    private final String webBaseUrl;
    private final Duration confirmFor;
    private final Clock clock;

    public EmailLinks(LinkSigner signer, EmailProperties properties, Clock clock) {
        this.signer = signer;
        this.apiBaseUrl = properties.apiBaseUrl();
        this.webBaseUrl = properties.webBaseUrl();
        this.confirmFor = properties.confirmFor();
        this.clock = clock;
    }

    public String confirm(String address) {
        return apiBaseUrl + "/api/email/confirm?token="
                + signer.sign(LinkSigner.Purpose.CONFIRM, address, clock.instant().plus(confirmFor));
    }

    public String unsubscribe(String followId) {
        return apiBaseUrl + "/api/email/unsubscribe?token=" + signer.sign(LinkSigner.Purpose.UNSUBSCRIBE, followId, null);
    }

    public String manage(String address) {
        return apiBaseUrl + "/api/email/preferences?token=" + signer.sign(LinkSigner.Purpose.MANAGE, address, null);
    }

    public String bill(String billId) {
        return webBaseUrl + "/proyectos/" + URLEncoder.encode(billId, StandardCharsets.UTF_8).replace("+", "%20");
    }

    public LinkSigner signer() {
        return signer;
    }
}
