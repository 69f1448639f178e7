package co.vigia.contracts.bill;

import co.vigia.contracts.EventData;
import java.time.LocalDate;

/** An entry was added to a bill's timeline. */
public record BillActionRecorded(String billId, String actionId, String actionType, LocalDate date, String text,
                                 String sourceUrl) implements EventData {
    @Override
    public String subject() {
        return billId;
    }
}
