package co.vigia.notify.email;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The email channel's settings, under {@code vigia.email.*} (SMTP itself is Spring Boot's {@code spring.mail.*}).
 *
 * @param from            the sender of every email
 * @param webBaseUrl      the public web app, where a bill's page is {@code /proyectos/{id}}
 * @param apiBaseUrl      notify-service as the public reaches it: the confirm, unsubscribe and preferences links
 * @param linkSecret      HMAC key of the links; empty: one generated once and kept in MongoDB
 * @param confirmFor      how long a confirmation link is valid (and no second one is sent meanwhile)
 * @param perAddress      follow requests one address may cause per {@code window}
 * @param perClient       follow requests one client (IP address) may send per {@code window}
 * @param window          the rate limits' period
 * @param pollInterval    how often the sender looks for due emails
 * @param lease           how long a claimed email stays claimed (a crashed sender's email is sent again after it)
 * @param digestInterval  how often the digest job checks whose hour has come
 * @param billServiceUrl  where bill facts (number, title, topics, deadlines) are read from
 */
@ConfigurationProperties("vigia.email")
public record EmailProperties(
        @DefaultValue("Vigía <alertas@vigia.localhost>") String from,
        @DefaultValue("http://localhost:8080") String webBaseUrl,
        @DefaultValue("http://localhost:8083") String apiBaseUrl,
        @DefaultValue("") String linkSecret,
        @DefaultValue("48h") Duration confirmFor,
        @DefaultValue("3") int perAddress,
        @DefaultValue("20") int perClient,
        @DefaultValue("1h") Duration window,
        @DefaultValue("1s") Duration pollInterval,
        @DefaultValue("60s") Duration lease,
        @DefaultValue("60s") Duration digestInterval,
        @DefaultValue("http://localhost:8081") String billServiceUrl) {

    public EmailProperties {
        webBaseUrl = trim(webBaseUrl);
        apiBaseUrl = trim(apiBaseUrl);
        billServiceUrl = trim(billServiceUrl);
    }

    private static String trim(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
