package co.vigia.bill.bill;

import co.vigia.bill.procedure.DefectRule;
import java.time.Instant;
import java.time.LocalDate;

/** A possible procedural defect flagged on a bill, with what caused it. */
public record FlaggedDefect(String id, DefectRule rule, String description, String causeId, LocalDate date,
                            Instant flaggedAt) {
}
