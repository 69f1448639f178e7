package co.vigia.vote.rollcall;

import co.vigia.vote.tally.VoteChoice;

/** One member's vote in a roll call; checked by {@link RollCallChecks}. */
public record MemberVote(String memberId, String name, String party, VoteChoice vote) {
}
