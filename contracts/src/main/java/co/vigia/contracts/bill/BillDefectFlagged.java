package co.vigia.contracts.bill;

import co.vigia.contracts.EventData;
import java.time.LocalDate;
import java.util.List;

/**
 * A possible procedural defect was flagged on a bill (e.g. a vote not announced in an earlier session, art. 160).
 * Schema v2 adds what the radar shows: the article, the facts it rests on (each with its date and source), the
 * date of the step it concerns, and whether Congress can still cure it.
 */
public record BillDefectFlagged(String billId, String defectId, String rule, String description, String causeId,
                                String article, LocalDate date, List<DefectFact> facts, Boolean curable)
        implements EventData {

    /** One fact a defect rests on. */
    public record DefectFact(LocalDate date, String text, String sourceUrl) {
    }

    public BillDefectFlagged {
        facts = facts == null ? List.of() : List.copyOf(facts);
    }

    /** The v1 payload (rule and description only). */
    public BillDefectFlagged(String billId, String defectId, String rule, String description, String causeId) {
        this(billId, defectId, rule, description, causeId, null, null, List.of(), null);
    }

    @Override
    public String subject() {
        return billId;
    }
}
