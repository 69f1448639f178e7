package co.vigia.notify.delivery;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The deliveries this instance has taken up, under one lock: those a task was started for (claim and attempt, or
 * parking), those being attempted, and those held in memory behind an earlier delivery of their line that is being
 * attempted here. A delivery is taken at most once at a time, so a poll meanwhile does not start it again.
 */
final class InFlight {

    private final Set<String> taken = new HashSet<>();
    private final Set<String> attempting = new HashSet<>();
    private final Map<String, List<Delivery>> behind = new HashMap<>();

    /** Takes {@code id} up; false when it is taken already (its task is queued, running, or it waits behind one). */
    synchronized boolean take(String id) {
        return taken.add(id);
    }

    /** Lets a taken delivery go without an attempt (left for later, postponed, parked). */
    synchronized void drop(String id) {
        taken.remove(id);
    }

    synchronized void attempting(String id) {
        attempting.add(id);
    }

    /**
     * Holds a taken {@code candidate} behind {@code earlierId} when that one is being attempted here; false (and not
     * held) when it is not.
     */
    synchronized boolean waitBehind(String earlierId, Delivery candidate) {
        if (!attempting.contains(earlierId)) {
            return false;
        }
        behind.computeIfAbsent(earlierId, id -> new ArrayList<>()).add(candidate);
        return true;
    }

    /** The attempt of {@code id} is over: it and those that waited behind it are let go; answers those. */
    synchronized List<Delivery> finished(String id) {
        taken.remove(id);
        attempting.remove(id);
        List<Delivery> waited = behind.remove(id);
        if (waited == null) {
            return List.of();
        }
        waited.forEach(d -> taken.remove(d.id()));
        return waited;
    }
}
