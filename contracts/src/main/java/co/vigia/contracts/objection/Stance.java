package co.vigia.contracts.objection;

/** An institution's position on a bill. */
public enum Stance {
    SUPPORTS, OPPOSES, MIXED
}
