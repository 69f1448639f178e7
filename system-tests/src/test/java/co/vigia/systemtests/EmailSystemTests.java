package co.vigia.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import co.vigia.devstack.Ports;
import co.vigia.devstack.Service;
import co.vigia.testsupport.TestStack;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Following the submission bill by email, across the services as processes and the local SMTP server (GreenMail):
 * one confirmation, the alert when its stage changes, the next day's digest, leaving with one click; and
 * notify-service SIGKILLed after the SMTP server took an email and before notify recorded it.
 */
class EmailSystemTests {

    private static final ZoneId BOGOTA = ZoneId.of("America/Bogota");
    private static final String BILL = "sujecion-prueba";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    static TestStack stack;
    static SmtpRelay relay;
    static Vigia vigia;

    @BeforeAll
    static void start() throws Exception {
        int smtp = Ports.free();
        relay = new SmtpRelay(smtp);
        // notify reaches SMTP through the relay, whose lease of a crashed send ends after 5 s
        // no webhook receiver here: a free port nobody listens on
        stack = SystemStack.start("email", Ports.free(), Map.of("SPRING_MAIL_PORT", String.valueOf(relay.port()),
                "VIGIA_EMAIL_LEASE", "5s", "VIGIA_EMAIL_DIGEST_INTERVAL", "1h"), config -> config.smtpPort(smtp));
        vigia = new Vigia(stack, null);
        // a bill of the test's own, filed as the submission bill was: the record's bill is archived by its seed
        vigia.bill(BILL, "Sujeción a la justicia de estructuras armadas (prueba)", "2023-03-15");
    }

    @AfterAll
    static void stop() throws Exception {
        if (stack != null) {
            stack.close();
        }
        if (relay != null) {
            relay.close();
        }
    }

    @Test
    void aPersonFollowsTheSubmissionBillConfirmsGetsTheAlertAndTheDigestAndLeavesWithOneClick() throws Exception {
        String ana = "ana@fundacion-paz.example";
        stack.notify.as(null).post("/api/email/follows", Map.of("address", ana, "billIds", List.of(BILL),
                "cadence", "INSTANT", "language", "ES")).expect(202);
        stack.notify.as(null).post("/api/email/follows", Map.of("address", ana, "topics", List.of(Vigia.TOPIC),
                "cadence", "DAILY", "digestHour", 7, "language", "ES")).expect(202);
        MimeMessage confirmation = awaitMessages(ana, 1).getFirst();
        assertThat(confirmation.getSubject()).isEqualTo("Confirme sus alertas de Vigía");
        // rendered at the first request; the second rides on the same link (the digest below shows it was confirmed)
        assertThat(text(confirmation)).contains("proyectos: " + BILL);
        Thread.sleep(1_500);
        assertThat(messagesTo(ana)).as("one confirmation for both requests").hasSize(1);
        HttpResponse<String> confirmed = HTTP.send(HttpRequest.newBuilder(URI.create(link(text(confirmation), "confirm")))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(confirmed.statusCode()).isEqualTo(200);

        vigia.action(BILL, "ASSIGNED_TO_COMMITTEE", "2023-03-22", "Comisión Primera del Senado");
        MimeMessage alert = awaitMessages(ana, 2).get(1);
        assertThat(alert.getSubject()).endsWith(": pasa a primer debate (comisión)");
        assertThat(text(alert)).contains("/proyectos/" + BILL);
        assertThat(alert.getHeader("List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");

        LocalDate tomorrow = LocalDate.now(BOGOTA).plusDays(1);
        String seven = tomorrow.atTime(7, 0).atZone(BOGOTA).toInstant().toString();
        assertThat(stack.notify.post("/api/ops/email/digests", Map.of("at", seven)).expect(200).json()
                .path("created").asInt()).isEqualTo(1);
        MimeMessage digest = awaitMessages(ana, 3).get(2);
        assertThat(digest.getSubject()).isEqualTo("Vigía, resumen del " + tomorrow + ": 1 novedad");
        assertThat(text(digest)).contains("pasa a primer debate");

        oneClick(alert);
        oneClick(digest);
        vigia.action(BILL, "URGENCY_MESSAGE", "2023-03-28", "Mensaje de urgencia");
        String dayAfter = tomorrow.plusDays(1).atTime(7, 0).atZone(BOGOTA).toInstant().toString();
        assertThat(stack.notify.post("/api/ops/email/digests", Map.of("at", dayAfter)).expect(200).json()
                .path("created").asInt()).isZero();
        Thread.sleep(3_000);
        assertThat(messagesTo(ana)).as("nothing after leaving").hasSize(3);
    }

    @Test
    void notifyKilledBetweenSendingAndRecordingSendsTheSameMessageOnceMore() throws Exception {
        String bea = "bea@observatorio.example";
        relay.holdAcceptance();
        stack.notify.as(null).post("/api/email/follows", Map.of("address", bea, "billIds", List.of(BILL)))
                .expect(202);
        relay.awaitHeld();
        assertThat(messagesTo(bea)).as("the server has it; notify was not told").hasSize(1);
        stack.kill(Service.NOTIFY);
        relay.release();
        stack.restart(Service.NOTIFY);

        List<MimeMessage> both = awaitMessages(bea, 2);
        assertThat(both.get(1).getMessageID()).isEqualTo(both.get(0).getMessageID());
        assertThat(both.get(1).getSubject()).isEqualTo(both.get(0).getSubject());
        Thread.sleep(7_000);
        assertThat(messagesTo(bea)).as("recorded the second time: no third").hasSize(2);
        assertThat(stack.notify.get("/api/ops/email").expect(200).json().path("failing").asInt()).isZero();
    }

    private static void oneClick(MimeMessage message) throws Exception {
        String header = message.getHeader("List-Unsubscribe")[0];
        HttpResponse<String> left = HTTP.send(HttpRequest.newBuilder(URI.create(header.substring(1, header.length() - 1)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(left.statusCode()).as(left.body()).isEqualTo(200);
    }

    private static List<MimeMessage> messagesTo(String address) {
        return stack.devstack().mail().received().stream().filter(m -> {
            try {
                return m.getRecipients(Message.RecipientType.TO)[0].toString().equals(address);
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private static List<MimeMessage> awaitMessages(String address, int count) {
        await().atMost(60, TimeUnit.SECONDS).until(() -> messagesTo(address).size() >= count);
        return messagesTo(address);
    }

    private static String text(MimeMessage message) throws Exception {
        return (String) ((MimeMultipart) message.getContent()).getBodyPart(0).getContent();
    }

    private static String link(String text, String what) {
        Matcher matcher = Pattern.compile("http://localhost:\\d+/api/email/" + what + "\\?token=\\S+").matcher(text);
        assertThat(matcher.find()).as(text).isTrue();
        return matcher.group();
    }
}
