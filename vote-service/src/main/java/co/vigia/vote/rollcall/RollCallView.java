package co.vigia.vote.rollcall;

import co.vigia.contracts.Chamber;
import co.vigia.contracts.Debate;
import co.vigia.vote.tally.AmendmentRound;
import co.vigia.vote.tally.Counts;
import co.vigia.vote.tally.PartyBreakdown;
import co.vigia.vote.tally.PartyBreakdown.PartyTally;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A roll call as the API shows it; lists leave out {@code members} and {@code parties}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RollCallView(String id, String externalId, String billId, Chamber chamber, Body body, String bodyName,
                           Debate debate, AmendmentRound round, LocalDate date, String motion, int seats,
                           boolean totalsOnly, RollCallStatus status, Counts counts, Verdict verdict,
                           Instant recordedAt, Instant talliedAt, List<MemberVote> members,
                           List<PartyTally> parties) {

    static RollCallView summary(RollCall roll) {
        return of(roll, false);
    }

    static RollCallView detail(RollCall roll) {
        return of(roll, true);
    }

    static List<PartyTally> parties(RollCall roll) {
        return PartyBreakdown.of(roll.members().stream()
                .map(m -> new PartyBreakdown.PartyVote(m.party(), m.vote())).toList());
    }

    private static RollCallView of(RollCall roll, boolean detail) {
        return new RollCallView(roll.id(), roll.externalId(), roll.billId(), roll.chamber(), roll.body(),
                roll.body().displayName(roll.chamber()), roll.debate(), roll.round(), roll.date(), roll.motion(),
                roll.seats(), roll.totalsOnly(), roll.status(), roll.counts(), roll.verdict(), roll.recordedAt(),
                roll.talliedAt(), detail ? roll.members() : null, detail ? parties(roll) : null);
    }
}
