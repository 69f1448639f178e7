package co.vigia.bill.procedure;

import java.util.Set;

/** An operator action the procedure does not allow from the bill's current stage. */
public class IllegalTransitionException extends RuntimeException {

    private final Stage currentStage;
    private final ActionType action;
    private final Set<ActionType> allowedActions;

    public IllegalTransitionException(Stage currentStage, ActionType action, Set<ActionType> allowedActions, String why) {
        super(why);
        this.currentStage = currentStage;
        this.action = action;
        this.allowedActions = Set.copyOf(allowedActions);
    }

    public Stage currentStage() {
        return currentStage;
    }

    public ActionType action() {
        return action;
    }

    public Set<ActionType> allowedActions() {
        return allowedActions;
    }
}
