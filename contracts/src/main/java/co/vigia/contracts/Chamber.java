package co.vigia.contracts;

/** The two chambers of Congress (Constitution art. 114). */
public enum Chamber {
    SENATE, HOUSE
}
