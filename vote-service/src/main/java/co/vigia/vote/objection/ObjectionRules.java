package co.vigia.vote.objection;

import co.vigia.contracts.objection.ObjectionAuthor;
import co.vigia.contracts.objection.ObjectionKind;
import co.vigia.contracts.objection.ObjectionResolution;
import java.util.Optional;

/**
 * Who may file what, and when (Const. arts. 165-167, 241-8). Opinions and Court rulings are recorded at any
 * stage; a formal objection only by the president, only while the bill awaits sanction.
 */
public final class ObjectionRules {

    private ObjectionRules() {
    }

    /** Why a record is refused: {@code conflict} is a 409 (the bill's state), otherwise a 400 naming {@code field}. */
    public record Refusal(boolean conflict, String field, String reason) {
    }

    public static Optional<Refusal> checkFiling(ObjectionKind kind, ObjectionAuthor author, String billStage,
                                                boolean awaitsSanction) {
        if (kind.isPresidentialObjection() && author != ObjectionAuthor.PRESIDENT) {
            // Art. 165-166: the Government objects; the Fiscal General, the Procurador and others only opine.
            return Optional.of(new Refusal(false, "author", "only the PRESIDENT files a presidential objection (Const. "
                    + "arts. 165-166); record an " + author + "'s position as an OPINION"));
        }
        if (kind == ObjectionKind.COURT_RULING && author != ObjectionAuthor.CONSTITUTIONAL_COURT) {
            return Optional.of(new Refusal(false, "author", "a COURT_RULING comes from the CONSTITUTIONAL_COURT (Const. art. 241)"));
        }
        if (kind.isPresidentialObjection() && !awaitsSanction) {
            // Art. 166: the objection is returned within the sanction term, i.e. while the bill awaits sanction.
            return Optional.of(new Refusal(true, "billId", "a presidential objection is filed only while the bill "
                    + "awaits sanction (SENT_TO_SANCTION, Const. arts. 165-166); the bill's stage is " + billStage));
        }
        return Optional.empty();
    }

    /** Whether a formal objection can end that way; opinions and rulings are not resolved. */
    public static Optional<String> checkResolution(ObjectionKind kind, ObjectionResolution resolution) {
        if (!kind.isPresidentialObjection()) {
            return Optional.of("only presidential objections are resolved; a " + kind + " has no resolution");
        }
        boolean fits = switch (resolution) {
            case ACCEPTED, REJECTED -> true;
            // Art. 167: Congress overrides an objection of inconvenience by absolute majority.
            case OVERRIDDEN -> kind == ObjectionKind.PRESIDENTIAL_OBJECTION_INCONVENIENCE;
            // Arts. 167 and 241-8: an insisted objection of unconstitutionality is decided by the Court.
            case UPHELD_BY_COURT, DISMISSED_BY_COURT -> kind == ObjectionKind.PRESIDENTIAL_OBJECTION_UNCONSTITUTIONALITY;
        };
        return fits ? Optional.empty()
                : Optional.of(resolution + " does not end a " + kind + " (Const. arts. 167, 241-8)");
    }
}
