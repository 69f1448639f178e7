package co.vigia.vote.rollcall;

import io.swagger.v3.oas.annotations.media.Schema;
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
        @Schema(description = "The source's id of this roll call: recording it twice changes nothing.", example = "example-senado-c1-sometimiento-1")
        @NotBlank @Size(max = 200) @Pattern(regexp = Ids.PRINTABLE, message = Ids.PRINTABLE_MESSAGE)
        String externalId,
        @Schema(description = "The bill voted on (its id in bill-service).", example = "sometimiento")
        @NotBlank @Size(min = Ids.SLUG_MIN, max = Ids.SLUG_MAX) @Pattern(regexp = Ids.SLUG, message = Ids.SLUG_MESSAGE)
        String billId,
        @Schema(description = "The chamber of the body that voted.", example = "SENATE")
        @NotNull Chamber chamber,
        @Schema(description = "The body that voted: a committee (with its name) or the plenary.")
        @NotNull @Valid Body body,
        @Schema(description = "Which debate of the procedure the vote closes (art. 157).", example = "FIRST")
        @NotNull Debate debate,
        @Schema(description = "For a legislative act, which of its two periods (art. 375); the first when omitted.")
        AmendmentRound round,
        @Schema(description = "The day of the vote; not in the future.", example = "2023-05-10")
        @NotNull LocalDate date,
        @Schema(description = "What was voted.", example = "Aprobar la proposición con que termina el informe de ponencia")
        @NotBlank @Size(max = 4000) String motion,
        @Schema(description = "The number of members of the body (its base for the quorum, art. 134 vacancies left out).", example = "19")
        @Positive @Max(400) Integer seats,
        @Schema(description = "Every member's vote; send either this or `totals`.")
        @Size(max = 400) List<MemberVote> members,
        @Schema(description = "The counts only, when the source published no names; send either this or `members`.")
        @Valid Totals totals,
        @Schema(description = "Seats that cannot be filled (Const. art. 134): they leave the base of quorum and majorities.",
                example = "0")
        @Min(0) Integer vacantSeats,
        @Schema(description = "The bill grants general amnesties or pardons: two thirds of members (art. 150-17).",
                example = "false")
        Boolean generalAmnestyOrPardon,
        @Schema(description = "For an ordinary (non-nominal) vote whose record gives only the declared result "
                + "(Ley 1431 de 2011): that result.")
        VoteOutcome declaredOutcome,
        @Schema(description = "Where the vote is recorded.", example = "https://example.org/gaceta/700")
        @Size(max = 2000) @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL") String sourceUrl) {

    /** A roll call with the ordinary basis: no vacant seats, no amnesty, tallied from its counts. */
    public RollCallRequest(String externalId, String billId, Chamber chamber, Body body, Debate debate,
                           AmendmentRound round, LocalDate date, String motion, Integer seats, List<MemberVote> members,
                           Totals totals) {
        this(externalId, billId, chamber, body, debate, round, date, motion, seats, members, totals, null, null, null,
                null);
    }
}
