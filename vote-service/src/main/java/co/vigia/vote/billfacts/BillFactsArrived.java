package co.vigia.vote.billfacts;

/** Published (in-process) when the read model learned a bill's facts, so votes waiting for it can be tallied. */
public record BillFactsArrived(BillFacts facts) {
}
