package co.vigia.bill.calendar;

import java.time.Instant;
import java.time.LocalDate;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The published version of one deadline of one bill (id {@code <billId>:<KIND>}): the date last published, its
 * iCalendar SEQUENCE and LAST-MODIFIED. When the date moves the sequence goes up, so a calendar app that imported
 * the event updates it rather than keeping the old one.
 */
@Document("deadline_versions")
public record DeadlineVersion(@Id String id, LocalDate dueOn, int sequence, Instant lastModified) {
}
