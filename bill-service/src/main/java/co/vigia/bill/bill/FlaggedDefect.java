package co.vigia.bill.bill;

import co.vigia.bill.procedure.DefectRule;
import co.vigia.bill.procedure.Fact;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A possible procedural defect flagged on a bill, with what caused it: the rule and its article, the facts it rests
 * on (dates and sources), the date of the step, and whether Congress could still cure it when it was flagged.
 */
public record FlaggedDefect(String id, DefectRule rule, String article, String description, List<Fact> facts,
                            boolean curable, String causeId, LocalDate date, Instant flaggedAt) {

    public FlaggedDefect {
        facts = facts == null ? List.of() : List.copyOf(facts);
    }
}
