package co.vigia.vote.tally;

/**
 * The majorities a decision of Congress may require (Ley 5 de 1992, art. 117). Each says how many YES
 * votes a motion needs; a tie never reaches either, so a tie FAILS.
 */
public enum Majority {
    /**
     * Mayoría simple (Const. art. 146; Ley 5 de 1992, art. 117-1): "la mayoría de los votos de los
     * asistentes". Precisely: more YES votes than half of the members present (YES + NO + ABSTAIN), i.e.
     * {@code floor(present / 2) + 1}. An abstention is a present member's vote that is not YES, so it weighs
     * like a NO.
     */
    SIMPLE("Const. art. 146; Ley 5 de 1992 art. 117-1") {
        @Override
        public int votesNeeded(int seats, int present) {
            return present / 2 + 1;
        }
    },
    /**
     * Mayoría absoluta (Ley 5 de 1992, art. 117-2): "la mayoría de los votos de los integrantes": more YES
     * votes than half of the body's seats, {@code floor(seats / 2) + 1}, however many are present.
     */
    ABSOLUTE("Ley 5 de 1992 art. 117-2") {
        @Override
        public int votesNeeded(int seats, int present) {
            return seats / 2 + 1;
        }
    },
    /**
     * Two thirds of the members (Const. art. 150-17; Ley 5 de 1992 art. 117-3): general amnesties or pardons for
     * political crimes. At least {@code ceil(2 * seats / 3)} YES votes.
     */
    TWO_THIRDS("Const. art. 150-17; Ley 5 de 1992 art. 117-3") {
        @Override
        public int votesNeeded(int seats, int present) {
            return (2 * seats + 2) / 3;
        }
    };

    private final String source;

    Majority(String source) {
        this.source = source;
    }

    /** The YES votes a motion needs in a body of {@code seats} members with {@code present} present. */
    public abstract int votesNeeded(int seats, int present);

    /** The articles that define this majority. */
    public String source() {
        return source;
    }
}
