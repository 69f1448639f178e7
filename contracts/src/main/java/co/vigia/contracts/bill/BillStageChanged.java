package co.vigia.contracts.bill;

import co.vigia.contracts.BillKind;
import co.vigia.contracts.EventData;
import java.time.LocalDate;

/**
 * A bill moved from one stage to another. {@code trigger} names what moved it (an action type, a vote
 * or an objection) and {@code causeId} the action, vote or objection id.
 */
public record BillStageChanged(String billId, BillKind kind, String from, String to, String trigger,
                               String causeId, LocalDate occurredOn) implements EventData {
    @Override
    public String subject() {
        return billId;
    }
}
