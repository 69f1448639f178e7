package co.vigia.starter.kafka;

/** A record that can never be applied (unreadable, or data its consumer refuses): it goes to the DLT at once. */
public class PoisonEventException extends RuntimeException {
    public PoisonEventException(String message) {
        super(message);
    }

    public PoisonEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
