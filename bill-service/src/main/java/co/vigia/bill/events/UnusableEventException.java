package co.vigia.bill.events;

/** An event that lacks what a bill needs from it: it can never be applied, so its consumer treats it as poison. */
public class UnusableEventException extends RuntimeException {

    public UnusableEventException(String message) {
        super(message);
    }
}
