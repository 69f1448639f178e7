package co.vigia.bill.procedure;

import java.util.List;

/** What applying one trigger did: the stage change, if any, and the defects it flagged. */
public record Outcome(StageChange change, List<Defect> defects) {

    public Outcome {
        defects = List.copyOf(defects);
    }

    public static Outcome none() {
        return new Outcome(null, List.of());
    }

    public boolean moved() {
        return change != null;
    }
}
