package co.vigia.vote.rollcall;

import co.vigia.contracts.CloudEvent;
import co.vigia.contracts.EventCodec;
import co.vigia.contracts.vote.VoteTallied;
import co.vigia.starter.outbox.OutboxMessage;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/** Builds the {@code co.vigia.vote.tallied} event of a roll call. */
final class VoteTalliedEvents {

    private VoteTalliedEvents() {
    }

    /** Stable per roll call: a re-send, or a second release of the same waiting vote, carries the same id. */
    static String eventId(String voteId) {
        return UUID.nameUUIDFromBytes(("co.vigia.vote.tallied/" + voteId).getBytes(StandardCharsets.UTF_8)).toString();
    }

    static OutboxMessage outboxMessage(String source, RollCall roll, Verdict verdict, Instant time) {
        VoteTallied data = new VoteTallied(roll.id(), roll.externalId(), roll.billId(), roll.chamber(),
                roll.body().displayName(roll.chamber()), roll.debate(), roll.date(), roll.seats(),
                roll.counts().yes(), roll.counts().no(), roll.counts().abstain(), roll.counts().absent(),
                roll.counts().excused(), verdict.quorumPresent(), verdict.requiredMajority().name(),
                verdict.votesNeeded(), verdict.outcome(), roll.totalsOnly(), verdict.majoritySource(),
                roll.basis().countsComplete(), roll.sourceUrl());
        CloudEvent event = EventCodec.create(eventId(roll.id()), source, data, time);
        return OutboxMessage.of(event);
    }
}
