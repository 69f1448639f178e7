package co.vigia.bill.bill;

import co.vigia.bill.procedure.ActionType;
import co.vigia.bill.procedure.Stage;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One line of a bill's timeline. {@code date} is when it happened in Congress; {@code recordedAt}
 * when Vigía learnt it. {@code causeId} is the vote or objection id for entries from events. {@code approximate}
 * is true when the source gives the date only roughly ("about 13 September").
 */
public record TimelineEntry(String id, LocalDate date, EntryType type, ActionType action, String text,
                            String sourceUrl, String recordedBy, String causeId, Stage stageAfter,
                            Instant recordedAt, Boolean approximate) {

    public TimelineEntry {
        approximate = Boolean.TRUE.equals(approximate);
    }

    /** The type as published in events and feeds: the action's name for operator actions. */
    public String typeName() {
        return type == EntryType.ACTION && action != null ? action.name() : type.name();
    }
}
