package co.vigia.web.portal;

import co.vigia.web.portal.NotifyViews.Outcome;
import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.util.UriBuilder;

/**
 * The delivery log's filters as the form has them: an outcome, an event type, a bill, and days (Bogotá's) from and
 * to, both included. Empty fields filter nothing.
 */
public record DeliveryLogFilter(Outcome outcome, String eventType, String billId,
                                @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {

    static final int LIMIT = 100;

    public DeliveryLogFilter {
        eventType = blankToNull(eventType);
        billId = blankToNull(billId);
    }

    public boolean isEmpty() {
        return outcome == null && eventType == null && billId == null && from == null && to == null;
    }

    /** Whether the days are the wrong way round (the log would be empty whatever it held). */
    public boolean backwards() {
        return from != null && to != null && to.isBefore(from);
    }

    /** notify-service's query: from the start of {@code from} to the start of the day after {@code to}. */
    UriBuilder apply(UriBuilder uri, ZoneId zone) {
        uri.queryParam("limit", LIMIT);
        if (outcome != null) {
            uri.queryParam("status", outcome.name());
        }
        if (eventType != null) {
            uri.queryParam("eventType", eventType);
        }
        if (billId != null) {
            uri.queryParam("billId", billId);
        }
        if (from != null) {
            uri.queryParam("from", from.atStartOfDay(zone).toInstant().toString());
        }
        if (to != null) {
            uri.queryParam("to", to.plusDays(1).atStartOfDay(zone).toInstant().toString());
        }
        return uri;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
