package co.vigia.bill.procedure;

import java.time.LocalDate;
import java.time.MonthDay;

/**
 * Art. 138: a legislature runs from 20 July to 20 June; ordinary sessions 20 July-16 December and
 * 16 March-20 June; from 2024 the second period starts on 16 February (the 2023 reform of art. 138, published in its
 * first round by Decreto 0113 de 2023). A date in the recess between two legislatures belongs to the one about to
 * start.
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

    /** The first year whose second period starts on 16 February (art. 138 as reformed in 2023). */
    public static final int REFORMED_FROM = 2024;

    /** Whether Congress is in ordinary sessions on {@code date} (art. 138). */
    public static boolean inOrdinarySessions(LocalDate date) {
        MonthDay day = MonthDay.from(date);
        return !day.isBefore(START) && !day.isAfter(MonthDay.of(12, 16))
                || !day.isBefore(secondPeriodStart(date.getYear())) && !day.isAfter(END);
    }

    /** Art. 138: 16 March, or 16 February from 2024. */
    public static MonthDay secondPeriodStart(int year) {
        return year >= REFORMED_FROM ? MonthDay.of(2, 16) : MonthDay.of(3, 16);
    }
}
