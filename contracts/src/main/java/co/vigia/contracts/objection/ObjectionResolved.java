package co.vigia.contracts.objection;

import co.vigia.contracts.EventData;
import java.time.LocalDate;

/** A formal objection was resolved. */
public record ObjectionResolved(String objectionId, String billId, ObjectionKind kind,
                                ObjectionResolution resolution, LocalDate date) implements EventData {
    @Override
    public String subject() {
        return billId;
    }
}
