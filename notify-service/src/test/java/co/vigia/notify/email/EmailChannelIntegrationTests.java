package co.vigia.notify.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import co.vigia.contracts.BillKind;
import co.vigia.contracts.Chamber;
import co.vigia.contracts.CloudEvent;
import co.vigia.contracts.Debate;
import co.vigia.contracts.EventCodec;
import co.vigia.contracts.EventData;
import co.vigia.contracts.VoteOutcome;
import co.vigia.contracts.bill.BillStageChanged;
import co.vigia.contracts.vote.VoteTallied;
import co.vigia.devstack.test.WithTestInfrastructure;
import co.vigia.notify.Api;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The email channel on a real SMTP server (GreenMail in-process), real Kafka and MongoDB: double opt-in, the alert's
 * MIME structure and headers in both languages, one-click unsubscribe, the digest, and a temporary and a permanent
 * SMTP failure.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "vigia.security.operator-key=" + EmailChannelIntegrationTests.OPERATOR,
        "vigia.email.api-base-url=" + EmailChannelIntegrationTests.LINKS,
        "vigia.email.poll-interval=200ms",
        "vigia.email.digest-interval=1h",
        "vigia.email.per-client=1000",
        "vigia.webhooks.retry-schedule=0s,1s,1s,1s,1s,1s,1s",
        "spring.kafka.consumer.group-id=notify-email-it-${random.uuid}",
        "vigia.email.consumer-group=notify-email-it-${random.uuid}"})
@WithTestInfrastructure
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EmailChannelIntegrationTests {

    static final String OPERATOR = "operator-key-for-email-tests";
    /** Links in emails point here; the test sends them to this server instead. */
    static final String LINKS = "http://links.test";
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    static final RejectingGreenMail SMTP = new RejectingGreenMail(new ServerSetup(0, "127.0.0.1", "smtp"));
    static final FakeBillService BILLS;

    static {
        SMTP.start();
        try {
            BILLS = new FakeBillService();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
        registry.add("vigia.email.bill-service-url", BILLS::url);
    }

    @LocalServerPort
    int port;

    @Autowired
    KafkaTemplate<String, String> kafka;

    private Api api;

    @BeforeAll
    void setUp() {
        api = new Api("http://localhost:" + port);
    }

    @AfterAll
    void tearDown() {
        SMTP.stop();
        BILLS.close();
    }

    @Test
    void oneConfirmationThenTheAlertWithItsHeadersAndOneClickUnsubscribe() throws Exception {
        String bill = bill("288/2023", "[\"sometimiento\"]", "[]");
        String address = address("ana");
        String first = follow(address, bill, "INSTANT", "ES");
        String again = follow(address, bill, "INSTANT", "ES");
        assertThat(again).isEqualTo(first);
        MimeMessage confirmation = awaitMessages(address, 1).getFirst();
        assertThat(confirmation.getSubject()).isEqualTo("Confirme sus alertas de Vigía");
        assertThat(confirmation.getHeader("List-Unsubscribe")).isNull();

        // nothing but the confirmation before the link is followed
        publish(stageChanged(bill, "FIRST_DEBATE", "ASSIGNED_TO_COMMITTEE"));
        Thread.sleep(2_000);
        assertThat(messagesTo(address)).hasSize(1);

        HttpResponse<String> confirmed = get(link(text(confirmation), "confirm"));
        assertThat(confirmed.statusCode()).isEqualTo(200);
        assertThat(confirmed.body()).contains("activas");

        CloudEvent lapsed = publish(stageChanged(bill, "ARCHIVED", "LAPSED"));
        MimeMessage alert = awaitMessages(address, 2).get(1);
        assertThat(alert.getSubject()).isEqualTo("Proyecto 288/2023 Senado: archivado por vencimiento de términos");
        assertThat(alert.getMessageID()).isEqualTo(MessageIds.of(lapsed.id(), address, "vigia.localhost"));
        assertThat(alert.getHeader("List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");
        String unsubscribe = alert.getHeader("List-Unsubscribe")[0];
        assertThat(unsubscribe).startsWith("<" + LINKS + "/api/email/unsubscribe?token=").endsWith(">");
        MimeMultipart parts = (MimeMultipart) alert.getContent();
        assertThat(parts.getContentType()).startsWith("multipart/alternative");
        assertThat(parts.getCount()).isEqualTo(2);
        assertThat(parts.getBodyPart(0).getContentType()).startsWith("text/plain").containsIgnoringCase("utf-8");
        assertThat(parts.getBodyPart(1).getContentType()).startsWith("text/html");
        String text = (String) parts.getBodyPart(0).getContent();
        String html = (String) parts.getBodyPart(1).getContent();
        assertThat(text).contains("art. 162", "http://localhost:8080/proyectos/" + bill, "/api/email/preferences?token=");
        assertThat(html).contains("href=\"http://localhost:8080/proyectos/" + bill + "\"").doesNotContain("<img", "<script");

        HttpResponse<String> preferences = get(link(text, "preferences"));
        assertThat(preferences.statusCode()).isEqualTo(200);
        assertThat(preferences.body()).contains(address, "proyectos: " + bill, "[active]", "method=\"post\"");
        assertThat(get(link(text, "preferences").replace("token=", "token=x")).statusCode()).isEqualTo(400);

        // a GET of the link (a mail scanner's) only shows a button; one click (RFC 8058) is a POST of the header's
        // URL with nothing but the standard body
        String url = local(unsubscribe.substring(1, unsubscribe.length() - 1));
        HttpResponse<String> page = get(url);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<form method=\"post\"");
        HttpResponse<String> left = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(left.statusCode()).isEqualTo(200);
        publish(stageChanged(bill, "SANCTIONED", "SANCTIONED"));
        Thread.sleep(2_000);
        assertThat(subjects(address)).hasSize(2);
    }

    @Test
    void englishAlertsForAVote() throws Exception {
        String bill = bill("12/2024", "[]", "[]");
        String address = address("tom");
        follow(address, bill, "INSTANT", "EN");
        MimeMessage confirmation = awaitMessages(address, 1).getFirst();
        assertThat(confirmation.getSubject()).isEqualTo("Confirm your Vigía alerts");
        assertThat(get(link(text(confirmation), "confirm")).statusCode()).isEqualTo(200);
        publish(new VoteTallied("vote-" + bill, "g-1", bill, Chamber.SENATE, "Comisión Primera", Debate.FIRST,
                LocalDate.of(2023, 5, 2), 19, 12, 3, 0, 4, 0, true, "SIMPLE", 8, VoteOutcome.PASSED, false));
        MimeMessage alert = awaitMessages(address, 2).get(1);
        assertThat(alert.getSubject()).isEqualTo("Bill 12/2024 Senate: vote in Comisión Primera: passed");
        assertThat(text(alert)).contains("Yes 12, No 3", "See the bill", "Stop these emails");
    }

    @Test
    void theSameAnswerForAFollowedAddressAndANewOne_andBadInputIsAProblem() throws Exception {
        String bill = bill("13/2024", "[]", "[]");
        String followed = address("followed");
        follow(followed, bill, "INSTANT", "ES");
        get(link(text(awaitMessages(followed, 1).getFirst()), "confirm"));
        assertThat(follow(followed, bill, "INSTANT", "ES")).isEqualTo(follow(address("new"), bill, "INSTANT", "ES"));

        Api.Response bad = api.post("/api/email/follows", null, "{\"address\":\"not an address\"}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.contentType()).startsWith("application/problem+json");
        assertThat(bad.body().path("errors").get(0).path("field").asString()).isEqualTo("address");
        Api.Response hour = api.post("/api/email/follows", null, "{\"address\":\"a@b.example\",\"digestHour\":24}");
        assertThat(hour.status()).isEqualTo(400);
        assertThat(hour.body().toString()).contains("digestHour");

        String flooded = address("flood");
        for (int i = 0; i < 3; i++) {
            assertThat(api.post("/api/email/follows", null, body(flooded, bill, "INSTANT", "ES")).status()).isEqualTo(202);
        }
        HttpResponse<String> limited = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/api/email/follows")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body(flooded, bill, "INSTANT", "ES"))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).isPresent();
        assertThat(limited.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        awaitMessages(flooded, 1);
        Thread.sleep(1_000);
        assertThat(messagesTo(flooded)).hasSize(1);
    }

    @Test
    void theDigestGroupsTheDayByBillWithTheComingDeadlines_andAQuietDaySendsNothing() throws Exception {
        LocalDate tomorrow = LocalDate.now(DigestJob.BOGOTA).plusDays(1);
        String bill = bill("288/2023", "[\"sometimiento\"]", "[{\"kind\":\"LEGISLATURE_LIMIT\",\"dueOn\":\""
                + tomorrow.plusDays(5) + "\",\"article\":\"art. 162\",\"description\":\"fin de la legislatura\"},"
                + "{\"kind\":\"URGENCY_WINDOW\",\"dueOn\":\"" + tomorrow.plusDays(40) + "\",\"article\":\"art. 163\","
                + "\"description\":\"urgencia\"}]");
        String quietBill = bill("14/2024", "[]", "[]");
        String address = address("digest");
        String quiet = address("quiet");
        api.post("/api/email/follows", null, "{\"address\":\"" + address + "\",\"topics\":[\"sometimiento\"],"
                + "\"cadence\":\"DAILY\",\"digestHour\":7}");
        follow(quiet, quietBill, "DAILY", "ES");
        get(link(text(awaitMessages(address, 1).getFirst()), "confirm"));
        get(link(text(awaitMessages(quiet, 1).getFirst()), "confirm"));
        publish(stageChanged(bill, "FIRST_DEBATE", "ASSIGNED_TO_COMMITTEE"));
        publish(stageChanged(bill, "SECOND_DEBATE", "DEBATE_HELD"));
        Thread.sleep(1_500);
        assertThat(messagesTo(address)).hasSize(1);

        Instant seven = tomorrow.atTime(7, 0).atZone(DigestJob.BOGOTA).toInstant();
        Api.Response run = api.post("/api/ops/email/digests", OPERATOR, "{\"at\":\"" + seven + "\"}");
        assertThat(run.status()).isEqualTo(200);
        assertThat(run.body().path("created").asInt()).as(run.body().toString()).isEqualTo(1);
        MimeMessage digest = awaitMessages(address, 2).get(1);
        assertThat(digest.getSubject()).isEqualTo("Vigía, resumen del " + tomorrow + ": 2 novedades, 1 plazo próximo");
        String text = text(digest);
        assertThat(text).contains("Proyecto 288/2023 Senado", "pasa a primer debate", "pasa a segundo debate",
                "fin de la legislatura (art. 162), vence en 5 días").doesNotContain("urgencia");
        assertThat(text.indexOf("pasa a primer debate")).isLessThan(text.indexOf("pasa a segundo debate"));
        assertThat(digest.getHeader("List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");

        // the same run again, and the quiet follower's day: nothing more
        api.post("/api/ops/email/digests", OPERATOR, "{\"at\":\"" + seven.plusSeconds(60) + "\"}");
        Thread.sleep(1_500);
        assertThat(messagesTo(address)).hasSize(2);
        assertThat(messagesTo(quiet)).hasSize(1);
    }

    @Test
    void aTemporaryFailureIsRetriedAndAPermanentOneSuspendsTheAddress() throws Exception {
        String bill = bill("15/2024", "[]", "[]");
        String later = address("later");
        String gone = address("gone");
        SMTP.reject(later, "450 4.2.1 mailbox busy, try later");
        follow(later, bill, "INSTANT", "ES");
        follow(gone, bill, "INSTANT", "ES");
        get(link(text(awaitMessages(gone, 1).getFirst()), "confirm"));
        Thread.sleep(1_500);
        assertThat(messagesTo(later)).isEmpty();
        assertThat(api.get("/api/ops/email", OPERATOR).body().path("failing").asLong()).isGreaterThanOrEqualTo(1);
        SMTP.accept(later);
        get(link(text(awaitMessages(later, 1).getFirst()), "confirm"));

        SMTP.reject(gone, "550 5.1.1 no such mailbox");
        publish(stageChanged(bill, "FIRST_DEBATE", "ASSIGNED_TO_COMMITTEE"));
        awaitMessages(later, 2);
        await().atMost(WAIT).until(() -> api.get("/api/ops/email", OPERATOR).body().toString().contains(gone));
        Api.Response report = api.get("/api/ops/email", OPERATOR);
        assertThat(report.body().path("suspendedAddresses").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(report.body().toString()).contains("550 5.1.1");
        SMTP.accept(gone);
        publish(stageChanged(bill, "SECOND_DEBATE", "DEBATE_HELD"));
        awaitMessages(later, 3);
        Thread.sleep(1_000);
        assertThat(messagesTo(gone)).hasSize(1);
        assertThat(api.get("/api/ops/email", null).status()).isEqualTo(401);
    }

    @Test
    void theServerDownIsRetriedUntilItIsBack() throws Exception {
        String bill = bill("16/2024", "[]", "[]");
        String address = address("refused");
        int smtpPort = SMTP.getSmtp().getPort();
        SMTP.stop();
        try {
            follow(address, bill, "INSTANT", "ES");
            Thread.sleep(1_500);
        } finally {
            SMTP.restartOn(smtpPort);
        }
        assertThat(awaitMessages(address, 1).getFirst().getSubject()).isEqualTo("Confirme sus alertas de Vigía");
    }

    private String bill(String number, String topics, String deadlines) {
        String id = "bill-" + UUID.randomUUID().toString().substring(0, 8);
        BILLS.bill(id, number, topics, deadlines);
        return id;
    }

    private static String address(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@ong.example";
    }

    private static String body(String address, String bill, String cadence, String language) {
        return "{\"address\":\"" + address + "\",\"billIds\":[\"" + bill + "\"],\"cadence\":\"" + cadence
                + "\",\"language\":\"" + language + "\"}";
    }

    private String follow(String address, String bill, String cadence, String language) {
        Api.Response response = api.post("/api/email/follows", null, body(address, bill, cadence, language));
        assertThat(response.status()).isEqualTo(202);
        return response.body().toString();
    }

    private CloudEvent publish(EventData data) throws Exception {
        CloudEvent event = EventCodec.create("/vigia/test", data, Instant.now());
        kafka.send(event.knownType().orElseThrow().topic(), event.subject(), EventCodec.write(event)).get();
        return event;
    }

    private static BillStageChanged stageChanged(String billId, String to, String trigger) {
        return new BillStageChanged(billId, BillKind.ORDINARY, "FILED", to, trigger, null, LocalDate.of(2023, 6, 20));
    }

    private static List<MimeMessage> messagesTo(String address) {
        return Arrays.stream(SMTP.getReceivedMessages()).filter(m -> {
            try {
                return m.getRecipients(Message.RecipientType.TO)[0].toString().equals(address);
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private static List<String> subjects(String address) {
        return messagesTo(address).stream().map(m -> {
            try {
                return m.getSubject();
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private static List<MimeMessage> awaitMessages(String address, int count) {
        await().atMost(WAIT).until(() -> messagesTo(address).size() >= count);
        return messagesTo(address);
    }

    static String text(MimeMessage message) throws Exception {
        return (String) ((MimeMultipart) message.getContent()).getBodyPart(0).getContent();
    }

    private String link(String text, String what) {
        Matcher matcher = Pattern.compile(Pattern.quote(LINKS) + "/api/email/" + what + "\\?token=\\S+").matcher(text);
        assertThat(matcher.find()).as("a %s link in %s", what, text).isTrue();
        return local(matcher.group());
    }

    private String local(String url) {
        return url.replace(LINKS, "http://localhost:" + port);
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
