package co.vigia.bill.events;

import co.vigia.contracts.objection.ObjectionFiled;
import co.vigia.contracts.vote.VoteTallied;

/** The timeline's words for a vote or an objection vote-service reported. */
final class EventTexts {

    private EventTexts() {
    }

    static String vote(VoteTallied vote) {
        String counts = vote.countsKnown() ? vote.yes() + " yes, " + vote.no() + " no"
                : "the result as recorded; the record gives " + (vote.yes() > 0 ? vote.yes() + " votes in favour"
                + (vote.no() > 0 ? " and " + vote.no() + " against" : "") + " and no other count" : "no count");
        return vote.debate() + " debate" + (vote.chamber() == null ? "" : " (" + vote.chamber()
                + (vote.body() == null ? "" : ", " + vote.body()) + ")") + ": " + vote.outcome() + ", "
                + counts + (vote.requiredMajority() == null || !vote.countsKnown() ? ""
                : "; " + vote.requiredMajority() + " needed " + vote.votesNeeded());
    }

    static String objection(ObjectionFiled objection) {
        String who = objection.authorName() == null ? String.valueOf(objection.author())
                : objection.authorName() + " (" + objection.author() + ")";
        return who + ": " + objection.kind() + (objection.stance() == null ? "" : ", " + objection.stance())
                + (objection.articles().isEmpty() ? "" : " on arts. " + String.join(", ", objection.articles()))
                + (objection.summary() == null ? "" : ". " + objection.summary());
    }
}
