package co.vigia.web.record;

import co.vigia.contracts.BillKind;
import co.vigia.contracts.Chamber;
import co.vigia.contracts.Debate;
import co.vigia.contracts.VoteOutcome;
import co.vigia.web.client.ServiceClients;
import co.vigia.web.site.PublicCache;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** vote-service's public reads (roll calls, members' records, opinions and objections), cached as {@link PublicCache}. */
@Component
public class VoteApi {

    public record Counts(int yes, int no, int abstain, int absent, int excused) {

        public int present() {
            return yes + no + abstain;
        }
    }

    /** {@code requiredMajority} SIMPLE or ABSOLUTE (Ley 5 de 1992 art. 117). */
    public record Verdict(BillKind billKind, int decisoryQuorum, boolean quorumPresent, String requiredMajority,
                          String majoritySource, int votesNeeded, VoteOutcome outcome) {
    }

    public record Member(String memberId, String name, String party, VoteChoice vote) {
    }

    /** {@code cohesion}: the Rice index, 1 when the party voted as one, null when nobody of it voted yes or no. */
    public record PartyTally(String party, Counts counts, Double cohesion) {
    }

    public record Body(String kind, String name) {
    }

    public record RollCall(String id, String billId, Chamber chamber, Body body, String bodyName, Debate debate,
                           LocalDate date, String motion, int seats, boolean totalsOnly, String status, Counts counts,
                           Verdict verdict, Instant talliedAt, List<Member> members, List<PartyTally> parties) {

        public RollCall {
            members = members == null ? List.of() : members;
            parties = parties == null ? List.of() : parties;
        }
    }

    public record MemberVoteLine(String voteId, String billId, Chamber chamber, String body, Debate debate,
                                 LocalDate date, String motion, String party, VoteChoice vote, VoteOutcome outcome) {
    }

    public record MemberRecord(String memberId, String name, String party, Counts totals, List<MemberVoteLine> votes) {

        public MemberRecord {
            votes = votes == null ? List.of() : votes;
        }
    }

    /** An institutional opinion, a presidential objection or a Court ruling on a bill. */
    public record Objection(String id, String billId, String author, String authorName, String kind, String stance,
                            List<String> articles, String grounds, LocalDate date, String documentUrl,
                            Resolution resolution) {

        public Objection {
            articles = articles == null ? List.of() : articles;
        }
    }

    public record Resolution(String resolution, LocalDate date, String note) {
    }

    private final ServiceClients clients;
    private final PublicCache cache;

    public VoteApi(ServiceClients clients, PublicCache cache) {
        this.clients = clients;
        this.cache = cache;
    }

    public Optional<RollCall> rollCall(String id) {
        return cache.get("vote:" + id, () -> clients.vote().find("/api/votes/{id}", RollCall.class, id));
    }

    public List<RollCall> rollCallsOf(String billId) {
        return cache.get("votes-of:" + billId, () -> List.of(clients.vote()
                .get("/api/votes?billId={billId}&size=200", RollCall[].class, billId)));
    }

    public List<Objection> objectionsOf(String billId) {
        return cache.get("objections-of:" + billId, () -> List.of(clients.vote()
                .get("/api/objections?billId={billId}", Objection[].class, billId)));
    }

    public Optional<MemberRecord> member(String memberId) {
        return cache.get("member:" + memberId,
                () -> clients.vote().find("/api/members/{id}/votes", MemberRecord.class, memberId));
    }
}
