package co.vigia.bill.procedure;

import static org.assertj.core.api.Assertions.assertThat;

import co.vigia.contracts.BillKind;
import co.vigia.contracts.Chamber;
import co.vigia.contracts.Debate;
import co.vigia.contracts.VoteOutcome;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The deadline clock, each deadline with its article. */
class DeadlineClockTests {

    static final LocalDate FILED = LocalDate.of(2023, 3, 15);

    static Procedure inFirstDebate(BillKind kind) {
        Procedure p = Procedure.filed(kind, false, FILED);
        p.onAction(ActionType.ASSIGNED_TO_COMMITTEE, FILED.plusDays(1));
        return p;
    }

    static Deadline find(List<Deadline> deadlines, DeadlineKind kind) {
        return deadlines.stream().filter(d -> d.kind() == kind).findFirst().orElse(null);
    }

    @Test
    void art138_legislaturesRunFrom20JulyTo20June() {
        assertThat(Legislatures.end(LocalDate.of(2023, 3, 15))).isEqualTo(LocalDate.of(2023, 6, 20));
        assertThat(Legislatures.end(LocalDate.of(2023, 6, 20))).isEqualTo(LocalDate.of(2023, 6, 20));
        assertThat(Legislatures.end(LocalDate.of(2022, 7, 20))).isEqualTo(LocalDate.of(2023, 6, 20));
        // filed in the recess: it belongs to the legislature about to start
        assertThat(Legislatures.end(LocalDate.of(2023, 7, 1))).isEqualTo(LocalDate.of(2024, 6, 20));
        assertThat(Legislatures.inOrdinarySessions(LocalDate.of(2023, 1, 10))).isFalse();
        assertThat(Legislatures.inOrdinarySessions(LocalDate.of(2023, 3, 16))).isTrue();
        assertThat(Legislatures.inOrdinarySessions(LocalDate.of(2022, 12, 16))).isTrue();
        // art. 138 as reformed in 2023: from 2024 the second period starts on 16 February
        assertThat(Legislatures.inOrdinarySessions(LocalDate.of(2023, 2, 20))).isFalse();
        assertThat(Legislatures.inOrdinarySessions(LocalDate.of(2024, 2, 20))).isTrue();
        assertThat(Legislatures.inOrdinarySessions(LocalDate.of(2024, 2, 15))).isFalse();
    }

    @Test
    void art162_withoutAFirstDebateABillEndsWithItsLegislature() {
        List<Deadline> d = DeadlineClock.deadlines(inFirstDebate(BillKind.ORDINARY), FILED, null, LocalDate.of(2023, 6, 13));
        assertThat(find(d, DeadlineKind.LEGISLATURE_LIMIT).dueOn()).isEqualTo(LocalDate.of(2023, 6, 20));
        assertThat(find(d, DeadlineKind.LEGISLATURE_LIMIT).daysLeft()).isEqualTo(7);
        assertThat(find(d, DeadlineKind.END_OF_LEGISLATURE).dueOn()).isEqualTo(LocalDate.of(2023, 6, 20));
    }

    @Test
    void art162_afterItsFirstDebateABillContinuesIntoASecondLegislature() {
        Procedure p = inFirstDebate(BillKind.ORDINARY);
        p.onVote(Debate.FIRST, Chamber.SENATE, VoteOutcome.PASSED, LocalDate.of(2023, 5, 2));
        assertThat(DeadlineClock.legislatureLimit(p, FILED)).contains(LocalDate.of(2024, 6, 20));
    }

    @Test
    void art153_aStatutoryBillHasOneLegislatureEvenAfterItsFirstDebate() {
        Procedure p = inFirstDebate(BillKind.STATUTORY);
        p.onVote(Debate.FIRST, Chamber.SENATE, VoteOutcome.PASSED, LocalDate.of(2023, 5, 2));
        assertThat(DeadlineClock.legislatureLimit(p, FILED)).contains(LocalDate.of(2023, 6, 20));
    }

    @Test
    void art163_theUrgencyWindowIs30Days() {
        Procedure p = Procedure.filed(BillKind.ORDINARY, false, FILED);
        p.onAction(ActionType.URGENCY_MESSAGE, LocalDate.of(2023, 4, 3));
        Deadline urgency = find(DeadlineClock.deadlines(p, FILED, null, LocalDate.of(2023, 4, 10)), DeadlineKind.URGENCY_WINDOW);
        assertThat(urgency.dueOn()).isEqualTo(LocalDate.of(2023, 5, 3));
        assertThat(urgency.daysLeft()).isEqualTo(23);
    }

    @Test
    void art160_theNextDebateMayNotComeBeforeTheGap() {
        Procedure p = inFirstDebate(BillKind.ORDINARY);
        p.onVote(Debate.FIRST, Chamber.SENATE, VoteOutcome.PASSED, LocalDate.of(2023, 4, 11));
        assertThat(DeadlineClock.nextDebateEarliest(p)).contains(LocalDate.of(2023, 4, 19));
        p.onVote(Debate.SECOND, Chamber.SENATE, VoteOutcome.PASSED, LocalDate.of(2023, 4, 25));
        assertThat(DeadlineClock.nextDebateEarliest(p)).contains(LocalDate.of(2023, 5, 10));
    }

    @Test
    void art166_theObjectionDeadlineCountsWorkingDaysByNumberOfArticles() {
        assertThat(DeadlineClock.objectionDays(20)).isEqualTo(6);
        assertThat(DeadlineClock.objectionDays(21)).isEqualTo(10);
        assertThat(DeadlineClock.objectionDays(50)).isEqualTo(10);
        assertThat(DeadlineClock.objectionDays(51)).isEqualTo(20);
        Procedure p = inFirstDebate(BillKind.ORDINARY);
        p.onVote(Debate.FIRST, Chamber.SENATE, VoteOutcome.PASSED, LocalDate.of(2023, 4, 11));
        p.onVote(Debate.SECOND, Chamber.SENATE, VoteOutcome.PASSED, LocalDate.of(2023, 4, 25));
        p.onVote(Debate.THIRD, Chamber.HOUSE, VoteOutcome.PASSED, LocalDate.of(2023, 5, 16));
        p.onVote(Debate.FOURTH, Chamber.HOUSE, VoteOutcome.PASSED, LocalDate.of(2023, 6, 1));
        p.onAction(ActionType.SENT_TO_SANCTION, LocalDate.of(2023, 6, 9)); // a Friday
        // 6 working days from Fri 9 June 2023: Mon 12 (Corpus Christi) and Mon 19 (Sacred Heart) are
        // holidays, so 13, 14, 15, 16, 20, 21
        assertThat(DeadlineClock.objectionDeadline(p, 12)).contains(LocalDate.of(2023, 6, 21));
        assertThat(DeadlineClock.objectionDeadline(p, null)).isEmpty();
    }

    @Test
    void colombianHolidaysFollowLey51de1983AndEaster() {
        assertThat(WorkingDays.easterSunday(2023)).isEqualTo(LocalDate.of(2023, 4, 9));
        assertThat(WorkingDays.holidays(2023)).contains(LocalDate.of(2023, 4, 6), LocalDate.of(2023, 4, 7),
                LocalDate.of(2023, 3, 20), LocalDate.of(2023, 5, 22), LocalDate.of(2023, 6, 12),
                LocalDate.of(2023, 6, 19), LocalDate.of(2023, 7, 3), LocalDate.of(2023, 11, 13));
        assertThat(WorkingDays.isWorkingDay(LocalDate.of(2023, 6, 13))).isTrue();
        assertThat(WorkingDays.isWorkingDay(LocalDate.of(2023, 6, 17))).isFalse();
    }

    @Test
    void art153_162_375_theLegislatureLimitCitesItsOwnArticle() {
        Procedure statutory = inFirstDebate(BillKind.STATUTORY);
        assertThat(find(DeadlineClock.deadlines(statutory, FILED, null, LocalDate.of(2023, 4, 1)),
                DeadlineKind.LEGISLATURE_LIMIT).article()).isEqualTo("art. 153");
        Procedure ordinary = inFirstDebate(BillKind.ORDINARY);
        assertThat(find(DeadlineClock.deadlines(ordinary, FILED, null, LocalDate.of(2023, 4, 1)),
                DeadlineKind.LEGISLATURE_LIMIT).article()).isEqualTo("art. 162");
    }

    @Test
    void art165_166_noObjectionDeadlineBeforeTheGovernmentReceivesTheBill() {
        Procedure p = inFirstDebate(BillKind.ORDINARY);
        p.onVote(Debate.FIRST, Chamber.SENATE, VoteOutcome.PASSED, LocalDate.of(2023, 4, 11));
        p.onVote(Debate.SECOND, Chamber.SENATE, VoteOutcome.PASSED, LocalDate.of(2023, 4, 25));
        p.onVote(Debate.THIRD, Chamber.HOUSE, VoteOutcome.PASSED, LocalDate.of(2023, 5, 16));
        p.onVote(Debate.FOURTH, Chamber.HOUSE, VoteOutcome.PASSED, LocalDate.of(2023, 6, 1));
        assertThat(DeadlineClock.objectionDeadline(p, 12)).isEmpty();
        p.onAction(ActionType.TEXTS_DIFFER, LocalDate.of(2023, 6, 2));
        assertThat(DeadlineClock.objectionDeadline(p, 12)).as("still in conciliation (art. 161)").isEmpty();
    }

    @Test
    void art162_anArchivedBillKeepsTheLimitThatEndedIt() {
        Procedure p = inFirstDebate(BillKind.ORDINARY);
        p.lapse("LEGISLATURE_LIMIT", LocalDate.of(2023, 6, 20), "art. 162");
        java.util.List<Deadline> deadlines = DeadlineClock.deadlines(p, FILED, null, LocalDate.of(2026, 12, 6));
        assertThat(deadlines).hasSize(1);
        assertThat(deadlines.get(0).kind()).isEqualTo(DeadlineKind.LEGISLATURE_LIMIT);
        assertThat(deadlines.get(0).dueOn()).isEqualTo(LocalDate.of(2023, 6, 20));
        assertThat(deadlines.get(0).description()).contains("ended the bill");
    }
}
