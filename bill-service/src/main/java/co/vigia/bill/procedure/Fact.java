package co.vigia.bill.procedure;

import java.time.LocalDate;

/** One fact a defect rests on: when, what, and where it is recorded (the source the clerk gave, if any). */
public record Fact(LocalDate date, String text, String sourceUrl) {
}
