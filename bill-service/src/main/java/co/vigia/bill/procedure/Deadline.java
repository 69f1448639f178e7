package co.vigia.bill.procedure;

import java.time.LocalDate;

/** One of a bill's deadlines as of {@code today}: negative {@code daysLeft} means it has passed. */
public record Deadline(DeadlineKind kind, LocalDate dueOn, long daysLeft, String article, String description) {
}
