package co.vigia.vote.billfacts;

import co.vigia.contracts.BillKind;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One bill in the local read model fed by {@code bill-events}. {@code appliedEventIds} holds the ids of the
 * last events applied, written in the same document write as the change they made, so a re-delivered event
 * is recognised and skipped.
 */
@Document(BillFactsDocument.COLLECTION)
// Serves the @Version check of every save ({_id, version}): the embedded MongoDB (mongo-java-server) uses an index only
// for a query whose keys are exactly a unique index's, and otherwise reads every bill's facts for each bill event.
// Trivially unique (it holds _id) and valid on real MongoDB, where the _id index already serves that query; the price
// there is one more index entry to maintain per write.
@CompoundIndex(name = "cas", def = "{'_id': 1, 'version': 1}", unique = true)
public record BillFactsDocument(@Id String billId, BillKind kind, String stage, LocalDate filedOn,
                                List<String> appliedEventIds, Instant updatedAt, @Version Long version) {

    public static final String COLLECTION = "bill_facts";

    /** Enough to recognise re-deliveries: Kafka re-sends recent records, not ancient ones. */
    static final int REMEMBERED_EVENTS = 100;

    public BillFactsDocument {
        appliedEventIds = appliedEventIds == null ? List.of() : List.copyOf(appliedEventIds);
    }

    public BillFacts facts() {
        return new BillFacts(billId, kind, stage, filedOn);
    }
}
