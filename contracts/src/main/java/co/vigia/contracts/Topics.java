package co.vigia.contracts;

import java.util.List;

/** Kafka topic names. Every record is keyed by bill id so one bill's events stay in order. */
public final class Topics {
    public static final String BILL_EVENTS = "bill-events";
    public static final String VOTE_EVENTS = "vote-events";
    public static final String OBJECTION_EVENTS = "objection-events";

    /** Suffix of the dead-letter topic of each topic (the contract says {@code <topic>.DLT}). */
    public static final String DEAD_LETTER_SUFFIX = ".DLT";

    public static final List<String> ALL = List.of(BILL_EVENTS, VOTE_EVENTS, OBJECTION_EVENTS);

    public static String deadLetter(String topic) {
        return topic + DEAD_LETTER_SUFFIX;
    }

    private Topics() {
    }
}
