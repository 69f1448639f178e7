package co.vigia.vote.rollcall;

import co.vigia.contracts.Chamber;
import co.vigia.contracts.Debate;
import co.vigia.starter.outbox.OutboxMessage;
import co.vigia.vote.tally.AmendmentRound;
import co.vigia.vote.tally.Counts;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A recorded roll call, its tally, and the event its tally emits, in its {@code outbox}: written in the same document
 * write as the tally (on arrival, or when its bill's facts arrive: {@link WaitingVotes}) and emptied by the relay.
 *
 * @param contentHash hash of the request as recorded: the same {@code externalId} with other content is a conflict
 * @param verdict     null while the roll call waits for its bill
 * @param sourceUrl   where the record of the vote is published, if given
 */
@Document(RollCall.COLLECTION)
@CompoundIndexes({
        @CompoundIndex(name = "member_votes", def = "{'members.memberId': 1}"),
        @CompoundIndex(name = "bill_date", def = "{'billId': 1, 'date': 1}"),
        // Serves WaitingVotes' guarded write {_id, status: WAITING_FOR_BILL}: the embedded MongoDB (mongo-java-server)
        // uses an index only for a query whose keys are exactly a unique index's, and read every roll call for each
        // vote released. Trivially unique (it holds _id) and valid on real MongoDB, where the _id index already serves
        // that query; the price there is one more index entry to maintain per roll call written.
        @CompoundIndex(name = "id_status", def = "{'_id': 1, 'status': 1}", unique = true)})
public record RollCall(
        @Id String id,
        @Indexed(unique = true) String externalId,
        String contentHash,
        String billId,
        Chamber chamber,
        Body body,
        Debate debate,
        AmendmentRound round,
        LocalDate date,
        String motion,
        int seats,
        boolean totalsOnly,
        List<MemberVote> members,
        Counts counts,
        @Indexed RollCallStatus status,
        Verdict verdict,
        Instant recordedAt,
        Instant talliedAt,
        List<OutboxMessage> outbox,
        TallyBasis basis,
        String sourceUrl) {

    public static final String COLLECTION = "roll_calls";

    public RollCall {
        members = members == null ? List.of() : members;
        outbox = outbox == null ? List.of() : outbox;
        basis = basis == null ? TallyBasis.NONE : basis;
    }

    public RollCall(String id, String externalId, String contentHash, String billId, Chamber chamber, Body body,
                    Debate debate, AmendmentRound round, LocalDate date, String motion, int seats, boolean totalsOnly,
                    List<MemberVote> members, Counts counts, RollCallStatus status, Verdict verdict, Instant recordedAt,
                    Instant talliedAt, List<OutboxMessage> outbox) {
        this(id, externalId, contentHash, billId, chamber, body, debate, round, date, motion, seats, totalsOnly,
                members, counts, status, verdict, recordedAt, talliedAt, outbox, TallyBasis.NONE, null);
    }
}
