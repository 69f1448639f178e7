package co.vigia.starter.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * The dates a client may send: years 1000 to 9999. java.time reads years up to ±999,999,999, which MongoDB's dates
 * (milliseconds since 1970 in a long) and most arithmetic cannot hold: such a date was a 500 on the first query.
 */
public final class DateBounds {

    public static final LocalDate MIN = LocalDate.of(1000, 1, 1);
    public static final LocalDate MAX = LocalDate.of(9999, 12, 31);

    private static final Instant FIRST = MIN.atStartOfDay().toInstant(ZoneOffset.UTC);
    private static final Instant AFTER_LAST = MAX.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);

    private DateBounds() {
    }

    /** The value itself, or {@link OutOfRange} when it falls outside {@link #MIN}..{@link #MAX}. */
    public static <T> T check(T value) {
        boolean inside = switch (value) {
            case LocalDate d -> !d.isBefore(MIN) && !d.isAfter(MAX);
            case LocalDateTime d -> check(d.toLocalDate()) != null;
            case OffsetDateTime d -> check(d.toLocalDate()) != null;
            case ZonedDateTime d -> check(d.toLocalDate()) != null;
            case Instant i -> !i.isBefore(FIRST) && i.isBefore(AFTER_LAST);
            case null, default -> true;
        };
        if (!inside) {
            throw new OutOfRange();
        }
        return value;
    }

    public static boolean isBounded(Class<?> type) {
        return type == LocalDate.class || type == LocalDateTime.class || type == OffsetDateTime.class
                || type == ZonedDateTime.class || type == Instant.class;
    }

    /** A date outside the accepted range; its message is the reason a client reads. */
    public static final class OutOfRange extends IllegalArgumentException {
        public OutOfRange() {
            super("must be between " + MIN + " and " + MAX);
        }
    }
}
