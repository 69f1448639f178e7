package co.vigia.contracts.bill;

import co.vigia.contracts.BillKind;
import co.vigia.contracts.Chamber;
import co.vigia.contracts.EventData;
import java.time.LocalDate;

/** A bill was registered in Vigía. {@code stage} is bill-service's stage name. */
public record BillRegistered(String billId, String title, BillKind kind, Chamber originChamber, String stage,
                             boolean urgent, LocalDate filedOn) implements EventData {
    @Override
    public String subject() {
        return billId;
    }
}
