package co.vigia.vote.tally;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Votes per party in one roll call and each party's cohesion, measured as the Rice index:
 * {@code |YES - NO| / (YES + NO)}, 1 when the party voted as one, 0 when it split in half; {@code null} when
 * none of its members voted yes or no.
 */
public final class PartyBreakdown {

    /** Party name used for members recorded without one. */
    public static final String NO_PARTY = "(sin partido)";

    private PartyBreakdown() {
    }

    public record PartyVote(String party, VoteChoice choice) {
    }

    public record PartyTally(String party, Counts counts, Double cohesion) {
    }

    public static List<PartyTally> of(List<PartyVote> votes) {
        Map<String, Counts> byParty = new LinkedHashMap<>();
        for (PartyVote vote : votes) {
            String party = vote.party() == null || vote.party().isBlank() ? NO_PARTY : vote.party();
            byParty.merge(party, Counts.ZERO.plus(vote.choice()), PartyBreakdown::sum);
        }
        List<PartyTally> tallies = new ArrayList<>();
        byParty.forEach((party, counts) -> tallies.add(new PartyTally(party, counts, cohesion(counts))));
        tallies.sort(Comparator.comparingInt((PartyTally t) -> -t.counts().total()).thenComparing(PartyTally::party));
        return tallies;
    }

    static Double cohesion(Counts counts) {
        int decided = counts.yes() + counts.no();
        if (decided == 0) {
            return null;
        }
        return Math.abs(counts.yes() - counts.no()) / (double) decided;
    }

    private static Counts sum(Counts a, Counts b) {
        return a.plus(b);
    }
}
