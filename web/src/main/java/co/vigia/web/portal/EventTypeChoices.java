package co.vigia.web.portal;

import java.util.List;

/**
 * The event types an NGO can choose for an endpoint, in the order the form lists them; each has a label in the
 * portal bundle ({@code portal.eventType.<type>}). {@code *} is every event, today's and future ones. Test pings and
 * "endpoint disabled" notices reach every endpoint whatever it chose, so they are not choices.
 * {@code EventTypeChoicesTests} checks the list against the contracts' published types.
 */
public final class EventTypeChoices {

    public static final String ALL = "*";

    public static final List<String> TYPES = List.of(
            "co.vigia.bill.registered",
            "co.vigia.bill.stage-changed",
            "co.vigia.bill.action-recorded",
            "co.vigia.bill.deadline-approaching",
            "co.vigia.bill.defect-flagged",
            "co.vigia.bill.lapsed",
            "co.vigia.vote.tallied",
            "co.vigia.objection.filed",
            "co.vigia.objection.resolved");

    /** What the delivery log may be filtered by: the choices and the two the portal sends by itself. */
    public static final List<String> LOGGED = java.util.stream.Stream.concat(TYPES.stream(),
            java.util.stream.Stream.of("co.vigia.ping", "co.vigia.subscription.disabled")).toList();

    private EventTypeChoices() {
    }

    public static String labelKey(String type) {
        return "portal.eventType." + type;
    }
}
