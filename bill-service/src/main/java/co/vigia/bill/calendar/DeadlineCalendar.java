package co.vigia.bill.calendar;

import co.vigia.bill.procedure.Deadline;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Categories;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.LastModified;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import net.fortuna.ical4j.validate.ValidationException;

/**
 * Constitutional deadlines as an iCalendar feed (RFC 5545, written with ical4j): one all-day VEVENT per deadline,
 * its UID stable per bill and kind ({@code <kind>.<billId>@vigia.co}), so a calendar app that subscribes updates
 * the event when the date moves (SEQUENCE and LAST-MODIFIED go up) instead of adding another. No METHOD: a feed to
 * subscribe to is not an iTIP message (METHOD:PUBLISH would also ask for an ORGANIZER, RFC 5546).
 */
public final class DeadlineCalendar {

    public static final String PRODID = "-//Vigía//Plazos constitucionales//ES";

    /** One deadline of one bill, with the bill's name and its published version. */
    public record Entry(String billId, String billLabel, Deadline deadline, DeadlineVersion version) {
    }

    private DeadlineCalendar() {
    }

    public static String uid(String billId, String kind) {
        return kind.toLowerCase().replace('_', '-') + "." + URLEncoder.encode(billId, StandardCharsets.UTF_8)
                + "@vigia.co";
    }

    public static String write(String name, List<Entry> entries, String webBaseUrl, Instant now) {
        Calendar calendar = new Calendar()
                .add(new ProdId(PRODID))
                .add(ImmutableVersion.VERSION_2_0)
                .add(ImmutableCalScale.GREGORIAN)
                .add(new XProperty("X-WR-CALNAME", name));
        for (Entry entry : entries) {
            Deadline d = entry.deadline();
            String link = webBaseUrl + "/proyectos/" + URLEncoder.encode(entry.billId(), StandardCharsets.UTF_8)
                    .replace("+", "%20");
            VEvent event = new VEvent(d.dueOn(), d.dueOn().plusDays(1), entry.billLabel() + ": vence plazo ("
                    + d.article() + ")");
            event.add(new Uid(uid(entry.billId(), d.kind().name())));
            event.replace(new DtStamp(now));
            event.add(new Sequence(entry.version().sequence()));
            event.add(new LastModified(entry.version().lastModified()));
            event.add(new Description(d.description() + " (" + d.article() + " de la Constitución). " + link));
            event.add(new Url(URI.create(link)));
            event.add(new Categories(d.article()));
            calendar.add(event);
        }
        StringWriter out = new StringWriter();
        try {
            new CalendarOutputter(true).output(calendar, out);
        } catch (IOException | ValidationException e) {
            throw new IllegalStateException("the deadlines calendar did not validate: " + e.getMessage(), e);
        }
        return out.toString();
    }
}
