package co.vigia.notify.address;

/** A webhook URL that must not be called, and why (a message a subscriber can act on). */
public class EndpointRefusedException extends Exception {
    public EndpointRefusedException(String reason) {
        super(reason);
    }
}
