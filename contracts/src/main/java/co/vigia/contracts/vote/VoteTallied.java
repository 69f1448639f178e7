package co.vigia.contracts.vote;

import co.vigia.contracts.Chamber;
import co.vigia.contracts.Debate;
import co.vigia.contracts.EventData;
import co.vigia.contracts.VoteOutcome;
import java.time.LocalDate;

/**
 * A roll call was tallied. {@code requiredMajority} names the rule applied (vote-service's majority name),
 * {@code votesNeeded} the YES votes it required; {@code totalsOnly} is true when no member names were given.
 * Schema v2 adds {@code majoritySource} (the articles behind the majority) and {@code countsComplete}: false for an
 * ordinary vote (Ley 1431 de 2011) recorded by its declared result, whose counts are only those the record gives
 * (a count the record does not give is 0 and must not be read as a count), and {@code sourceUrl}, where the vote's
 * record is published.
 */
public record VoteTallied(String voteId, String externalId, String billId, Chamber chamber, String body,
                          Debate debate, LocalDate date, int seats, int yes, int no, int abstain, int absent,
                          int excused, boolean quorumPresent, String requiredMajority, int votesNeeded,
                          VoteOutcome outcome, boolean totalsOnly, String majoritySource, Boolean countsComplete,
                          String sourceUrl)
        implements EventData {

    /** The v1 payload. */
    public VoteTallied(String voteId, String externalId, String billId, Chamber chamber, String body, Debate debate,
                       LocalDate date, int seats, int yes, int no, int abstain, int absent, int excused,
                       boolean quorumPresent, String requiredMajority, int votesNeeded, VoteOutcome outcome,
                       boolean totalsOnly) {
        this(voteId, externalId, billId, chamber, body, debate, date, seats, yes, no, abstain, absent, excused,
                quorumPresent, requiredMajority, votesNeeded, outcome, totalsOnly, null, null, null);
    }

    /** False only for an ordinary vote recorded by its declared result; true when absent (v1). */
    public boolean countsKnown() {
        return !Boolean.FALSE.equals(countsComplete);
    }

    @Override
    public String subject() {
        return billId;
    }
}
