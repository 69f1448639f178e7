package co.vigia.vote.rollcall;

import co.vigia.starter.web.ApiProblem.FieldProblem;
import java.time.LocalDate;
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

        static Rejected unknownBill(String billId) {
            return new Rejected(404, "not-found", "Bill not found",
                    "bill '" + billId + "' does not exist in bill-service", List.of(new FieldProblem("billId", "no such bill")));
        }

        /** A roll call cannot be on a bill that was not filed yet: a wrong date or a wrong bill. */
        static Rejected beforeFiling(RollCallRequest request, LocalDate filedOn) {
            String reason = "is before bill '" + request.billId() + "' was filed (" + filedOn + ")";
            return new Rejected(422, "before-filing", "Vote dated before the bill was filed",
                    "date: " + request.date() + " " + reason + "; nothing was stored",
                    List.of(new FieldProblem("date", reason)));
        }

        static Rejected conflict(String externalId) {
            return new Rejected(409, "external-id-conflict", "externalId already used",
                    "externalId '" + externalId + "' was recorded with different content; nothing was changed",
                    List.of(new FieldProblem("externalId", "already recorded with different content")));
        }
    }

    /** The answer to a roll call whose {@code externalId} is recorded as {@code before} (null: it vanished). */
    static IntakeOutcome sameContent(RollCall before, String hash) {
        if (before == null) {
            return new Rejected(409, "concurrent-update", "Concurrent update",
                    "the roll call could not be stored; retry", List.of());
        }
        return before.contentHash().equals(hash) ? new Duplicate(before) : Rejected.conflict(before.externalId());
    }
}
