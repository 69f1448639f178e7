package co.vigia.bill.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import co.vigia.bill.procedure.Deadline;
import co.vigia.bill.procedure.DeadlineKind;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which deadline-approaching alerts the run sends, and which it holds back. */
class DeadlineAlertsTests {

    @Test
    void alertsAreSentOncePerDeadlineAndLeadTimeAndOnlyTheTightestWhenSeveralAreCrossed() {
        Deadline limit = new Deadline(DeadlineKind.LEGISLATURE_LIMIT, LocalDate.of(2023, 6, 20), 7, "art. 162", "");
        List<DeadlineAlerts.Alert> first = DeadlineAlerts.due(List.of(limit), List.of(30, 7, 1), Set.of());
        assertThat(first).singleElement().satisfies(alert -> {
            assertThat(alert.leadDays()).isEqualTo(7);
            assertThat(alert.settles()).containsExactlyInAnyOrder("LEGISLATURE_LIMIT|2023-06-20|7",
                    "LEGISLATURE_LIMIT|2023-06-20|30");
        });
        assertThat(DeadlineAlerts.due(List.of(limit), List.of(30, 7, 1), Set.copyOf(first.get(0).settles()))).isEmpty();
        Deadline tomorrow = new Deadline(DeadlineKind.LEGISLATURE_LIMIT, LocalDate.of(2023, 6, 20), 1, "art. 162", "");
        assertThat(DeadlineAlerts.due(List.of(tomorrow), List.of(30, 7, 1), Set.copyOf(first.get(0).settles())))
                .singleElement().extracting(DeadlineAlerts.Alert::leadDays).isEqualTo(1);
        Deadline earliest = new Deadline(DeadlineKind.NEXT_DEBATE_EARLIEST, LocalDate.of(2023, 6, 20), 1, "art. 160", "");
        assertThat(DeadlineAlerts.due(List.of(earliest), List.of(30, 7, 1), Set.of())).isEmpty();
    }

    @Test
    void theEndOfTheLegislatureArt138IsAlertedUnlessItIsAlsoTheBillsArt162Limit() {
        Deadline end = new Deadline(DeadlineKind.END_OF_LEGISLATURE, LocalDate.of(2023, 6, 20), 7, "art. 138", "");
        Deadline carriesOver = new Deadline(DeadlineKind.LEGISLATURE_LIMIT, LocalDate.of(2024, 6, 20), 373, "art. 162", "");
        assertThat(DeadlineAlerts.due(List.of(end, carriesOver), List.of(30, 7, 1), Set.of()))
                .singleElement().satisfies(alert -> {
                    assertThat(alert.deadline().kind()).isEqualTo(DeadlineKind.END_OF_LEGISLATURE);
                    assertThat(alert.leadDays()).isEqualTo(7);
                });

        Deadline lapsesThatDay = new Deadline(DeadlineKind.LEGISLATURE_LIMIT, LocalDate.of(2023, 6, 20), 7, "art. 162", "");
        assertThat(DeadlineAlerts.due(List.of(end, lapsesThatDay), List.of(30, 7, 1), Set.of()))
                .singleElement().extracting(alert -> alert.deadline().kind()).isEqualTo(DeadlineKind.LEGISLATURE_LIMIT);
    }
}
