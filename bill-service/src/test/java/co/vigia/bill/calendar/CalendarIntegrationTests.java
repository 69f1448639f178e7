package co.vigia.bill.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import co.vigia.bill.support.ItClient;
import co.vigia.devstack.test.WithTestInfrastructure;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The deadlines feeds read back with ical4j's own parser and validator, as a calendar app imports them: one VEVENT
 * per deadline with its article and a link, a UID that stays when the date moves while SEQUENCE goes up, and the
 * topic and whole feeds carrying the same event.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"vigia.security.operator-key=" + ItClient.OPERATOR_KEY,
                "vigia.calendar.web-base-url=https://vigia.example"})
@WithTestInfrastructure
class CalendarIntegrationTests {

    @LocalServerPort
    int port;
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    @Test
    void art163_theUrgencyWindowIsAnEventThatMovesWithItsUidKept() throws Exception {
        ItClient client = new ItClient(port, bootstrapServers);
        String id = ItClient.uniqueId("it-ics");
        client.post("/api/bills", ItClient.newBill(id).replace("\"paz-total\"", "\"" + id + "-topic\""));
        client.post("/api/bills/" + id + "/actions", "{\"type\":\"URGENCY_MESSAGE\",\"date\":\"2023-03-20\"}");

        HttpResponse<String> first = client.get("/api/bills/" + id + "/deadlines.ics");
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/calendar");
        assertThat(first.headers().firstValue("Cache-Control").orElseThrow()).contains("public", "max-age=300");
        Calendar calendar = parse(first.body());
        VEvent urgency = event(calendar, "urgency-window." + id + "@vigia.co");
        assertThat(value(urgency, Property.DTSTART)).isEqualTo("20230419");
        assertThat(value(urgency, Property.DTEND)).isEqualTo("20230420");
        assertThat(value(urgency, Property.SEQUENCE)).isEqualTo("0");
        assertThat(value(urgency, Property.SUMMARY)).contains("art. 163");
        assertThat(value(urgency, Property.DESCRIPTION)).contains("art. 163", "https://vigia.example/proyectos/" + id);
        assertThat(value(urgency, Property.URL)).isEqualTo("https://vigia.example/proyectos/" + id);
        String modified = value(urgency, Property.LAST_MODIFIED);

        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertThat(client.send("GET", "/api/bills/" + id + "/deadlines.ics", null, null, Map.of("If-None-Match", etag))
                .statusCode()).isEqualTo(304);
        assertThat(event(parse(client.get("/api/bills/" + id + "/deadlines.ics").body()),
                "urgency-window." + id + "@vigia.co").getProperty(Property.SEQUENCE).orElseThrow().getValue())
                .isEqualTo("0");

        // a new message of urgency moves the window: the same event, a higher sequence (LAST-MODIFIED has seconds)
        Thread.sleep(1_100);
        client.post("/api/bills/" + id + "/actions", "{\"type\":\"URGENCY_MESSAGE\",\"date\":\"2023-04-03\"}");
        Calendar moved = parse(client.get("/api/bills/" + id + "/deadlines.ics").body());
        VEvent again = event(moved, "urgency-window." + id + "@vigia.co");
        assertThat(value(again, Property.DTSTART)).isEqualTo("20230503");
        assertThat(value(again, Property.SEQUENCE)).isEqualTo("1");
        assertThat(value(again, Property.LAST_MODIFIED)).isGreaterThan(modified);
        assertThat(moved.getComponents(Component.VEVENT).stream()
                .filter(e -> value((VEvent) e, Property.UID).startsWith("urgency-window." + id))).hasSize(1);

        Calendar topic = parse(client.get("/api/topics/" + id + "-topic/deadlines.ics").body());
        assertThat(topic.getComponents(Component.VEVENT)).isNotEmpty()
                .allMatch(e -> value((VEvent) e, Property.UID).endsWith("." + id + "@vigia.co"));
        assertThat(value(event(topic, "urgency-window." + id + "@vigia.co"), Property.SEQUENCE)).isEqualTo("1");
        Calendar all = parse(client.get("/api/deadlines.ics").body());
        assertThat(value(event(all, "urgency-window." + id + "@vigia.co"), Property.DTSTART)).isEqualTo("20230503");
    }

    @Test
    void anUnknownBillIsAProblemNotAnEmptyCalendar() {
        ItClient client = new ItClient(port, bootstrapServers);
        HttpResponse<String> missing = client.get("/api/bills/no-such-bill/deadlines.ics");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
    }

    /** Parsed by ical4j's builder and validated by its RFC 5545 validator, as a calendar app would import it. */
    private static Calendar parse(String body) throws Exception {
        assertThat(body).startsWith("BEGIN:VCALENDAR\r\n").contains("\r\nVERSION:2.0\r\n", "PRODID:");
        Calendar calendar = new CalendarBuilder().build(new StringReader(body));
        assertThat(calendar.validate().hasErrors()).as(calendar.validate().toString()).isFalse();
        return calendar;
    }

    private static VEvent event(Calendar calendar, String uid) {
        List<VEvent> events = calendar.getComponents(Component.VEVENT).stream().map(VEvent.class::cast)
                .filter(e -> value(e, Property.UID).equals(uid)).toList();
        assertThat(events).as("events with UID %s in%n%s", uid, calendar).hasSize(1);
        return events.getFirst();
    }

    private static String value(VEvent event, String property) {
        return event.getProperty(property).map(Property::getValue).orElse("");
    }
}
