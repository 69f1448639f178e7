package co.vigia.vote.tally;

import static org.assertj.core.api.Assertions.assertThat;

import co.vigia.vote.tally.PartyBreakdown.PartyTally;
import co.vigia.vote.tally.PartyBreakdown.PartyVote;
import java.util.List;
import org.junit.jupiter.api.Test;

class PartyBreakdownTests {

    @Test
    void countsEachPartyAndMeasuresItsCohesionAsTheRiceIndex() {
        List<PartyTally> parties = PartyBreakdown.of(List.of(
                new PartyVote("Pacto Histórico", VoteChoice.YES), new PartyVote("Pacto Histórico", VoteChoice.YES),
                new PartyVote("Pacto Histórico", VoteChoice.YES), new PartyVote("Pacto Histórico", VoteChoice.YES),
                new PartyVote("Centro Democrático", VoteChoice.NO), new PartyVote("Centro Democrático", VoteChoice.YES),
                new PartyVote("Liberal", VoteChoice.ABSENT), new PartyVote(null, VoteChoice.NO)));
        assertThat(parties).extracting(PartyTally::party)
                .containsExactly("Pacto Histórico", "Centro Democrático", PartyBreakdown.NO_PARTY, "Liberal");
        assertThat(parties.get(0).cohesion()).isEqualTo(1.0);
        assertThat(parties.get(1).counts()).isEqualTo(new Counts(1, 1, 0, 0, 0));
        assertThat(parties.get(1).cohesion()).isEqualTo(0.0);
        assertThat(parties.get(3).cohesion()).as("nobody voted yes or no").isNull();
    }

    @Test
    void threeToOneIsACohesionOfOneHalf() {
        assertThat(PartyBreakdown.cohesion(new Counts(3, 1, 2, 0, 0))).isEqualTo(0.5);
    }
}
