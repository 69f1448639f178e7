package co.vigia.contracts.bill;

import co.vigia.contracts.EventData;
import java.time.LocalDate;

/** One of a bill's constitutional deadlines is {@code daysLeft} days away (sent once per lead time). */
public record BillDeadlineApproaching(String billId, String deadline, LocalDate dueOn, int daysLeft, int leadDays)
        implements EventData {
    @Override
    public String subject() {
        return billId;
    }
}
