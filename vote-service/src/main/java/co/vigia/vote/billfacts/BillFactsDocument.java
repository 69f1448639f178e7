package co.vigia.vote.billfacts;

import co.vigia.contracts.BillKind;
import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One bill in the local read model fed by {@code bill-events}. {@code appliedEventIds} holds the ids of the
 * last events applied, written in the same document write as the change they made, so a re-delivered event
 * is recognised and skipped.
 */
@Document(BillFactsDocument.COLLECTION)
public record BillFactsDocument(@Id String billId, BillKind kind, String stage, List<String> appliedEventIds,
                                Instant updatedAt, @Version Long version) {

    public static final String COLLECTION = "bill_facts";

    /** Enough to recognise re-deliveries: Kafka re-sends recent records, not ancient ones. */
    static final int REMEMBERED_EVENTS = 100;

    public BillFactsDocument {
        appliedEventIds = appliedEventIds == null ? List.of() : List.copyOf(appliedEventIds);
    }

    public BillFacts facts() {
        return new BillFacts(billId, kind, stage);
    }
}
