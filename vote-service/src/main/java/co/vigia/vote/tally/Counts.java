package co.vigia.vote.tally;

/** Votes per option of one roll call (or of one party in it). */
public record Counts(int yes, int no, int abstain, int absent, int excused, int impeded) {

    public static final Counts ZERO = new Counts(0, 0, 0, 0, 0, 0);

    public Counts {
        if (yes < 0 || no < 0 || abstain < 0 || absent < 0 || excused < 0 || impeded < 0) {
            throw new IllegalArgumentException("counts cannot be negative");
        }
    }

    public Counts(int yes, int no, int abstain, int absent, int excused) {
        this(yes, no, abstain, absent, excused, 0);
    }

    public static Counts of(Iterable<VoteChoice> choices) {
        Counts counts = ZERO;
        for (VoteChoice choice : choices) {
            counts = counts.plus(choice);
        }
        return counts;
    }

    public Counts plus(VoteChoice choice) {
        return switch (choice) {
            case YES -> new Counts(yes + 1, no, abstain, absent, excused, impeded);
            case NO -> new Counts(yes, no + 1, abstain, absent, excused, impeded);
            case ABSTAIN -> new Counts(yes, no, abstain + 1, absent, excused, impeded);
            case ABSENT -> new Counts(yes, no, abstain, absent + 1, excused, impeded);
            case EXCUSED -> new Counts(yes, no, abstain, absent, excused + 1, impeded);
            case IMPEDED -> new Counts(yes, no, abstain, absent, excused, impeded + 1);
        };
    }

    public Counts plus(Counts other) {
        return new Counts(yes + other.yes, no + other.no, abstain + other.abstain, absent + other.absent,
                excused + other.excused, impeded + other.impeded);
    }

    /** Members who answered the roll call: yes, no or abstain (an impeded member does not vote). */
    public int present() {
        return yes + no + abstain;
    }

    /** Every member accounted for, present or not. */
    public int total() {
        return present() + absent + excused + impeded;
    }
}
