package co.vigia.vote.objection;

import static org.assertj.core.api.Assertions.assertThat;

import co.vigia.contracts.objection.ObjectionAuthor;
import co.vigia.contracts.objection.ObjectionKind;
import co.vigia.contracts.objection.ObjectionResolution;
import org.junit.jupiter.api.Test;

class ObjectionRulesTests {

    @Test
    void arts165_166_onlyThePresidentFilesAFormalObjection() {
        var refusal = ObjectionRules.checkFiling(ObjectionKind.PRESIDENTIAL_OBJECTION_INCONVENIENCE,
                ObjectionAuthor.ATTORNEY_GENERAL, "SENT_TO_SANCTION", true);
        assertThat(refusal).hasValueSatisfying(r -> {
            assertThat(r.conflict()).isFalse();
            assertThat(r.field()).isEqualTo("author");
        });
    }

    @Test
    void arts165_166_aFormalObjectionOnlyWhileTheBillAwaitsSanction() {
        var refusal = ObjectionRules.checkFiling(ObjectionKind.PRESIDENTIAL_OBJECTION_UNCONSTITUTIONALITY,
                ObjectionAuthor.PRESIDENT, "FIRST_DEBATE", false);
        assertThat(refusal).hasValueSatisfying(r -> {
            assertThat(r.conflict()).isTrue();
            assertThat(r.reason()).contains("FIRST_DEBATE");
        });
        assertThat(ObjectionRules.checkFiling(ObjectionKind.PRESIDENTIAL_OBJECTION_UNCONSTITUTIONALITY,
                ObjectionAuthor.PRESIDENT, "SENT_TO_SANCTION", true)).isEmpty();
    }

    @Test
    void theAttorneyGeneralsOpinionIsRecordedAtAnyStage() {
        assertThat(ObjectionRules.checkFiling(ObjectionKind.OPINION, ObjectionAuthor.ATTORNEY_GENERAL, "FILED", false))
                .isEmpty();
    }

    @Test
    void art241_aCourtRulingComesFromTheConstitutionalCourt() {
        assertThat(ObjectionRules.checkFiling(ObjectionKind.COURT_RULING, ObjectionAuthor.CONSTITUTIONAL_COURT,
                "SANCTIONED", false)).isEmpty();
        assertThat(ObjectionRules.checkFiling(ObjectionKind.COURT_RULING, ObjectionAuthor.OTHER, "SANCTIONED", false))
                .isPresent();
    }

    @Test
    void art167_onlyAnObjectionOfInconvenienceIsOverriddenAndOnlyOneOfUnconstitutionalityGoesToTheCourt() {
        assertThat(ObjectionRules.checkResolution(ObjectionKind.PRESIDENTIAL_OBJECTION_INCONVENIENCE,
                ObjectionResolution.OVERRIDDEN)).isEmpty();
        assertThat(ObjectionRules.checkResolution(ObjectionKind.PRESIDENTIAL_OBJECTION_INCONVENIENCE,
                ObjectionResolution.UPHELD_BY_COURT)).isPresent();
        assertThat(ObjectionRules.checkResolution(ObjectionKind.PRESIDENTIAL_OBJECTION_UNCONSTITUTIONALITY,
                ObjectionResolution.UPHELD_BY_COURT)).isEmpty();
        assertThat(ObjectionRules.checkResolution(ObjectionKind.PRESIDENTIAL_OBJECTION_UNCONSTITUTIONALITY,
                ObjectionResolution.OVERRIDDEN)).isPresent();
        assertThat(ObjectionRules.checkResolution(ObjectionKind.OPINION, ObjectionResolution.REJECTED)).isPresent();
    }
}
