package co.vigia.bill.deadline;

import java.time.LocalDate;
import java.time.MonthDay;

/**
 * Art. 138: a legislature runs from 20 July to 20 June; ordinary sessions 20 July-16 December and
 * 16 March-20 June. A date in the recess between two legislatures belongs to the one about to start.
 */
public final class Legislatures {

    public static final MonthDay START = MonthDay.of(7, 20);
    public static final MonthDay END = MonthDay.of(6, 20);

    private Legislatures() {
    }

    /** The year the legislature that holds (or next follows) {@code date} started. */
    public static int startYear(LocalDate date) {
        MonthDay day = MonthDay.from(date);
        return day.isAfter(END) ? date.getYear() : date.getYear() - 1;
    }

    /** Last day of the legislature holding {@code date}, plus {@code later} legislatures. */
    public static LocalDate end(LocalDate date, int later) {
        return END.atYear(startYear(date) + 1 + later);
    }

    public static LocalDate end(LocalDate date) {
        return end(date, 0);
    }

    /** Whether Congress is in ordinary sessions on {@code date} (art. 138). */
    public static boolean inOrdinarySessions(LocalDate date) {
        MonthDay day = MonthDay.from(date);
        return !day.isBefore(START) && !day.isAfter(MonthDay.of(12, 16))
                || !day.isBefore(MonthDay.of(3, 16)) && !day.isAfter(END);
    }
}
