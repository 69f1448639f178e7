package co.vigia.vote.rollcall;

import co.vigia.vote.tally.VoteChoice;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** One member's vote in a roll call. */
public record MemberVote(@NotBlank @Size(max = 100) String memberId, @NotBlank @Size(max = 200) String name,
                         @Size(max = 120) String party, @NotNull VoteChoice vote) {
}
