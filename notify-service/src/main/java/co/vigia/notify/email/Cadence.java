package co.vigia.notify.email;

/** One email per event, or one a day at the person's hour (Bogotá time) with the day's events. */
public enum Cadence {
    INSTANT, DAILY
}
