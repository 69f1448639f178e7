package co.vigia.contracts.vote;

import co.vigia.contracts.Chamber;
import co.vigia.contracts.Debate;
import co.vigia.contracts.EventData;
import co.vigia.contracts.VoteOutcome;
import java.time.LocalDate;

/**
 * A roll call was tallied. {@code requiredMajority} names the rule applied (vote-service's majority name),
 * {@code votesNeeded} the YES votes it required; {@code totalsOnly} is true when no member names were given.
 */
public record VoteTallied(String voteId, String externalId, String billId, Chamber chamber, String body,
                          Debate debate, LocalDate date, int seats, int yes, int no, int abstain, int absent,
                          int excused, boolean quorumPresent, String requiredMajority, int votesNeeded,
                          VoteOutcome outcome, boolean totalsOnly) implements EventData {
    @Override
    public String subject() {
        return billId;
    }
}
