package co.vigia.contracts.bill;

import co.vigia.contracts.EventData;
import java.time.LocalDate;

/** A bill's time ran out ({@code deadline} passed on {@code dueOn}); it was archived from {@code lastStage}. */
public record BillLapsed(String billId, String deadline, LocalDate dueOn, String lastStage) implements EventData {
    @Override
    public String subject() {
        return billId;
    }
}
