package co.vigia.bill.procedure;

/** A possible procedural defect the rules found: which rule and why. */
public record Defect(DefectRule rule, String description) {
}
