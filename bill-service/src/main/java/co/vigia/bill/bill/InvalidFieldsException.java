package co.vigia.bill.bill;

import java.util.List;

/** Input the bill's rules refuse, each field with its reason; the web layer answers 400 naming every one. */
public class InvalidFieldsException extends RuntimeException {

    /** One refused field and why. */
    public record Refusal(String field, String message) {
    }

    private final List<Refusal> refusals;

    public InvalidFieldsException(List<Refusal> refusals) {
        super(refusals.size() == 1 ? refusals.get(0).field() + ": " + refusals.get(0).message()
                : refusals.size() + " fields are invalid");
        this.refusals = List.copyOf(refusals);
    }

    public static InvalidFieldsException of(String field, String message) {
        return new InvalidFieldsException(List.of(new Refusal(field, message)));
    }

    /** Throws when any field was refused. */
    static void throwIfAny(List<Refusal> refusals) {
        if (!refusals.isEmpty()) {
            throw new InvalidFieldsException(refusals);
        }
    }

    public List<Refusal> refusals() {
        return refusals;
    }
}
