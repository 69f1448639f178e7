package co.vigia.notify.delivery;

/** What the dispatch loop does with one due candidate ({@link Chooser}). */
sealed interface Choice {

    /** Attempt it now: a slot and its endpoint's turn are taken. */
    record Start(Delivery delivery) implements Choice {
    }

    /** Back to memory for a later poll: its endpoint has its share in flight, or its earlier one goes first. */
    record Later(Delivery delivery) implements Choice {
    }

    /** Park it in MongoDB behind {@code earlier}, its line's pending delivery that is not being attempted here. */
    record Park(Delivery delivery, Delivery earlier) implements Choice {
    }

    /** Its endpoint's circuit is open: its next attempt moves past the open time. */
    record CircuitOpen(Delivery delivery) implements Choice {
    }

    /** Nothing to do now: it is taken up here already, or held in memory behind its earlier one in flight. */
    record Held() implements Choice {
    }

    /** No slot is free: it and the rest of the poll's candidates go back to memory. */
    record NoSlot() implements Choice {
    }
}
