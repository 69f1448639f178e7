package co.vigia.vote.billfacts;

/** The answer to "what do we know about this bill?". */
public sealed interface BillFactsLookup {

    /** The bill exists and these are its facts. */
    record Known(BillFacts facts) implements BillFactsLookup {
    }

    /** bill-service answered that no such bill exists. */
    record Unknown(String billId) implements BillFactsLookup {
    }

    /** Neither the read model nor bill-service could answer (down, slow or circuit open). */
    record Unavailable(String billId, String reason) implements BillFactsLookup {
    }
}
