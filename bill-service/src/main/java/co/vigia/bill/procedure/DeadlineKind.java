package co.vigia.bill.procedure;

/** The constitutional deadlines the clock tracks for an open bill. */
public enum DeadlineKind {
    /**
     * Art. 138: the current legislature ends on 20 June. Alerted too: a bill that carries over waits until
     * 20 July, and NGOs plan around that; when it is also the bill's art. 162 limit only that one is sent.
     */
    END_OF_LEGISLATURE("art. 138", true),
    /**
     * Art. 162 (two legislatures, the second only after a first debate); art. 153 (one, statutory); art. 375. The
     * article given here is the ordinary bill's; each deadline cites its own.
     */
    LEGISLATURE_LIMIT("art. 162", true),
    /** Art. 163: under a message of urgency the chamber must decide within 30 days. */
    URGENCY_WINDOW("art. 163", true),
    /** Art. 160: the earliest date the next debate may be held. */
    NEXT_DEBATE_EARLIEST("art. 160", false),
    /** Arts. 165-166: the president's time to object, 6, 10 or 20 working days by number of articles. */
    OBJECTION_DEADLINE("art. 166", true),
    /** Art. 167: the Court decides an insisted objection of unconstitutionality within 6 days. */
    COURT_OBJECTION_RULING("art. 167", true);

    private final String article;
    private final boolean alerted;

    DeadlineKind(String article, boolean alerted) {
        this.article = article;
        this.alerted = alerted;
    }

    public String article() {
        return article;
    }

    /** Whether a deadline-approaching event is sent before it (an earliest date is no deadline). */
    public boolean alerted() {
        return alerted;
    }
}
