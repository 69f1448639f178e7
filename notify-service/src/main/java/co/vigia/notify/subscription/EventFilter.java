package co.vigia.notify.subscription;

import co.vigia.contracts.EventType;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Which events a subscription wants: event types (exact, {@code co.vigia.bill.*} for a family, or {@code *})
 * and bills (their ids; none listed means every bill).
 */
public record EventFilter(List<String> types, List<String> billIds) {

    public static final String ALL = "*";

    public EventFilter {
        types = types == null ? List.of() : List.copyOf(types);
        billIds = billIds == null ? List.of() : List.copyOf(billIds);
    }

    public boolean matches(String type, String subject) {
        return matchesType(type) && (billIds.isEmpty() || billIds.contains(subject));
    }

    public boolean matchesType(String type) {
        for (String pattern : types) {
            if (pattern.equals(ALL) || pattern.equals(type)
                    || (pattern.endsWith(".*") && type.startsWith(pattern.substring(0, pattern.length() - 1)))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Every pattern that matches {@code type}: {@code *}, the type itself, and each family above it
     * ({@code co.vigia.vote.*}, {@code co.vigia.*}, {@code co.*}). A subscription matches the type exactly when one of
     * its patterns is in this list, so the store can narrow subscriptions by type before any is read.
     */
    public static List<String> patternsMatching(String type) {
        List<String> patterns = new java.util.ArrayList<>();
        patterns.add(ALL);
        patterns.add(type);
        for (int dot = type.indexOf('.'); dot >= 0; dot = type.indexOf('.', dot + 1)) {
            patterns.add(type.substring(0, dot + 1) + "*");
        }
        return patterns;
    }

    /**
     * Why a type pattern would never match any published event type (a typo), or empty when it is fine. Patterns
     * must name a known type or a prefix of at least one ({@code co.vigia.vote.*}).
     */
    public static Optional<String> problemWith(String pattern) {
        if (pattern == null || pattern.isBlank()) {
            return Optional.of("must not be blank");
        }
        if (pattern.equals(ALL)) {
            return Optional.empty();
        }
        boolean known = Arrays.stream(EventType.values()).map(EventType::type).anyMatch(type -> pattern.endsWith(".*")
                ? type.startsWith(pattern.substring(0, pattern.length() - 1)) : type.equals(pattern));
        return known ? Optional.empty() : Optional.of("'" + pattern + "' matches no event type; use one of "
                + Arrays.stream(EventType.values()).map(EventType::type).toList() + ", a family such as co.vigia.bill.* or *");
    }
}
