package co.vigia.vote.rollcall;

import co.vigia.starter.web.ApiProblem.FieldProblem;
import java.util.List;

/** What happened to one submitted roll call. */
public sealed interface IntakeOutcome {

    /** Stored now; {@code roll.status()} says whether it was tallied or waits for its bill. */
    record Created(RollCall roll) implements IntakeOutcome {
    }

    /** The same {@code externalId} with the same content was recorded before: nothing changed. */
    record Duplicate(RollCall existing) implements IntakeOutcome {
    }

    /** Refused and not stored, with the reason. */
    record Rejected(int status, String slug, String title, String detail, List<FieldProblem> errors)
            implements IntakeOutcome {

        static Rejected invalid(List<FieldProblem> errors) {
            String detail = errors.size() == 1 ? errors.get(0).field() + ": " + errors.get(0).message()
                    : errors.size() + " fields are invalid";
            return new Rejected(400, "validation", "Invalid request", detail, errors);
        }
    }
}
