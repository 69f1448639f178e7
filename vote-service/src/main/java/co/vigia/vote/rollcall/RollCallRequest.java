package co.vigia.vote.rollcall;

import co.vigia.contracts.Chamber;
import co.vigia.contracts.Debate;
import co.vigia.contracts.Ids;
import co.vigia.contracts.VoteOutcome;
import co.vigia.vote.tally.AmendmentRound;
import jakarta.validation.constraints.Min;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/**
 * A roll call as a clerk records it: either every member's vote ({@code members}) or, when the source
 * published no names, its {@code totals}. The members are checked by {@link RollCallChecks} (a plain loop: bean
 * validation cascading into thousands of members per batch was the slowest part of ingestion).
 *
 * @param externalId the source's id of this roll call: recording it twice changes nothing
 * @param round      for a legislative act, which of its two periods (art. 375); first when omitted
 * @param seats      the number of members of the body that voted
 * @param vacantSeats seats that cannot be filled (Const. art. 134): they leave the base of quorum and majorities
 * @param generalAmnestyOrPardon the bill grants general amnesties or pardons (two thirds of members, art. 150-17)
 * @param declaredOutcome for an ordinary (non-nominal) vote (Ley 1431 de 2011) whose record gives the declared result
 *                        but not every count: that result; the totals, if any, are what the record gives
 */
public record RollCallRequest(
        @NotBlank @Size(max = 200) @Pattern(regexp = Ids.PRINTABLE, message = Ids.PRINTABLE_MESSAGE)
        String externalId,
        @NotBlank @Size(min = Ids.SLUG_MIN, max = Ids.SLUG_MAX) @Pattern(regexp = Ids.SLUG, message = Ids.SLUG_MESSAGE)
        String billId,
        @NotNull Chamber chamber,
        @NotNull @Valid Body body,
        @NotNull Debate debate,
        AmendmentRound round,
        @NotNull LocalDate date,
        @NotBlank @Size(max = 4000) String motion,
        @Positive @Max(400) Integer seats,
        @Size(max = 400) List<MemberVote> members,
        @Valid Totals totals,
        @Min(0) Integer vacantSeats,
        Boolean generalAmnestyOrPardon,
        VoteOutcome declaredOutcome,
        @Size(max = 2000) @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL") String sourceUrl) {

    /** A roll call with the ordinary basis: no vacant seats, no amnesty, tallied from its counts. */
    public RollCallRequest(String externalId, String billId, Chamber chamber, Body body, Debate debate,
                           AmendmentRound round, LocalDate date, String motion, Integer seats, List<MemberVote> members,
                           Totals totals) {
        this(externalId, billId, chamber, body, debate, round, date, motion, seats, members, totals, null, null, null,
                null);
    }
}
