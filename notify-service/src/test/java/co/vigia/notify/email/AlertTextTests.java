package co.vigia.notify.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AlertTextTests {

    private static final BillFacts SUBMISSION = new BillFacts("sometimiento", "Sujeción a la justicia ordinaria",
            "SENATE", Map.of("SENATE", "288/2023"), List.of("sometimiento"), List.of());

    @Test
    void art162_aLapsedBillSaysArchivedForRunningOutOfTimeAndWhy() {
        String data = "{\"billId\":\"sometimiento\",\"from\":\"FIRST_DEBATE\",\"to\":\"ARCHIVED\",\"trigger\":\"LAPSED\","
                + "\"occurredOn\":\"2023-06-20\"}";
        AlertText.Alert es = AlertText.of("co.vigia.bill.stage-changed", data, Language.ES);
        assertThat(SUBMISSION.label(Language.ES) + ": " + es.headline())
                .isEqualTo("Proyecto 288/2023 Senado: archivado por vencimiento de términos");
        assertThat(es.lines()).anyMatch(l -> l.contains("art. 162") && l.contains("primer debate"));
        assertThat(es.lines().getFirst()).contains("2023-06-20");
        AlertText.Alert en = AlertText.of("co.vigia.bill.stage-changed", data, Language.EN);
        assertThat(SUBMISSION.label(Language.EN) + ": " + en.headline())
                .isEqualTo("Bill 288/2023 Senate: archived: its time ran out");
    }

    @Test
    void aVoteSaysItsOutcomeTalliesAndRequiredMajority() {
        String data = "{\"billId\":\"b\",\"body\":\"Comisión Primera\",\"outcome\":\"NO_QUORUM\",\"yes\":5,\"no\":1,"
                + "\"abstain\":0,\"absent\":13,\"requiredMajority\":\"SIMPLE\",\"votesNeeded\":10,\"quorumPresent\":false}";
        AlertText.Alert alert = AlertText.of("co.vigia.vote.tallied", data, Language.ES);
        assertThat(alert.headline()).isEqualTo("votación en Comisión Primera: sin quórum");
        assertThat(String.join(" ", alert.lines())).contains("Sí 5, No 1", "SIMPLE", "no hubo quórum decisorio");
    }

    @Test
    void aBillWithoutNumbersIsNamedByItsTitleShortened() {
        BillFacts untitled = new BillFacts("x", "Por medio de la cual se establecen los mecanismos de sujeción a la "
                + "justicia ordinaria", null, Map.of(), List.of(), List.of());
        assertThat(untitled.label(Language.ES)).hasSizeLessThanOrEqualTo(60).endsWith("…");
        assertThat(BillFacts.unknown("abc").label(Language.EN)).isEqualTo("Bill abc");
    }

    @Test
    void onlyTheFamiliesAPersonCanChooseAreEmailed() {
        assertThat(EventFamily.of("co.vigia.bill.stage-changed")).contains(EventFamily.STAGES);
        assertThat(EventFamily.of("co.vigia.objection.resolved")).contains(EventFamily.OPINIONS);
        assertThat(EventFamily.of("co.vigia.bill.lapsed")).as("told by its stage change").isEmpty();
        assertThat(EventFamily.of("co.vigia.bill.action-recorded")).isEmpty();
    }
}
