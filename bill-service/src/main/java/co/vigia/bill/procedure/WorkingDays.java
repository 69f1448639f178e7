package co.vigia.bill.procedure;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Colombian working days ("días hábiles"): Monday to Friday except the national holidays of Ley 51
 * de 1983 (most moved to the following Monday) and the Easter-based ones. Art. 166 counts the
 * president's time to object in these.
 */
public final class WorkingDays {

    private static final Map<Integer, Set<LocalDate>> HOLIDAYS = new ConcurrentHashMap<>();

    private WorkingDays() {
    }

    /** The {@code days}-th working day after {@code from}. */
    public static LocalDate add(LocalDate from, int days) {
        LocalDate date = from;
        int left = days;
        while (left > 0) {
            date = date.plusDays(1);
            if (isWorkingDay(date)) {
                left--;
            }
        }
        return date;
    }

    public static boolean isWorkingDay(LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY && !holidays(date.getYear()).contains(date);
    }

    public static Set<LocalDate> holidays(int year) {
        return HOLIDAYS.computeIfAbsent(year, WorkingDays::computeHolidays);
    }

    private static Set<LocalDate> computeHolidays(int year) {
        Set<LocalDate> days = new HashSet<>();
        // fixed
        days.add(LocalDate.of(year, Month.JANUARY, 1));
        days.add(LocalDate.of(year, Month.MAY, 1));
        days.add(LocalDate.of(year, Month.JULY, 20));
        days.add(LocalDate.of(year, Month.AUGUST, 7));
        days.add(LocalDate.of(year, Month.DECEMBER, 8));
        days.add(LocalDate.of(year, Month.DECEMBER, 25));
        // Ley 51 de 1983: moved to the following Monday
        for (LocalDate d : new LocalDate[] {LocalDate.of(year, 1, 6), LocalDate.of(year, 3, 19),
                LocalDate.of(year, 6, 29), LocalDate.of(year, 8, 15), LocalDate.of(year, 10, 12),
                LocalDate.of(year, 11, 1), LocalDate.of(year, 11, 11)}) {
            days.add(nextMonday(d));
        }
        LocalDate easter = easterSunday(year);
        days.add(easter.minusDays(3)); // Holy Thursday
        days.add(easter.minusDays(2)); // Good Friday
        days.add(nextMonday(easter.plusDays(39))); // Ascension
        days.add(nextMonday(easter.plusDays(60))); // Corpus Christi
        days.add(nextMonday(easter.plusDays(68))); // Sacred Heart
        return Set.copyOf(days);
    }

    private static LocalDate nextMonday(LocalDate date) {
        return date.with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
    }

    /** Easter Sunday, Gregorian computus (anonymous algorithm). */
    static LocalDate easterSunday(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = ((h + l - 7 * m + 114) % 31) + 1;
        return LocalDate.of(year, month, day);
    }
}
