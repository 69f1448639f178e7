package co.vigia.vote.member;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import co.vigia.starter.openapi.CallableBy;
import co.vigia.starter.security.Role;
import co.vigia.contracts.Chamber;
import co.vigia.contracts.Debate;
import co.vigia.contracts.VoteOutcome;
import co.vigia.starter.web.ApiProblem;
import co.vigia.vote.rollcall.MemberVote;
import co.vigia.vote.rollcall.RollCall;
import co.vigia.vote.tally.Counts;
import co.vigia.vote.tally.VoteChoice;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** How one legislator voted across the tracked bills. */
@Tag(name = "votes")
@RestController
public class MemberVotesController {

    private final MongoTemplate mongo;

    public MemberVotesController(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public record MemberVoteLine(String voteId, String billId, Chamber chamber, String body, Debate debate,
                                 LocalDate date, String motion, String party, VoteChoice vote,
                                 VoteOutcome outcome) {
    }

    /** @param name and {@code party} as recorded in the member's latest roll call */
    public record MemberRecord(String memberId, String name, String party, Counts totals,
                               List<MemberVoteLine> votes) {
    }

    @Operation(operationId = "getMemberVotes", summary = "How a legislator voted",
            description = "Every recorded vote of one member across the tracked bills, newest first, with totals. Changes nothing.")
    @Parameter(name = "memberId", description = "The member's id as the roll calls record it.", example = "senado-ariel-avila")
    @GetMapping("/api/members/{memberId}/votes")
    public MemberRecord votes(@PathVariable String memberId) {
        Query query = new Query(Criteria.where("members.memberId").is(memberId))
                .with(Sort.by(Sort.Order.desc("date"), Sort.Order.asc("externalId")));
        query.fields().exclude("outbox");
        List<MemberVoteLine> lines = new ArrayList<>();
        Counts totals = Counts.ZERO;
        String name = null;
        String party = null;
        for (RollCall roll : mongo.find(query, RollCall.class, RollCall.COLLECTION)) {
            MemberVote vote = roll.members().stream().filter(m -> memberId.equals(m.memberId())).findFirst()
                    .orElse(null);
            if (vote == null) {
                continue;
            }
            if (name == null) {
                name = vote.name();
                party = vote.party();
            }
            totals = totals.plus(vote.vote());
            lines.add(new MemberVoteLine(roll.id(), roll.billId(), roll.chamber(),
                    roll.body().displayName(roll.chamber()), roll.debate(), roll.date(), roll.motion(), vote.party(),
                    vote.vote(), roll.verdict() == null ? null : roll.verdict().outcome()));
        }
        if (lines.isEmpty()) {
            throw ApiProblem.notFound("Member", memberId);
        }
        return new MemberRecord(memberId, name, party, totals, lines);
    }
}
