package co.vigia.notify.intake;

/**
 * Checked events that could not be stored: MongoDB unreachable or timing out, a write refused. Nothing is wrong
 * with the events, so they are read again until they are stored, never dead-lettered ({@link IntakeRetries}).
 */
public class IntakeStorageException extends RuntimeException {

    public IntakeStorageException(Throwable cause) {
        super("events not stored: " + cause.getMessage(), cause);
    }
}
