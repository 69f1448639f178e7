package co.vigia.bill.procedure;

import java.util.List;

/** A possible procedural defect the rules found: which rule, why, and the recorded facts it rests on. */
public record Defect(DefectRule rule, String description, List<Fact> facts) {

    public Defect {
        facts = facts == null ? List.of() : List.copyOf(facts);
    }

    public Defect(DefectRule rule, String description) {
        this(rule, description, List.of());
    }
}
