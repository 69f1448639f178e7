package co.vigia.bill.procedure;

import co.vigia.contracts.objection.ObjectionKind;
import co.vigia.contracts.objection.ObjectionResolution;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Presidential objections and how they end (Constitution arts. 166-167). */
final class ObjectionRules {

    private ObjectionRules() {
    }

    /** Art. 166: a presidential objection moves a bill that is with the president; an opinion never moves it. */
    static Outcome filed(Procedure p, ObjectionKind kind, LocalDate date, LocalDate objectionDeadline) {
        if (kind == null || !kind.isPresidentialObjection()) {
            return Outcome.none();
        }
        if (p.getStage() != Stage.SENT_TO_SANCTION || p.isObjectionsExhausted()) {
            return new Outcome(null, List.of(new Defect(DefectRule.OBJECTION_OUT_OF_STAGE,
                    "a presidential objection of " + date + " arrived while the bill is " + p.getStage()
                            + (p.isObjectionsExhausted() ? " and may no longer be objected (art. 167)" : ""))));
        }
        List<Defect> defects = new ArrayList<>();
        if (objectionDeadline != null && date.isAfter(objectionDeadline)) {
            defects.add(new Defect(DefectRule.ART_166_LATE_OBJECTION, "art. 166: the objection of " + date
                    + " came after the president's time ran out on " + objectionDeadline));
        }
        Stage next = kind == ObjectionKind.PRESIDENTIAL_OBJECTION_UNCONSTITUTIONALITY
                ? Stage.OBJECTED_UNCONSTITUTIONALITY : Stage.OBJECTED_INCONVENIENCE;
        return new Outcome(p.move(next, date, "art. 166").change(), defects);
    }

    /** Art. 167: how a formal objection ended moves the bill on. */
    static Outcome resolved(Procedure p, ObjectionResolution resolution, LocalDate date) {
        Stage stage = p.getStage();
        boolean unconstitutionality = stage == Stage.OBJECTED_UNCONSTITUTIONALITY || stage == Stage.INSISTED
                || stage == Stage.COURT_REVIEW_OF_OBJECTION;
        boolean inconvenience = stage == Stage.OBJECTED_INCONVENIENCE;
        if (resolution != null && (unconstitutionality || inconvenience)) {
            switch (resolution) {
                case ACCEPTED -> {
                    return p.archive(ArchiveReason.OBJECTION_ACCEPTED, date, "art. 167");
                }
                case OVERRIDDEN -> {
                    if (inconvenience) {
                        p.exhaustObjections();
                        return p.toSanction(date, "art. 167");
                    }
                }
                case REJECTED -> {
                    if (inconvenience) {
                        p.exhaustObjections();
                        return p.toSanction(date, "art. 167");
                    }
                    if (stage != Stage.COURT_REVIEW_OF_OBJECTION) {
                        return p.move(Stage.COURT_REVIEW_OF_OBJECTION, date, "art. 167");
                    }
                }
                case DISMISSED_BY_COURT -> {
                    if (unconstitutionality) {
                        p.exhaustObjections();
                        return p.toSanction(date, "art. 167");
                    }
                }
                case UPHELD_BY_COURT -> {
                    if (unconstitutionality) {
                        return p.archive(ArchiveReason.OBJECTION_UPHELD_BY_COURT, date, "art. 167");
                    }
                }
            }
        }
        return new Outcome(null, List.of(new Defect(DefectRule.OBJECTION_OUT_OF_STAGE,
                "an objection resolved as " + resolution + " on " + date + " arrived while the bill is " + stage)));
    }
}
