package co.vigia.web.bill;

import co.vigia.web.record.Stage;
import static org.assertj.core.api.Assertions.assertThat;

import co.vigia.contracts.BillKind;
import co.vigia.web.bill.ProcedurePath.Point;
import co.vigia.web.bill.ProcedurePath.State;
import co.vigia.web.bill.ProcedurePath.Step;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ProcedurePathTests {

    @Test
    void art162ABillArchivedWithoutFirstDebateStoppedAtTheFirstDebate() {
        List<Point> path = ProcedurePath.of(Stage.ARCHIVED, Set.of(Stage.FILED, Stage.ARCHIVED), BillKind.ORDINARY,
                false);
        assertThat(path).startsWith(new Point(Step.FILING, State.DONE), new Point(Step.FIRST_DEBATE, State.STOPPED),
                new Point(Step.SECOND_DEBATE, State.AHEAD));
        assertThat(ProcedurePath.next(path)).isNull();
    }

    @Test
    void art157AFiledBillWaitsForItsFirstDebateAndThenTheSecond() {
        List<Point> path = ProcedurePath.of(Stage.FILED, Set.of(Stage.FILED), BillKind.ORDINARY, false);
        assertThat(path.get(1)).isEqualTo(new Point(Step.FIRST_DEBATE, State.CURRENT));
        assertThat(ProcedurePath.next(path)).isEqualTo(Step.SECOND_DEBATE);
    }

    @Test
    void art163JointDeliberationJoinsTheCommitteesSoThereIsNoSeparateThirdDebate() {
        List<Point> path = ProcedurePath.of(Stage.SECOND_DEBATE, Set.of(Stage.JOINT_COMMITTEES), BillKind.ORDINARY,
                true);
        assertThat(path).extracting(Point::step).doesNotContain(Step.FIRST_DEBATE, Step.THIRD_DEBATE)
                .contains(Step.JOINT_COMMITTEES);
        assertThat(path.get(1)).isEqualTo(new Point(Step.JOINT_COMMITTEES, State.DONE));
        assertThat(path.get(2)).isEqualTo(new Point(Step.SECOND_DEBATE, State.CURRENT));
    }

    @Test
    void art163UrgencyAloneKeepsFourSeparateDebates() {
        List<Point> path = ProcedurePath.of(Stage.FIRST_DEBATE, Set.of(Stage.FILED), BillKind.ORDINARY, false);
        assertThat(path).extracting(Point::step).contains(Step.FIRST_DEBATE, Step.THIRD_DEBATE)
                .doesNotContain(Step.JOINT_COMMITTEES);
    }

    @Test
    void art159ABillRejectedInCommitteeStaysAtItsFirstDebateWhileTheAppealIsOpen() {
        List<Point> path = ProcedurePath.of(Stage.REJECTED_IN_COMMITTEE, Set.of(Stage.FILED, Stage.FIRST_DEBATE),
                BillKind.ORDINARY, false);
        assertThat(path.get(1)).isEqualTo(new Point(Step.FIRST_DEBATE, State.CURRENT));
    }

    @Test
    void art153AStatutoryBillGoesToTheCourtBeforeSanction() {
        List<Point> path = ProcedurePath.of(Stage.COURT_PRIOR_REVIEW, Set.of(Stage.FOURTH_DEBATE), BillKind.STATUTORY,
                false);
        List<Step> steps = path.stream().map(Point::step).toList();
        assertThat(steps.indexOf(Step.COURT)).isLessThan(steps.indexOf(Step.SANCTION));
        assertThat(path).contains(new Point(Step.COURT, State.CURRENT), new Point(Step.CONCILIATION, State.SKIPPED));
    }

    @Test
    void art161ASanctionedLawWithoutConciliationShowsItAsNotNeeded() {
        List<Point> path = ProcedurePath.of(Stage.SANCTIONED, Set.of(Stage.FOURTH_DEBATE, Stage.SENT_TO_SANCTION),
                BillKind.ORDINARY, false);
        assertThat(path).contains(new Point(Step.CONCILIATION, State.SKIPPED), new Point(Step.COURT, State.SKIPPED),
                new Point(Step.LAW, State.DONE), new Point(Step.FOURTH_DEBATE, State.DONE));
    }
}
