package co.vigia.contracts.bill;

import co.vigia.contracts.EventData;

/** A possible procedural defect was flagged on a bill (e.g. a debate held before the art. 160 gap). */
public record BillDefectFlagged(String billId, String defectId, String rule, String description, String causeId)
        implements EventData {
    @Override
    public String subject() {
        return billId;
    }
}
