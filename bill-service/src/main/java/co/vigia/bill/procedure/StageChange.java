package co.vigia.bill.procedure;

/** A move from one stage to another, the article behind it, and the archive reason when archived. */
public record StageChange(Stage from, Stage to, ArchiveReason archiveReason, String article) {
}
