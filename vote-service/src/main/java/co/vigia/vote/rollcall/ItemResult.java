package co.vigia.vote.rollcall;

import io.swagger.v3.oas.annotations.media.Schema;
import co.vigia.contracts.VoteOutcome;
import co.vigia.starter.web.ApiProblem.FieldProblem;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The answer for one item of a batch.
 *
 * @param result     CREATED, DUPLICATE (unchanged) or REJECTED
 * @param voteStatus for a created or duplicate item: TALLIED or WAITING_FOR_BILL
 * @param status     for a rejected item: the HTTP status it would have had alone
 */
@Schema(description = "The answer for one item of a batch, at its position (`index`, from 0).")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ItemResult(int index, String externalId, Result result, String voteId, RollCallStatus voteStatus,
                         VoteOutcome outcome, Integer status, String reason, List<FieldProblem> errors) {

    public enum Result { CREATED, DUPLICATE, REJECTED }

    static ItemResult of(int index, String externalId, IntakeOutcome outcome) {
        if (outcome instanceof IntakeOutcome.Created created) {
            return stored(index, Result.CREATED, created.roll());
        }
        if (outcome instanceof IntakeOutcome.Duplicate duplicate) {
            return stored(index, Result.DUPLICATE, duplicate.existing());
        }
        IntakeOutcome.Rejected rejected = (IntakeOutcome.Rejected) outcome;
        return new ItemResult(index, externalId, Result.REJECTED, null, null, null, rejected.status(),
                rejected.detail(), rejected.errors().isEmpty() ? null : rejected.errors());
    }

    static ItemResult unreadable(int index, String reason) {
        return new ItemResult(index, null, Result.REJECTED, null, null, null, 400, reason, null);
    }

    private static ItemResult stored(int index, Result result, RollCall roll) {
        return new ItemResult(index, roll.externalId(), result, roll.id(), roll.status(),
                roll.verdict() == null ? null : roll.verdict().outcome(), null, null, null);
    }
}
